package cn.civgeo.coverage.network;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads of the demo road network: the demo city's communities and road names, and generated lattices. */
@Repository
class DemoRoadNetworkRepository {
    private final JdbcClient jdbc;

    DemoRoadNetworkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the demo city (3502) has communities with geometry. */
    boolean demoCityHasCommunities() {
        return jdbc.sql("select exists(select 1 from division_read division where code like '3502%' and level = 5 and geom is not null)")
                .query(Boolean.class).single();
    }

    /** Whether the place-name feature's table exists. */
    boolean placeNamesExist() {
        return jdbc.sql("select to_regclass('place_name') is not null").query(Boolean.class).single();
    }

    /** The demo city's current road and lane place names (LINE geometries) with a highway class by their name. */
    List<RoadNetworkService.Line> demoCityRoadNames() {
        return jdbc.sql("""
                        select name, case when name like '%大道' then 'primary' when name like '%巷' then 'service' else 'residential' end,
                               ST_AsText(geom)
                          from place_name_read place_name
                         where division_code like '3502%' and is_current and status <> 'rejected'
                           and geom is not null and GeometryType(geom) in ('LINESTRING', 'MULTILINESTRING')""")
                .query((rs, i) -> new RoadNetworkService.Line(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Axis-parallel lines every {@code spacingM} metres (anchored at 118.0E 24.3N) clipped to the prefix's land or,
     * with {@code urbanOnly}, to its urban communities (as WKT; pieces that are not lines included).
     */
    List<RoadNetworkService.Line> gridLines(double spacingM, double offsetM, String highway, String prefix, boolean urbanOnly) {
        return jdbc.sql("""
                        with area as (
                            select ST_Union(geom) as g from division_read division
                             where code like :prefix || '%' and level = 5 and geom is not null
                               and (not :urban or urban_rural = 'urban')),
                        box as (select ST_XMin(g) x0, ST_YMin(g) y0, ST_XMax(g) x1, ST_YMax(g) y1 from area),
                        step as (select :m / 110574.0 as dy, :m / (111320.0 * cos(radians(24.5))) as dx,
                                        :o / 110574.0 as oy, :o / (111320.0 * cos(radians(24.5))) as ox),
                        lines as (
                            select ST_MakeLine(ST_MakePoint(x::float8, b.y0), ST_MakePoint(x::float8, b.y1)) as l
                              from box b, step s, generate_series((118.0 + s.ox + ceil((b.x0 - 118.0) / s.dx) * s.dx)::numeric, b.x1::numeric, s.dx::numeric) x
                            union all
                            select ST_MakeLine(ST_MakePoint(b.x0, y::float8), ST_MakePoint(b.x1, y::float8))
                              from box b, step s, generate_series((24.3 + s.oy + ceil((b.y0 - 24.3) / s.dy) * s.dy)::numeric, b.y1::numeric, s.dy::numeric) y)
                        select ST_AsText((ST_Dump(ST_CollectionExtract(ST_Intersection(ST_SetSRID(l.l, 4490), a.g), 2))).geom)
                          from lines l, area a""")
                .param("prefix", prefix).param("urban", urbanOnly).param("m", spacingM).param("o", offsetM)
                .query((rs, i) -> new RoadNetworkService.Line(null, highway, rs.getString(1))).list();
    }
}
