package cn.civgeo.placename;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.io.ImportReport;
import cn.civgeo.common.io.RowImporter;
import cn.civgeo.common.io.Tabular;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import and export of place names as CSV or .xlsx (e.g. the census results tables). Columns, English or Chinese:
 * name/标准名称, category/类别代码, divisionCode/行政区划代码, shortName/简称, aliases/别名 (separated by ; or 、),
 * spelling/罗马字母拼写 (optional; generated when empty), lon/经度 + lat/纬度 or geometry/几何 (GeoJSON or WKT,
 * EPSG:4490), locationText/位置描述, meaning/含义, history/沿革, description/描述, namingDate/命名时间, numbering,
 * status/状态 (proposed or approved), approvalAuthority/批准机关, approvalDoc/批准文号, approvalDate/批准时间.
 * The export writes the same columns (plus code and pinyin), so an export imports again.
 * <p>
 * All-or-nothing by default: every row runs in a savepoint; one bad row rolls the whole import back and the answer
 * names each bad row and field. {@code mode=partial} keeps the good rows.
 */
@Service
class PlaceNameTransfer {
    static final List<String> COLUMNS = List.of("code", "name", "category", "divisionCode", "shortName", "aliases", "spelling", "pinyin",
            "status", "lon", "lat", "geometry", "locationText", "meaning", "history", "description", "namingDate", "numbering",
            "approvalAuthority", "approvalDoc", "approvalDate");
    private static final Map<String, String> CHINESE = Map.ofEntries(Map.entry("name", "标准名称"), Map.entry("category", "类别代码"),
            Map.entry("divisionCode", "行政区划代码"), Map.entry("shortName", "简称"), Map.entry("aliases", "别名"),
            Map.entry("spelling", "罗马字母拼写"), Map.entry("lon", "经度"), Map.entry("lat", "纬度"), Map.entry("geometry", "几何"),
            Map.entry("locationText", "位置描述"), Map.entry("meaning", "含义"), Map.entry("history", "沿革"), Map.entry("description", "描述"),
            Map.entry("namingDate", "命名时间"), Map.entry("status", "状态"), Map.entry("approvalAuthority", "批准机关"),
            Map.entry("approvalDoc", "批准文号"), Map.entry("approvalDate", "批准时间"), Map.entry("numbering", "门牌编号方向"));
    public static final int MAX_ROWS = 20_000;
    public static final int MAX_EXPORT = 200_000;

    private final PlaceNameService service;
    private final PlaceNameRepository repo;
    private final JsonMapper json;
    private final RowImporter rows;

    public PlaceNameTransfer(PlaceNameService service, PlaceNameRepository repo, JsonMapper json, RowImporter rows) {
        this.service = service;
        this.repo = repo;
        this.json = json;
        this.rows = rows;
    }

    public ImportReport importFile(InputStream in, String filename, ImportReport.Mode mode) {
        Tabular t = Tabular.read(in, filename);
        if (t.size() == 0) throw ApiException.badField("file", "has no data rows");
        if (t.size() > MAX_ROWS) throw ApiException.badField("file", "has " + t.size() + " rows; at most " + MAX_ROWS + " per import");
        if (get(t.rows().get(0), "name") == null && !t.headers().stream().anyMatch(h -> h.equalsIgnoreCase("name") || h.equals("标准名称"))) {
            throw ApiException.badField("file", "needs a name (标准名称) column");
        }
        return rows.run(t, mode, row -> {
            PlaceNameService.Result r = importRow(row);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("name", r.placeName().name());
            info.put("status", r.placeName().status());
            if (!r.findings().isEmpty()) info.put("findings", r.findings().stream().map(f -> f.label() + " " + f.check()).toList());
            return new RowImporter.Stored(r.placeName().id(), info);
        });
    }

