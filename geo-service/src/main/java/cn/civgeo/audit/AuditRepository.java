package cn.civgeo.audit;

import cn.civgeo.common.Paging;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AuditRepository {
    private static final String INSERT = """
            insert into audit_log(actor, action, entity, entity_id, before, after)
            values (:actor, :action, :entity, :entityId, cast(:before as jsonb), cast(:after as jsonb))
            """;
    private static final String FILTER = """
             where (cast(:entity as text) is null or entity = :entity)
               and (cast(:entityId as text) is null or entity_id = :entityId)
               and (cast(:actor as text) is null or actor = :actor)
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(String actor, String action, String entity, String entityId, String before, String after) {
        jdbc.sql(INSERT).param("actor", actor).param("action", action).param("entity", entity)
                .param("entityId", entityId).param("before", before).param("after", after).update();
    }

    List<AuditEntry> find(String entity, String entityId, String actor, Paging p) {
        return jdbc.sql("select id, at, actor, action, entity, entity_id, before::text b, after::text a from audit_log"
                        + FILTER + " order by id desc limit :limit offset :offset")
                .param("entity", entity).param("entityId", entityId).param("actor", actor)
                .param("limit", p.limit()).param("offset", p.offset())
                .query((rs, i) -> new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
                        rs.getString("b") == null ? null : json.readTree(rs.getString("b")),
                        rs.getString("a") == null ? null : json.readTree(rs.getString("a"))))
                .list();
    }

    long count(String entity, String entityId, String actor) {
        return jdbc.sql("select count(*) from audit_log" + FILTER)
                .param("entity", entity).param("entityId", entityId).param("actor", actor)
                .query(Long.class).single();
    }
}
