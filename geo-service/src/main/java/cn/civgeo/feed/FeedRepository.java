package cn.civgeo.feed;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The change feed's tables ({@code feed_entry}, {@code feed_webhook}, {@code feed_delivery}) and what the feed reads
 * of the owners' read views ({@code division_read}, {@code place_name_read}, {@code address_read}).
 */
@Repository
class FeedRepository {
    private static final Map<String, String> SNAPSHOT_KEYS = Map.of(
            "division", "select code as k from division_read where code > :after and code like :prefix || '%' order by code limit :limit",
            "place-name", """
                    select id::text as k from place_name_read where id > coalesce(cast(nullif(:after, '') as bigint), 0) and code like :prefix || '%' order by id limit :limit""",
            "address", """
                    select id::text as k from address_read where id > coalesce(cast(nullif(:after, '') as bigint), 0)
                       and status <> 'retired' and code like :prefix || '%' order by id limit :limit""");

    /** A delivery claimed for sending: its id and seq, the endpoint, its secret, the attempts so far and the JSON body. */
    record Due(long id, long seq, String url, String secret, int attempts, String body) {}

    private final JdbcClient jdbc;

    FeedRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    // --- the feed ---------------------------------------------------------------------------------------------

    /**
     * Up to {@code limit} entries after {@code after} written by transactions every reader sees now, of one entity
     * (null: all) and division code prefix (null: all).
     */
    List<FeedEntry> entries(long after, String entity, String prefix, int limit) {
        return jdbc.sql("""
                select seq, entity, key, op, old_code, new_code, record::text, recorded_at from feed_entry
                 where seq > :after and tx < pg_snapshot_xmin(pg_current_snapshot())
                   and (cast(:entity as text) is null or entity = :entity)
                   and (cast(:prefix as text) is null or (entity = 'division' and (key like :prefix || '%' or old_code like :prefix || '%'))
                        or (entity <> 'division' and record ->> 'code' like :prefix || '%'))
                 order by seq limit :limit""")
                .param("after", after).param("entity", entity).param("prefix", prefix).param("limit", limit)
                .query((rs, i) -> new FeedEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class))).list();
    }

    /** The last seq a feed reader would be served now (0 when none). */
    long lastVisibleSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from feed_entry where tx < pg_snapshot_xmin(pg_current_snapshot())")
                .query(Long.class).single();
    }

    /** Appends an entry; returns its seq. */
    long appendEntry(String entity, String key, String op, String oldCode, String newCode, String record) {
        return jdbc.sql("""
                insert into feed_entry(entity, key, op, old_code, new_code, record) values (:e, :k, :op, :o, :n, cast(:r as jsonb)) returning seq""")
                .param("e", entity).param("k", key).param("op", op).param("o", oldCode).param("n", newCode).param("r", record)
                .query(Long.class).single();
    }

    /** The new code of the record's last feed entry, if it has one. */
    Optional<String> lastNewCode(String entity, String key) {
        return jdbc.sql("select new_code from feed_entry where entity = :e and key = :k order by seq desc limit 1")
                .param("e", entity).param("k", key).query(String.class).optional();
    }

    // --- the owners' read views -------------------------------------------------------------------------------

    /** MD5 of the division's geometry as EWKB (empty when there is no such division or it has no geometry). */
    Optional<String> divisionGeometryMd5(String code) {
        return jdbc.sql("select md5(st_asewkb(geom)) from division_read where code = :c").param("c", code)
                .query(String.class).optional();
    }

    /** Code and geometry MD5 ("" without geometry) of the divisions among {@code codes}. */
    List<Map.Entry<String, String>> divisionGeometryMd5s(List<String> codes) {
        return jdbc.sql("select code, md5(st_asewkb(geom)) from division_read where code in (:c)").param("c", codes)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2))).list();
    }

    boolean hasSnapshotKeys(String entity) { return SNAPSHOT_KEYS.containsKey(entity); }

    /** Up to {@code limit} keys of the entity after {@code after} ("" from the start) with the code prefix ("" for all). */
    List<String> snapshotKeys(String entity, String after, String prefix, int limit) {
        return jdbc.sql(SNAPSHOT_KEYS.get(entity)).param("after", after)
                .param("prefix", prefix).param("limit", limit).query(String.class).list();
    }

    // --- webhooks and deliveries ------------------------------------------------------------------------------

    long insertWebhook(String url, String secret, String[] entities, String createdBy) {
        return jdbc.sql("""
                insert into feed_webhook(url, secret, entities, created_by) values (:u, :s, cast(:e as text[]), :a) returning id""")
                .param("u", url).param("s", secret).param("e", entities)
                .param("a", createdBy).query(Long.class).single();
    }

    /** 1 when switched, 0 when the version is stale (or there is no such webhook). */
    int setWebhookActive(long id, int version, boolean active) {
        return jdbc.sql("update feed_webhook set active = :a, version = version + 1 where id = :id and version = :v")
                .param("a", active).param("id", id).param("v", version).update();
    }

    List<FeedService.Webhook> webhooks() {
        return jdbc.sql("select id, url, entities, active, version, created_by, created_at from feed_webhook order by id")
                .query(FeedRepository::webhook).list();
    }

    Optional<FeedService.Webhook> webhook(long id) {
        return jdbc.sql("select id, url, entities, active, version, created_by, created_at from feed_webhook where id = :id").param("id", id)
                .query(FeedRepository::webhook).optional();
    }

    private static FeedService.Webhook webhook(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new FeedService.Webhook(rs.getLong(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()), rs.getBoolean(4), rs.getInt(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class), null);
    }

    /** A pending delivery of the entry to every active webhook that takes the entity. */
    void queueDeliveries(long seq, String entity) {
        jdbc.sql("insert into feed_delivery(webhook_id, seq) select id, :s from feed_webhook where active and :e = any(entities)")
                .param("s", seq).param("e", entity).update();
    }

    /** The webhook's deliveries, newest first, of one status (null: all), as JSON-ready maps. */
    List<Map<String, Object>> deliveries(long webhookId, String status, int limit) {
        return jdbc.sql("""
                select id, seq, status, attempts, next_attempt_at as "nextAttemptAt", last_status as "lastStatus", last_error as "lastError",
                       delivered_at as "deliveredAt", created_at as "createdAt"
                  from feed_delivery where webhook_id = :w and (cast(:s as text) is null or status = :s) order by seq desc limit :l""")
                .param("w", webhookId).param("s", status).param("l", limit).query().listOfRows()
                .stream().map(m -> (Map<String, Object>) new LinkedHashMap<>(m)).toList();
    }

    /** 1 when the dead-lettered delivery is pending again, 0 when it is not dead (or not the webhook's). */
    int requeueDead(long webhookId, long deliveryId) {
        return jdbc.sql("update feed_delivery set status = 'pending', attempts = 0, next_attempt_at = now() where id = :d and webhook_id = :w and status = 'dead'")
                .param("d", deliveryId).param("w", webhookId).update();
    }

    /** Claims the due head-of-line delivery of every active endpoint for a 60 s lease, with what to send. */
    List<Due> claimDue() {
        return jdbc.sql("""
                with head as (
                    select distinct on (d.webhook_id) d.id from feed_delivery d join feed_webhook w on w.id = d.webhook_id
                     where d.status = 'pending' and w.active order by d.webhook_id, d.seq),
                claimed as (
                    update feed_delivery d set next_attempt_at = now() + interval '60 seconds'
                      from head where d.id = head.id and d.next_attempt_at <= now()
                    returning d.id, d.seq, d.webhook_id, d.attempts)
                select c.id, c.seq, w.url, w.secret, c.attempts,
                       json_build_object('seq', e.seq, 'entity', e.entity, 'key', e.key, 'op', e.op, 'oldCode', e.old_code,
                                         'newCode', e.new_code, 'record', e.record, 'recordedAt', e.recorded_at)::text
                  from claimed c join feed_webhook w on w.id = c.webhook_id join feed_entry e on e.seq = c.seq""")
                .query((rs, i) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6))).list();
    }

    void markDelivered(long id, int attempts, Integer httpStatus) {
        jdbc.sql("update feed_delivery set status = 'delivered', attempts = :a, last_status = :s, last_error = null, delivered_at = now() where id = :id")
                .param("a", attempts).param("s", httpStatus).param("id", id).update();
    }

    /** A failed attempt: {@code status} pending (tried again after {@code waitMs}) or dead. */
    void markAttemptFailed(long id, String status, int attempts, Integer httpStatus, String error, double waitMs) {
        jdbc.sql("""
                update feed_delivery set status = :st, attempts = :a, last_status = :s, last_error = :e,
                       next_attempt_at = now() + make_interval(secs => :w / 1000.0) where id = :id""")
                .param("st", status).param("a", attempts).param("s", httpStatus)
                .param("e", error).param("w", waitMs).param("id", id).update();
    }
}
