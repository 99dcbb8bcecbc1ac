package cn.civgeo.coverage.network;

import cn.civgeo.demo.DemoDataContributor;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo city's walking network (厦门市 3502, synthetic): the road and lane place names (LINE geometries, the
 * place-name feature's lattice) when they exist, plus a deterministic 300 m grid of local lanes over the urban
 * communities, so urban residents have streets at their door and rural villages mostly only the main lattice.
 * Without place names, a 1.2 km lattice of main roads over the whole city stands in for them.
 */
@Component
class DemoRoadNetwork implements DemoDataContributor {
    static final String NAME = "厦门市步行路网（演示）";
    private static final Logger log = LoggerFactory.getLogger(DemoRoadNetwork.class);
    private static final double LANE_M = 300;
    private static final double MAIN_M = 1200;

    private final JdbcClient jdbc;
    private final RoadNetworkService networks;

    DemoRoadNetwork(JdbcClient jdbc, RoadNetworkService networks) {
        this.jdbc = jdbc;
        this.networks = networks;
    }

    @Override public int order() { return 55; }

    @Override public String name() { return "road network of the demo city"; }

    @Override
    public void load() {
        if (networks.byName(NAME).isPresent()) return;
        boolean city = jdbc.sql("select exists(select 1 from division_read division where code like '3502%' and level = 5 and geom is not null)")
                .query(Boolean.class).single();
        if (!city) {
            log.info("no demo city geometry: no demo road network");
            return;
        }
        List<RoadNetworkService.Line> lines = new ArrayList<>();
        boolean placeNames = jdbc.sql("select to_regclass('place_name') is not null").query(Boolean.class).single();
        String source = "generated";
        if (placeNames) {
            lines.addAll(jdbc.sql("""
                            select name, case when name like '%大道' then 'primary' when name like '%巷' then 'service' else 'residential' end,
                                   ST_AsText(geom)
                              from place_name_read place_name
                             where division_code like '3502%' and is_current and status <> 'rejected'
                               and geom is not null and GeometryType(geom) in ('LINESTRING', 'MULTILINESTRING')""")
                    .query((rs, i) -> new RoadNetworkService.Line(rs.getString(1), rs.getString(2), rs.getString(3))).list());
            if (!lines.isEmpty()) source = "place-names";
        }
        if (lines.isEmpty()) lines.addAll(grid(MAIN_M, 0, "residential", "3502", false));
        int main = lines.size();
        lines.addAll(grid(LANE_M, LANE_M / 2, "service", "3502", true)); // half a step off the main lattice
        RoadNetwork n = networks.importLines(NAME, source, "place names (LINE) of 3502 + 300 m lanes over urban communities (synthetic)",
                1.0, lines, false);
        log.info("demo road network: {} main lines + {} lanes -> {} edges, {} nodes, {} km, {} components",
                main, lines.size() - main, n.edgeCount(), n.nodeCount(), Math.round(n.lengthKm()), n.componentCount());
    }

    /**
     * Axis-parallel lines every {@code spacingM} metres (anchored at 118.0E 24.3N), clipped to the city's land or,
     * with {@code urbanOnly}, to its urban communities.
     */
    private List<RoadNetworkService.Line> grid(double spacingM, double offsetM, String highway, String prefix, boolean urbanOnly) {
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
                .query((rs, i) -> new RoadNetworkService.Line(null, highway, rs.getString(1))).list().stream()
                .filter(l -> l.wkt() != null && l.wkt().startsWith("LINESTRING")).toList();
    }
}
