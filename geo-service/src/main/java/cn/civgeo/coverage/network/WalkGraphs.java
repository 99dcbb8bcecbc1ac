package cn.civgeo.coverage.network;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The road networks' walking graphs in memory ({@link WalkGraph}), loaded on first use and dropped when a network
 * changes (after its import or deletion commits). A city network of tens of thousands of edges loads in well under
 * a second and takes a few MB.
 */
@Component
public class WalkGraphs {
    private static final Logger log = LoggerFactory.getLogger(WalkGraphs.class);
    private final RoadNetworkRepository repo;
    private final Map<Long, WalkGraph> graphs = new ConcurrentHashMap<>();

    WalkGraphs(RoadNetworkRepository repo) { this.repo = repo; }

    /** The graph of a network (loaded now if it is not in memory). */
    public WalkGraph of(long networkId) {
        return graphs.computeIfAbsent(networkId, id -> {
            long t0 = System.nanoTime();
            WalkGraph g = WalkGraph.of(id, repo.edges(id));
            log.info("walking graph of network {}: {} nodes, {} edges in {} ms", id, g.nodeCount(), g.edgeCount(),
                    (System.nanoTime() - t0) / 1_000_000);
            return g;
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onNetworkChanged(RoadNetworkChangedEvent e) {
        graphs.remove(e.networkId());
    }
}
