package cn.civgeo.facility;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads of the demo facility loaders: whether they ran, and the demo city's units to place facilities in. */
@Repository
class DemoFacilitiesRepository {
    private final JdbcClient jdbc;

    DemoFacilitiesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the demo city (3502) has any facility. */
    boolean demoCityHasFacilities() {
        return jdbc.sql("select exists(select 1 from facility where division_code like '3502%')").query(Boolean.class).single();
    }

    /** The demo city's active districts, townships and communities with geometry, by code. */
    List<DemoFacilities.Unit> demoCityUnits() {
        return jdbc.sql("""
                        select code, name, level, urban_rural, coalesce(households, 0), coalesce(elderly, 0),
                               ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom))
                          from division_read division where code like '3502%' and level between 3 and 5 and status = 'active' and geom is not null
                         order by code""")
                .query((rs, i) -> new DemoFacilities.Unit(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                        rs.getDouble(7), rs.getDouble(8))).list();
    }

    /** Whether the demo city has a marriage registry (the social facilities were loaded). */
    boolean demoCityHasMarriageRegistry() {
        return jdbc.sql("select exists(select 1 from facility where kind = 'marriage_registry' and division_code like '3502%')").query(Boolean.class).single();
    }

    /** The demo city's active districts, townships and communities with geometry and whether each has a community service centre, by code. */
    List<DemoSocialFacilities.Unit> demoCitySocialUnits() {
        return jdbc.sql("""
                        select d.code, d.name, d.level, ST_X(ST_PointOnSurface(d.geom)), ST_Y(ST_PointOnSurface(d.geom)),
                               exists(select 1 from facility f where f.kind = 'community_service_centre' and f.division_code = d.code)
                          from division_read d where d.code like '3502%' and d.level between 3 and 5 and d.status = 'active' and d.geom is not null
                         order by d.code""")
                .query((rs, i) -> new DemoSocialFacilities.Unit(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), rs.getDouble(5), rs.getBoolean(6)))
                .list();
    }
}
