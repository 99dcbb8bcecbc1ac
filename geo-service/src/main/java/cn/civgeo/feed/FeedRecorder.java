package cn.civgeo.feed;

import cn.civgeo.address.AddressService;
import cn.civgeo.audit.AuditService;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import cn.civgeo.placename.PlaceNameService;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends feed entries for the audited writes of a transaction just before it commits (so every link a change makes,
 * e.g. successors, is in place), one entry per record written, in the order first written.
 */
@Component
class FeedRecorder {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FeedRecorder.class);
    static final Map<String, String> ENTITIES = Map.of("division", "division", PlaceNameService.ENTITY, "place-name",
            AddressService.ENTITY, "address");

    private final DivisionService divisions;
    private final PlaceNameService placeNames;
    private final AddressService addresses;
    private final FeedRepository feed;
    private final JsonMapper json;

    FeedRecorder(DivisionService divisions, PlaceNameService placeNames, AddressService addresses, FeedRepository feed, JsonMapper json) {
        this.divisions = divisions;
        this.placeNames = placeNames;
        this.addresses = addresses;
        this.feed = feed;
        this.json = json;
    }

    @EventListener
    void audited(AuditService.AuditedWrite w) {
        String entity = ENTITIES.get(w.entity());
        if (entity == null || !TransactionSynchronizationManager.isSynchronizationActive()) return;
        // a bulk load's one summary row (id "demo:350200", "registry:…") names no record: the snapshot carries those
        if (isBulkSummary(w.id())) return;
        @SuppressWarnings("unchecked")
        Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Set<String> set = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, set);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override public void beforeCommit(boolean readOnly) { writeEntries(set); }
                @Override public void afterCompletion(int status) { TransactionSynchronizationManager.unbindResourceIfPossible(FeedRecorder.this); }
            });
            pending = set;
        }
        pending.add(entity + "\u0000" + w.id() + "\u0000" + w.action());
    }

    static boolean isBulkSummary(String id) {
        return id != null && id.indexOf(':') > 0;
    }

    private void writeEntries(Set<String> pending) {
        Set<String> done = new LinkedHashSet<>();
        for (String p : pending) {
            String[] k = p.split("\u0000");
            if (!done.add(k[0] + "\u0000" + k[1])) continue;
            try {
                append(k[0], k[1], k[2]);
            } catch (RuntimeException e) {
                // a record the owner's service cannot read (e.g. an id that is not a key) must not fail the write itself
                log.warn("change feed: no entry for {} {}: {}", k[0], k[1], e.toString());
            }
        }
        pending.clear();
    }

    /** What a feed entry (or a snapshot item) says about a record now: op, old and new code, the record's JSON. */
    record Built(String op, String oldCode, String newCode, String record) {}

    /**
     * The record of one entity as the feed describes it; the division record carries {@code geometryMd5}, the MD5 of
     * its geometry's EWKB (null without geometry), so a copy can check it holds the same shapes.
     */
    Built build(String entity, String key, boolean continuing) {
        String op = "upsert", oldCode = null, newCode = null, record = null;
        switch (entity) {
            case "division" -> {
                Division d = divisions.find(key).orElse(null);
                if (d == null) return new Built("delete", null, null, null);
                return division(d, feed.divisionGeometryMd5(key).orElse(null));
            }
            case "place-name" -> {
                var n = placeNames.get(Long.parseLong(key));
                record = json.writeValueAsString(n);
                oldCode = continuing ? lastCode(entity, key, n.code()) : n.code();
                newCode = n.code();
            }
            case "address" -> {
                var a = addresses.get(Long.parseLong(key));
                record = json.writeValueAsString(a);
                oldCode = continuing ? lastCode(entity, key, a.code()) : a.code();
                newCode = a.code();
                if ("retired".equals(a.status())) op = "delete";
            }
            default -> { return null; }
        }
        return new Built(op, oldCode, newCode, record);
    }

    /**
     * The division records of a page of codes as {@link #build} makes them, in two queries (units, geometry checksums)
     * plus one successor lookup per abolished unit; codes that do not exist are left out.
     */
    List<Map.Entry<String, Built>> divisions(List<String> codes) {
        if (codes.isEmpty()) return List.of();
        Map<String, String> md5 = new java.util.HashMap<>();
        feed.divisionGeometryMd5s(codes).forEach(e -> md5.put(e.getKey(), e.getValue()));
        List<Map.Entry<String, Built>> out = new java.util.ArrayList<>(codes.size());
        for (Division d : divisions.findAll(codes)) {
            String m = md5.get(d.code());
            out.add(Map.entry(d.code(), division(d, m == null || m.isEmpty() ? null : m)));
        }
        return out;
    }

    private Built division(Division d, String geometryMd5) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code()); m.put("name", d.name()); m.put("shortName", d.shortName()); m.put("level", d.level());
        m.put("kind", d.kind()); m.put("parentCode", d.parentCode()); m.put("urbanRural", d.urbanRural());
        m.put("population", d.population()); m.put("households", d.households()); m.put("elderly", d.elderly());
        m.put("areaKm2", d.areaKm2()); m.put("status", d.status()); m.put("validFrom", d.validFrom()); m.put("validTo", d.validTo());
        m.put("version", d.version());
        m.put("geometryMd5", geometryMd5);
        String newCode;
        String op = "upsert";
        if (d.active()) {
            newCode = d.code();
        } else {
            op = "abolish";
            List<String> succ = divisions.successors(d.code()).stream().map(Division::code).toList();
            newCode = succ.isEmpty() ? null : String.join(",", succ);
        }
        return new Built(op, d.code(), newCode, json.writeValueAsString(m));
    }

    private void append(String entity, String key, String action) {
        Built b = build(entity, key, true);
        if (b == null) return;
        String op = b.op(), oldCode = b.oldCode(), newCode = b.newCode(), record = b.record();
        long seq = feed.appendEntry(entity, key, op, oldCode, newCode, record);
        feed.queueDeliveries(seq, entity);
    }

    /** The code the record had at its last feed entry (else its code now). */
    private String lastCode(String entity, String key, String now) {
        return feed.lastNewCode(entity, key).orElse(now);
    }
}
