package cn.civgeo.address;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.io.ImportReport;
import cn.civgeo.common.io.RowImporter;
import cn.civgeo.common.io.Tabular;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Import and export of doorplates as CSV or .xlsx. Columns, English or Chinese: road/道路 (an approved name in the
 * community's city) or roadId, number/门牌号, suffix/后缀, building/楼栋, unit/单元, room/户室, communityCode/社区代码
 * (optional: found from the point), lon/经度, lat/纬度 (EPSG:4490), status/状态. The export adds code and fullText.
 * All-or-nothing by default (savepoint per row, one bad row rolls everything back); {@code mode=partial} keeps good rows.
 */
@Service
class AddressTransfer {
    static final List<String> COLUMNS = List.of("code", "road", "roadId", "number", "suffix", "building", "unit", "room", "communityCode",
            "lon", "lat", "status", "fullText");
    private static final Map<String, String> CHINESE = Map.ofEntries(Map.entry("road", "道路"), Map.entry("number", "门牌号"),
            Map.entry("suffix", "后缀"), Map.entry("building", "楼栋"), Map.entry("unit", "单元"), Map.entry("room", "户室"),
            Map.entry("communityCode", "社区代码"), Map.entry("lon", "经度"), Map.entry("lat", "纬度"), Map.entry("status", "状态"));
    public static final int MAX_ROWS = 50_000;
    public static final int MAX_EXPORT = 200_000;

    private final AddressService service;
    private final RowImporter rows;

    public AddressTransfer(AddressService service, RowImporter rows) {
        this.service = service;
        this.rows = rows;
    }

    public ImportReport importFile(InputStream in, String filename, ImportReport.Mode mode) {
        Tabular t = Tabular.read(in, filename);
        if (t.size() == 0) throw ApiException.badField("file", "has no data rows");
        if (t.size() > MAX_ROWS) throw ApiException.badField("file", "has " + t.size() + " rows; at most " + MAX_ROWS + " per import");
        return rows.run(t, mode, row -> {
            Address a = service.create(request(row), "import");
            return new RowImporter.Stored(a.id(), Map.of("code", a.code(), "fullText", a.fullText()));
        });
    }

    private static AddressRequest request(Tabular.DataRow row) {
        return new AddressRequest(longOf(row, "roadId"), get(row, "road"), intOf(row, "number"), get(row, "suffix"), get(row, "building"),
                get(row, "unit"), get(row, "room"), get(row, "communityCode"), doubleOf(row, "lon"), doubleOf(row, "lat"), get(row, "status"), null);
    }

    private static Integer intOf(Tabular.DataRow row, String c) {
        String v = get(row, c);
        if (v == null) return null;
        try {
            return Integer.valueOf(v.replace("号", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badField(c, "must be a whole number, not " + v);
        }
    }

    private static Long longOf(Tabular.DataRow row, String c) {
        String v = get(row, c);
        if (v == null) return null;
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            throw ApiException.badField(c, "must be a number");
        }
    }

    private static Double doubleOf(Tabular.DataRow row, String c) {
        String v = get(row, c);
        if (v == null) return null;
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw ApiException.badField(c, "must be a number, not " + v);
        }
    }

    static String get(Tabular.DataRow row, String column) {
        String v = row.get(column);
        if (v == null && CHINESE.containsKey(column)) v = row.get(CHINESE.get(column));
        return v;
    }

    /** The export as a streamed query (cn.civgeo.common.io.StreamedExport): keyed by community, road, number and the unique id. */
    public cn.civgeo.common.io.StreamedExport.Query exportQuery(String division, Long roadId, String status) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("d", (division == null ? "" : division) + "%");
        params.put("road", roadId);
        params.put("s", status);
        return new cn.civgeo.common.io.StreamedExport.Query("""
                select a.code, r.name, a.road_id, a.number, a.number_suffix, a.building, a.unit, a.room, a.community_code,
                       round(st_x(a.geom)::numeric, 7), round(st_y(a.geom)::numeric, 7), a.status, a.full_text,
                       coalesce(a.community_code, '') as k_community, r.name as k_road, coalesce(a.number, -1)::bigint as k_number, a.id as k_id
                  from address a join place_name_read r on r.id = a.road_id
                 where a.community_code like :d and (:road::bigint is null or a.road_id = :road) and (:s::text is null or a.status = :s)""", params, rs -> {
                    List<Object> r = new ArrayList<>();
                    for (int k = 1; k <= COLUMNS.size(); k++) r.add(rs.getObject(k) == null ? "" : rs.getObject(k));
                    return r;
                }, List.of(cn.civgeo.common.io.StreamedExport.Key.text("k_community"), cn.civgeo.common.io.StreamedExport.Key.text("k_road"),
                        cn.civgeo.common.io.StreamedExport.Key.bigint("k_number"), cn.civgeo.common.io.StreamedExport.Key.bigint("k_id")));
    }
}
