package cn.civgeo.ogc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over the published views. Statements are assembled only from the catalog's column names and fixed text;
 * every value (bbox, dates, limit, CQL2 literals) is a bound parameter. GeoJSON is built in the database.
 */
@Repository
class OgcRepository {
    private static final long EXTENT_TTL_MILLIS = 60_000;

    private final JdbcClient jdbc;
    private final OgcCatalog catalog;
    private static final long REFRESH_CHECK_MILLIS = 5_000;
    private final Map<String, Extent> extents = new ConcurrentHashMap<>();
    private final Map<String, Long> refreshedAt = new ConcurrentHashMap<>();

    OgcRepository(JdbcClient jdbc, OgcCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** Spatial extent in CRS84 (null when empty) and temporal extent (ISO dates, null = open). */
    record Extent(double[] bbox, String from, String to, long at) {}

    record Page(List<String> features, long matched) {}

    Page items(OgcCollection c, ItemsQuery q) {
        refresh(c);
        Map<String, Object> params = new HashMap<>();
        String where = where(c, q, params);
        long matched = jdbc.sql("select count(*) from " + c.view() + " v where " + where).params(params)
                .query(Long.class).single();
        params.put("limit", q.limit());
        params.put("offset", q.offset());
        List<String> features = matched <= q.offset() ? List.of()
                : jdbc.sql(select(c, q.crs()) + " where " + where + " order by v.id limit :limit offset :offset")
                        .params(params).query(String.class).list();
        return new Page(features, matched);
    }

    /** The middle longitude of the features a query selects (null when none): the export's Gauss–Krüger zone. */
    Double centreLon(OgcCollection c, ItemsQuery q) {
        Map<String, Object> params = new HashMap<>();
        String where = where(c, q, params);
        return jdbc.sql("select (ST_XMin(e) + ST_XMax(e)) / 2 from (select ST_Extent(v.geom) e from " + c.view()
                + " v where " + where + ") x where e is not null").params(params).query(Double.class).optional().orElse(null);
    }

    /** One feature by id, or null. */
    String item(OgcCollection c, String id, OgcCrs crs) {
        refresh(c);
        Map<String, Object> params = new HashMap<>();
        params.put("fid", id);
        if (c.fixedColumn() != null) params.put("fixed", c.fixedValue());
        return jdbc.sql(select(c, crs) + " where " + c.fixedSql() + " and v.id::text = :fid").params(params)
                .query(String.class).optional().orElse(null);
    }

    private String select(OgcCollection c, OgcCrs crs) {
        String g = "ST_ForcePolygonCCW(v.geom)";
        if (crs.projected()) g = "ST_Transform(" + g + ", " + crs.srid() + ")";
        if (crs.swap()) g = "ST_FlipCoordinates(" + g + ")";
        List<String> props = new ArrayList<>();
        for (Queryable p : catalog.properties(c)) props.add("'" + p.name().replace("'", "''") + "', " + p.sqlExpression());
        return "select json_build_object('type', 'Feature', 'id', v.id, 'geometry', ST_AsGeoJSON(" + g + ", "
                + crs.precision() + ", 0)::json, 'properties', json_build_object(" + String.join(", ", props)
                + "))::text from " + c.view() + " v";
    }

    private String where(OgcCollection c, ItemsQuery q, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(c.fixedSql());
        if (c.fixedColumn() != null) params.put("fixed", c.fixedValue());
        if (q.bbox() != null) {
            double[] b = q.bbox();
            params.put("bx1", b[0]);
            params.put("by1", b[1]);
            params.put("bx2", b[2]);
            params.put("by2", b[3]);
            String env = "ST_MakeEnvelope(:bx1, :by1, :bx2, :by2, " + q.bboxCrs().srid() + ")";
            // A projected box is densified before it is converted, so its curved edges in degrees are followed.
            env = q.bboxCrs().geographic() ? "ST_SetSRID(" + env + ", 4490)"
                    : "ST_Transform(ST_Segmentize(" + env + ", greatest(:bx2 - :bx1, :by2 - :by1) / 32), 4490)";
            w.append(" and v.geom && ").append(env).append(" and ST_Intersects(v.geom, ").append(env).append(')');
        }
        if (q.datetime() && c.temporal()) {
            if (q.dateTo() != null) {
                params.put("dtTo", q.dateTo());
                w.append(" and (v.\"").append(c.validFrom()).append("\" is null or v.\"").append(c.validFrom())
                        .append("\" <= :dtTo)");
            }
            if (q.dateFrom() != null) {
                params.put("dtFrom", q.dateFrom());
                w.append(" and (v.\"").append(c.validTo()).append("\" is null or v.\"").append(c.validTo())
                        .append("\" > :dtFrom)");
            }
        }
        if (q.filter() != null) {
            w.append(" and (").append(q.filter().where()).append(')');
            params.putAll(q.filter().params());
        }
        return w.toString();
    }

    /** Calls the owner's refresh function of a materialized layer (at most every few seconds). */
    private void refresh(OgcCollection c) {
        if (c.refresh() == null) return;
        long now = System.currentTimeMillis();
        Long last = refreshedAt.get(c.view());
        if (last != null && now - last < REFRESH_CHECK_MILLIS) return;
        jdbc.sql("select " + c.refresh() + "()").query(Boolean.class).single();
        refreshedAt.put(c.view(), now);
    }

    Extent extent(OgcCollection c) {
        Extent e = extents.get(c.id());
        long now = System.currentTimeMillis();
        if (e != null && now - e.at() < EXTENT_TTL_MILLIS) return e;
        refresh(c);
        Map<String, Object> params = new HashMap<>();
        if (c.fixedColumn() != null) params.put("fixed", c.fixedValue());
        double[] bbox = jdbc.sql("select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) from (select ST_Extent(v.geom) e from "
                        + c.view() + " v where " + c.fixedSql() + ") x where e is not null").params(params)
                .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
                .optional().orElse(null);
        String[] t = {null, null};
        if (c.temporal()) {
            jdbc.sql("select min(v.\"" + c.validFrom() + "\")::text, case when bool_or(v.\"" + c.validTo()
                            + "\" is null) then null else max(v.\"" + c.validTo() + "\")::text end from " + c.view()
                            + " v where " + c.fixedSql()).params(params)
                    .query((rs, i) -> {
                        t[0] = rs.getString(1);
                        t[1] = rs.getString(2);
                        return null;
                    }).list();
        }
        e = new Extent(bbox, t[0], t[1], now);
        extents.put(c.id(), e);
        return e;
    }
}
