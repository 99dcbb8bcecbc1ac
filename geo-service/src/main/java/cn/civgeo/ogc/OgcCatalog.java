package cn.civgeo.ogc;

import cn.civgeo.common.ApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Every public layer as an OGC API collection, read through the views the owning features publish (V90–V95):
 * divisions by level, boundary lines, markers and disputes, place names by geometry kind, addresses, facilities
 * by kind, service areas and coverage gaps. A collection whose view does not exist (feature not deployed) is
 * left out. Queryables are the view's columns, read from the database catalog.
 */
@Component
class OgcCatalog {
    static final String[][] LEVELS = {{"province", "省级行政区", "Provinces"}, {"prefecture", "地级行政区", "Prefectures"},
            {"county", "县级行政区", "Counties"}, {"township", "乡级行政区（街道、镇、乡）", "Townships"},
            {"village", "村级（社区、村）", "Villages and communities"}};
    static final String[][] FACILITY_KINDS = {{"nursing_home", "养老机构", "Nursing homes"},
            {"township_centre", "街道综合养老服务中心", "Township elderly-care centres"},
            {"community_station", "社区居家养老服务站", "Community elderly-care stations"},
            {"rural_mutual_aid", "农村幸福院/互助养老点", "Rural mutual-aid points"},
            {"funeral_home", "殡仪馆", "Funeral homes"}, {"public_cemetery", "公益性公墓", "Public cemeteries"},
            {"commercial_cemetery", "经营性公墓", "Commercial cemeteries"}, {"columbarium", "骨灰堂", "Columbaria"},
            {"community_service_centre", "社区综合服务设施", "Community service centres"}};

    private final OgcViewColumnRepository viewColumns;
    private final Map<String, OgcCollection> all = new LinkedHashMap<>();
    private final Map<String, Map<String, Queryable>> columns = new ConcurrentHashMap<>();

    OgcCatalog(OgcViewColumnRepository viewColumns) {
        this.viewColumns = viewColumns;
        for (int l = 1; l <= 5; l++) {
            add(new OgcCollection("divisions-" + LEVELS[l - 1][0], LEVELS[l - 1][1], LEVELS[l - 1][2], "division_public",
                    "level", l, "MultiPolygon", "validFrom", "validTo"));
        }
        add(new OgcCollection("boundary-lines", "行政区域界线", "Boundary lines", "boundary_line_public", null, null,
                "MultiLineString", null, null));
        add(new OgcCollection("boundary-markers", "界桩", "Boundary markers", "boundary_marker_public", null, null,
                "Point", null, null));
        add(new OgcCollection("disputes", "界线争议区", "Disputed areas", "boundary_dispute_public", null, null,
                "MultiPolygon", null, null));
        add(new OgcCollection("place-names-points", "标准地名（点）", "Standard place names (points)",
                "place_name_public_point", null, null, "MultiPoint", null, null));
        add(new OgcCollection("place-names-lines", "标准地名（线）", "Standard place names (lines)",
                "place_name_public_line", null, null, "MultiLineString", null, null));
        add(new OgcCollection("place-names-areas", "标准地名（面）", "Standard place names (areas)",
                "place_name_public_area", null, null, "MultiPolygon", null, null));
        add(new OgcCollection("addresses", "标准地址（门牌）", "Standard addresses (doorplates)", "address_public", null, null,
                "Point", null, null));
        for (String[] k : FACILITY_KINDS) {
            add(new OgcCollection("facilities-" + k[0].replace('_', '-'), k[1], k[2], "facility_public", "kind", k[0],
                    "Point", "openedOn", "closedOn"));
        }
        add(new OgcCollection("service-areas", "15分钟养老服务圈", "Service areas (15-minute walk)", "service_area_public",
                null, null, "MultiPolygon", null, null));
        add(new OgcCollection("coverage-gaps", "养老服务覆盖缺口", "Elderly-care coverage gaps", "coverage_gap_public",
                null, null, "MultiPolygon", null, null, "coverage_gap_refresh"));
    }

    private void add(OgcCollection c) { all.put(c.id(), c); }

    /** The collections whose views exist, in display order. */
    public List<OgcCollection> collections() {
        List<OgcCollection> out = new ArrayList<>();
        for (OgcCollection c : all.values()) if (!queryables(c).isEmpty()) out.add(c);
        return out;
    }

    /** The collection, or 404. */
    public OgcCollection get(String id) {
        OgcCollection c = all.get(id);
        if (c == null || queryables(c).isEmpty()) throw ApiException.notFound("Collection", id);
        return c;
    }

    /**
     * The view's columns other than {@code id} (feature id) in view order, the geometry under the name
     * {@code geometry}; empty when the view does not exist.
     */
    public Map<String, Queryable> queryables(OgcCollection c) {
        Map<String, Queryable> q = columns.get(c.view());
        if (q != null) return q;
        Map<String, Queryable> read = new LinkedHashMap<>();
        for (OgcViewColumnRepository.Column col : viewColumns.columns(c.view())) {
            String name = col.name();
            Queryable.Type type = Queryable.Type.ofSql(col.typeName());
            if (type == Queryable.Type.GEOMETRY) read.put("geometry", new Queryable("geometry", type));
            else if (!name.equals("id")) read.put(name, new Queryable(name, type));
        }
        Map<String, Queryable> fixed = Collections.unmodifiableMap(read);
        if (!fixed.isEmpty()) columns.put(c.view(), fixed); // a missing view is looked up again next time
        return fixed;
    }

    /** The property columns written in each feature (the queryables without the geometry). */
    public List<Queryable> properties(OgcCollection c) {
        return queryables(c).values().stream().filter(q -> q.type() != Queryable.Type.GEOMETRY).toList();
    }
}
