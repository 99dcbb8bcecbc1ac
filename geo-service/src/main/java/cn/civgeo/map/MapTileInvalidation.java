package cn.civgeo.map;

import cn.civgeo.common.changes.ChangeBus;
import cn.civgeo.common.changes.RemoteChange;
import cn.civgeo.division.DivisionChangedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drops the cached vector tiles when divisions change, so a change shows on the next tile request instead of
 * after the cache's age limit:
 * <ul>
 * <li>at once after an approved change commits ({@link DivisionChangedEvent}, in the committing thread, before
 *     its HTTP response is sent);</li>
 * <li>for every other write to {@code division} (another instance, registry, demo city, geometry import, SQL by
 *     hand), through PostgreSQL NOTIFY on the one change channel {@code civgeo_changes} (statement trigger V102),
 *     delivered at commit to every instance's {@link ChangeBus}.</li>
 * </ul>
 * After an invalidation the start-up warm-up runs again (in the background) so the opening view stays warm.
 */
@Component
class MapTileInvalidation {
    private static final Logger log = LoggerFactory.getLogger(MapTileInvalidation.class);

    private final TileService tiles;
    private final MapWarmup warmup;

    MapTileInvalidation(TileService tiles, MapWarmup warmup) {
        this.tiles = tiles;
        this.warmup = warmup;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void divisionsChanged(DivisionChangedEvent e) {
        changed("division change " + e.eventKind());
    }

    private void changed(String why) {
        tiles.invalidate();
        log.debug("map tiles dropped: {}", why);
        warmup.schedule();
    }

    /**
     * Divisions changed anywhere (another instance, an import, SQL by hand), or the change listener reconnected
     * after missing some: one channel for every instance, common.changes.ChangeBus.
     */
    @EventListener
    void changedElsewhere(RemoteChange e) {
        if (e.concerns("division")) changed("notify " + e.table());
    }
}
