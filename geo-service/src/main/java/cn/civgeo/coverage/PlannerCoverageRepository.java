package cn.civgeo.coverage;

import cn.civgeo.common.ApiException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads of the planner's coverage model: divisions, residential units, facilities and stored service areas. */
@Repository
class PlannerCoverageRepository {
    private static final String UNITS = CoverageRepository.sql("planner-units.sql");

    private final JdbcClient jdbc;

    PlannerCoverageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One division by code; 404 naming the code when absent. */
    CoverageRepository.DivisionRef division(String code) {
        return jdbc.sql("select code, name, level, households::bigint, elderly::bigint from division_read division where code = :c").param("c", code.strip())
                .query((rs, i) -> new CoverageRepository.DivisionRef(rs.getString(1), rs.getString(2), rs.getInt(3),
                        (Long) rs.getObject(4, Long.class), (Long) rs.getObject(5, Long.class)))
                .optional().orElseThrow(() -> ApiException.notFound("Division", code));
    }

    /**
     * The residential units of a scope on a date (planner-units.sql): code, name, parent code, parent name,
     * households, elderly, lon, lat, WKB.
     */
    List<Object[]> units(String scope, LocalDate asOf) {
        return jdbc.sql(UNITS).param("prefix", scope).param("asOf", Date.valueOf(asOf))
                .query((rs, i) -> new Object[] {rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
                        rs.getString("parent_name"), rs.getLong("households"), rs.getLong("elderly"), rs.getDouble("lon"),
                        rs.getDouble("lat"), rs.getBytes("wkb")}).list();
    }

    /** Facilities of the kinds open on the date inside the envelope widened by the margin (degrees), by id. */
    List<PlannerCoverage.Fac> facilities(List<String> kinds, LocalDate asOf, Envelope all, double margin) {
        return jdbc.sql("""
                        select id, name, kind, ST_X(geom) as lon, ST_Y(geom) as lat from facility_operating_at(:asOf) facility
                         where kind = any(cast(:kinds as text[])) and geom is not null
                           and geom && ST_MakeEnvelope(:x0, :y0, :x1, :y1, 4490)
                         order by id""")
                .param("kinds", CoverageRepository.array(kinds)).param("asOf", Date.valueOf(asOf))
                .param("x0", all.getMinX() - margin).param("y0", all.getMinY() - margin)
                .param("x1", all.getMaxX() + margin).param("y1", all.getMaxY() + margin)
                .query((rs, i) -> new PlannerCoverage.Fac(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5))).list();
    }

    /** The stored service areas of the facilities as (facility id, WKB). */
    List<Map.Entry<Long, byte[]>> storedAreas(List<Long> ids) {
        return jdbc.sql("select facility_id, ST_AsBinary(geom) from service_area where facility_id in (:ids) and geom is not null")
                .param("ids", ids)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getBytes(2))).list();
    }

    /** Up to 20 city prefixes (4 digits) with active residential units that have geometry. */
    List<String> citiesWithUnits() {
        return jdbc.sql("""
                        select distinct substr(code, 1, 4) from division_read division
                         where level = 5 and status = 'active' and geom is not null order by 1 limit 20""").query(String.class).list();
    }
}
