package cn.civgeo.coverage.network;

import cn.civgeo.demo.DemoDataContributor;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final DemoRoadNetworkRepository repo;
    private final RoadNetworkService networks;

    DemoRoadNetwork(DemoRoadNetworkRepository repo, RoadNetworkService networks) {
        this.repo = repo;
        this.networks = networks;
    }

    @Override public int order() { return 55; }

    @Override public String name() { return "road network of the demo city"; }

    @Override
    public void load() {
        if (networks.byName(NAME).isPresent()) return;
        boolean city = repo.demoCityHasCommunities();
        if (!city) {
            log.info("no demo city geometry: no demo road network");
            return;
        }
        List<RoadNetworkService.Line> lines = new ArrayList<>();
        boolean placeNames = repo.placeNamesExist();
        String source = "generated";
        if (placeNames) {
            lines.addAll(repo.demoCityRoadNames());
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
        return repo.gridLines(spacingM, offsetM, highway, prefix, urbanOnly).stream()
                .filter(l -> l.wkt() != null && l.wkt().startsWith("LINESTRING")).toList();
    }
}