    private PlaceNameService.Result importRow(Tabular.DataRow row) {
        String geometry = get(row, "geometry");
        String lon = get(row, "lon"), lat = get(row, "lat");
        String geo = null;
        if (geometry != null) {
            geo = geometry.startsWith("{") ? geometry : wktToGeoJson(geometry);
        } else if (lon != null || lat != null) {
            try {
                geo = "{\"type\":\"Point\",\"coordinates\":[" + Double.parseDouble(lon) + "," + Double.parseDouble(lat) + "]}";
            } catch (RuntimeException e) {
                throw ApiException.badField("lon", "lon and lat must both be numbers");
            }
        }
        String aliases = get(row, "aliases");
        PlaceNameRequest r = new PlaceNameRequest(get(row, "name"), get(row, "shortName"),
                aliases == null ? List.of() : Arrays.asList(aliases.split("[;；、]")), get(row, "spelling"), get(row, "category"),
                get(row, "divisionCode"), geo == null ? null : json.readTree(geo), get(row, "locationText"), get(row, "meaning"),
                get(row, "history"), get(row, "description"), date(row, "namingDate"), null, get(row, "numbering"), null, null);
        String st = get(row, "status");
        boolean approved = st != null && (st.equalsIgnoreCase("approved") || st.equals("已批准") || st.equals("标准"));
        if (st != null && !approved && !st.equalsIgnoreCase("proposed") && !st.equals("拟定")) {
            throw ApiException.badField("status", "must be proposed or approved");
        }
        return service.importRecord(r, approved, get(row, "approvalAuthority"), get(row, "approvalDoc"), date(row, "approvalDate"));
    }

    private String wktToGeoJson(String wkt) {
        try {
            return repo.geoJsonOfWkt(wkt);
        } catch (RuntimeException e) {
            throw ApiException.badField("geometry", "is neither GeoJSON nor WKT");
        }
    }

    private static LocalDate date(Tabular.DataRow row, String column) {
        String v = get(row, column);
        if (v == null) return null;
        try {
            return LocalDate.parse(v.replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            throw ApiException.badField(column, "must be a date like 2024-05-01");
        }
    }

    static String get(Tabular.DataRow row, String column) {
        String v = row.get(column);
        if (v == null && CHINESE.containsKey(column)) v = row.get(CHINESE.get(column));
        return v;
    }


    /** The export as a streamed query (cn.civgeo.common.io.StreamedExport): keyed by division, category, name and the unique id. */
    public cn.civgeo.common.io.StreamedExport.Query exportQuery(String division, String category, String status) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("d", (division == null ? "" : division) + "%");
        params.put("c", (category == null ? "" : category) + "%");
        params.put("s", status);
        return new cn.civgeo.common.io.StreamedExport.Query("""
                select p.code, p.name, p.category_code, p.division_code, p.short_name, array_to_string(p.aliases, ';'), p.spelling, p.pinyin,
                       p.status, case when geometrytype(p.geom) = 'POINT' then st_x(p.geom) end, case when geometrytype(p.geom) = 'POINT' then st_y(p.geom) end,
                       case when geometrytype(p.geom) <> 'POINT' then st_asgeojson(p.geom, 7) end, p.location_text, p.meaning, p.history,
                       p.description, p.naming_date, p.numbering, p.approval_authority, p.approval_doc, p.approval_date,
                       coalesce(p.division_code, '') as k_division, coalesce(p.category_code, '') as k_category, p.name as k_name, p.id as k_id
                  from place_name p
                 where p.division_code like :d and p.category_code like :c and (:s::text is null or p.status = :s)""", params, rs -> {
                    List<Object> r = new ArrayList<>();
                    for (int k = 1; k <= COLUMNS.size(); k++) {
                        Object o = rs.getObject(k);
                        r.add(o == null ? "" : o instanceof java.sql.Date d ? d.toLocalDate().toString() : o);
                    }
                    return r;
                }, List.of(cn.civgeo.common.io.StreamedExport.Key.text("k_division"), cn.civgeo.common.io.StreamedExport.Key.text("k_category"),
                        cn.civgeo.common.io.StreamedExport.Key.text("k_name"), cn.civgeo.common.io.StreamedExport.Key.bigint("k_id")));
    }
}
