package cn.civgeo.common.crs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** PostGIS's {@code ST_Transform} between EPSG codes, for the coordinate systems Java does not compute itself. */
@Repository
class TransformRepository {
    private final JdbcClient jdbc;

    TransformRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** {x, y} of the point in {@code toSrid}. */
    double[] transformPoint(double x, double y, int fromSrid, int toSrid) {
        return jdbc.sql("select ST_X(p), ST_Y(p) from (select ST_Transform(ST_SetSRID(ST_MakePoint(:x, :y), :f), :t) p) q")
                .param("x", x).param("y", y).param("f", fromSrid).param("t", toSrid)
                .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
    }

    /** The 2D WKB of a geometry given as 2D WKB, transformed to {@code toSrid}. */
    byte[] transformWkb(byte[] wkb, int fromSrid, int toSrid) {
        return jdbc.sql("select ST_AsBinary(ST_Transform(ST_SetSRID(ST_GeomFromWKB(:g), :f), :t))")
                .param("g", wkb).param("f", fromSrid).param("t", toSrid).query(byte[].class).single();
    }
}
