package cn.civgeo.feed;

import cn.civgeo.common.Validation;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current state of one entity kind, paged by key, for seeding a copy: registry loads and the demo data are not
 * audited writes, so the feed alone does not hold them. A consumer keeps the {@code position} of its first page, reads
 * every page, then reads the feed from that position ({@code GET /api/feed?after=position}) and applies it on top.
 * Feed entries carry whole records, so an entry applied to a snapshot that already shows its write changes nothing:
 * snapshot plus feed from the position ends equal to the registry. Records are built exactly as the feed builds them.
 * Keys are read through the owners' read views ({@code division_read}, {@code place_name_read}, {@code address_read}).
 */
@Service
class FeedSnapshot {
    private final FeedRepository feed;
    private final FeedRecorder recorder;

    FeedSnapshot(FeedRepository feed, FeedRecorder recorder) {
        this.feed = feed;
        this.recorder = recorder;
    }

    /** One record now: {@code op} is upsert or abolish (deleted and retired records are left out). */
    public record Item(String entity, String key, String op, String code, @JsonRawValue String record) {}

    /**
     * @param position the feed cursor to continue from after the last page: the last seq a feed reader would be
     *                 served now (keep the first page's)
     * @param next     the key to pass as {@code after} for the next page
     */
    public record Page(long position, List<Item> items, String next, boolean hasMore) {}

    @Transactional(readOnly = true)
    public Page page(String entity, String after, int limit, String prefix) {
        Validation v = new Validation();
        v.require(entity != null && feed.hasSnapshotKeys(entity), "entity", "is required: division, place-name or address");
        v.require(limit >= 1 && limit <= 1000, "limit", "must be between 1 and 1000");
        v.require(prefix == null || prefix.matches("[0-9]{1,12}"), "prefix", "must be up to 12 digits (a code prefix)");
        v.require(after == null || after.isEmpty() || ("division".equals(entity) ? after.matches("[0-9]{1,12}") : after.matches("[0-9]{1,18}")),
                "after", "must be the next key of an earlier page (a division code or a record id)");
        v.throwIfInvalid();
        // taken before the keys are read: every write served by the feed up to here is in the rows read below
        long position = feed.lastVisibleSeq();
        List<String> keys = feed.snapshotKeys(entity, after == null ? "" : after, prefix == null ? "" : prefix, limit + 1);
        boolean more = keys.size() > limit;
        if (more) keys = keys.subList(0, limit);
        List<Item> items = new ArrayList<>(keys.size());
        // divisions: the page's records in two queries (was: three per record); the others one by one
        List<Map.Entry<String, FeedRecorder.Built>> built = "division".equals(entity) ? recorder.divisions(keys)
                : keys.stream().map(k -> Map.entry(k, recorder.build(entity, k, false))).filter(e -> e.getValue() != null).toList();
        for (Map.Entry<String, FeedRecorder.Built> e : built) {
            FeedRecorder.Built b = e.getValue();
            if ("delete".equals(b.op())) continue;
            items.add(new Item(entity, e.getKey(), b.op(), b.newCode() != null && !"abolish".equals(b.op()) ? b.newCode() : b.oldCode(), b.record()));
        }
        return new Page(position, items, keys.isEmpty() ? after : keys.get(keys.size() - 1), more);
    }
}
