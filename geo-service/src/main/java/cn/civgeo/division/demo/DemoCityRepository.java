package cn.civgeo.division.demo;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link DemoCity}: whether it is there, its units from the registry, and their geometry and figures. */
@Repository
class DemoCityRepository {
    /** A registry unit of the demo city (or its province). */
    record Row(String code, int level, String kind, String parent) {}

    private final JdbcClient jdbc;

    DemoCityRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Whether some unit of 3502 (the demo city) has geometry. */
    boolean cityHasGeometry() {
        return jdbc.sql("select count(*) from division where code like '3502%' and geom is not null").query(Long.class).single() > 0;
    }

    /** Takes the transaction-scoped advisory lock that serialises demo city loads. */
    void lockDemoCity() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('division_demo_city'))").query().singleValue();
    }

    /** The active units of 3502 and the province, by level and code. */
    List<Row> activeUnits(String province) {
        return jdbc.sql("""
                select code, level, kind, parent_code from division
                 where (code like '3502%' or code = :p) and status = 'active' order by level, code""")
                .param("p", province)
                .query((rs, i) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4))).list();
    }

    /**
     * Sets a unit's geometry (WKB, EPSG:4490) and source, and its figures where given, unless it has geometry
     * already. Returns the rows updated (0 or 1).
     */
    int storeUnit(String code, byte[] wkb, String source, Integer population, Integer households, Integer elderly,
                  String urbanRural) {
        return jdbc.sql("""
                update division set geom = st_multi(st_geomfromwkb(:wkb, 4490)), geom_source = :source,
                       population = coalesce(:pop, population), households = coalesce(:hh, households),
                       elderly = coalesce(:old, elderly), urban_rural = coalesce(:ur, urban_rural),
                       version = version + 1, updated_at = now()
                 where code = :code and geom is null""")
                .param("wkb", wkb).param("code", code)
                .param("source", source)
                .param("pop", population).param("hh", households)
                .param("old", elderly).param("ur", urbanRural)
                .update();
    }
}
