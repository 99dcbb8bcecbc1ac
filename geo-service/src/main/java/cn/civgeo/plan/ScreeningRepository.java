package cn.civgeo.plan;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The statements of the screenings: the units of a level under a division, by households or lacking facilities. */
@Repository
class ScreeningRepository {
    private static final String UNITS = """
            with recursive tree as (
                select code, level from division_read division where code = :d
                union all
                select c.code, c.level from tree join division_read c on c.parent_code = tree.code where c.status = 'active' and c.level <= :level
            ),
            units as (select u.code, u.name, u.geom from tree t join division_read u on u.code = t.code where t.level = :level and u.code <> :d)
            """;
    private static final String LACKING = UNITS + """
            , fac as (select f.* from facility_operating_at(:asOf) f
                       where f.kind = any(cast(:kinds as text[])) and (cast(:subtype as text) is null or f.subtype = :subtype)),
            hit as (select distinct p.code from fac f join division_part_read p on p.level = :level and ST_Intersects(p.geom, f.geom))
            select u.code, u.name, null::integer as households, ST_XMin(u.geom) x1, ST_YMin(u.geom) y1, ST_XMax(u.geom) x2, ST_YMax(u.geom) y2
              from units u where u.code not in (select code from hit) order by u.code""";
    private static final String HOUSEHOLDS = UNITS + """
            select u.code, u.name, d.households, ST_XMin(u.geom) x1, ST_YMin(u.geom) y1, ST_XMax(u.geom) x2, ST_YMax(u.geom) y2
              from units u join demographics_at(:year) d on d.division_code = u.code
             where d.households < :min or d.households > :max order by u.code""";

    private final JdbcClient jdbc;

    ScreeningRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Communities and villages under the division whose households in the year are below min or above max, by code. */
    List<ScreeningService.Item> householdsOutside(String division, int year, int min, int max) {
        return jdbc.sql(HOUSEHOLDS).param("d", division).param("level", 5).param("year", year).param("min", min).param("max", max)
                .query(ScreeningRepository::item).list();
    }

    /** Units of the level under the division without an operating facility of the kinds (and subtype) inside them on the date. */
    List<ScreeningService.Item> lacking(String division, int level, LocalDate asOf, List<String> kinds, String subtype) {
        return jdbc.sql(LACKING).param("d", division).param("level", level).param("asOf", Date.valueOf(asOf))
                .param("kinds", kinds.toArray(String[]::new)).param("subtype", subtype)
                .query(ScreeningRepository::item).list();
    }

    private static ScreeningService.Item item(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Object x1 = rs.getObject("x1");
        return new ScreeningService.Item(rs.getString("code"), rs.getString("name"), (Integer) rs.getObject("households"),
                x1 == null ? null : new double[] {rs.getDouble("x1"), rs.getDouble("y1"), rs.getDouble("x2"), rs.getDouble("y2")});
    }
}
