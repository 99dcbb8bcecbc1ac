package cn.civgeo.audit;

import cn.civgeo.common.Paging;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Records changes; callers run inside their own write transaction (MANDATORY makes forgetting that an error). */
@Service
public class AuditService {
    public enum Action { CREATE, UPDATE, DELETE, LOGIN, LOGIN_FAILED, LOGOUT, LOCKOUT, REVOKE }

    /**
     * Published synchronously inside the transaction of every audited write (create, update, delete), so that
     * listeners (the change feed) commit or roll back with it. {@code id} as recorded in the audit trail.
     */
    public record AuditedWrite(String action, String entity, String id) {}

    private final AuditRepository repository;
    private final JsonMapper json;
    private final org.springframework.context.ApplicationEventPublisher events;

    public AuditService(AuditRepository repository, JsonMapper json, org.springframework.context.ApplicationEventPublisher events) {
        this.repository = repository;
        this.json = json;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Action action, String entity, Object id, Object before, Object after) {
        repository.insert(currentActor(), action.name(), entity, String.valueOf(id), toJson(before), toJson(after));
        events.publishEvent(new AuditedWrite(action.name(), entity, String.valueOf(id)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void created(String entity, Object id, Object after) { record(Action.CREATE, entity, id, null, after); }

    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(String entity, Object id, Object before, Object after) { record(Action.UPDATE, entity, id, before, after); }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(String entity, Object id, Object before) { record(Action.DELETE, entity, id, before, null); }

    /**
     * A security event (sign-in, failure, lockout, logout, revoked session) in its own transaction, so a refused
     * sign-in is recorded although the request fails. {@code actor} is who it concerns (the name tried).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void event(Action action, String actor, String entity, Object id, Object details) {
        String who = actor == null || actor.isBlank() ? "anonymous" : actor.length() > 64 ? actor.substring(0, 64) : actor;
        repository.insert(who, action.name(), entity, String.valueOf(id), null, toJson(details));
    }

    public Paging.Page<AuditEntry> find(String entity, String entityId, String actor, Paging paging) {
        List<AuditEntry> items = repository.find(entity, entityId, actor, paging);
        return paging.page(items, repository.count(entity, entityId, actor));
    }

    public static String currentActor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || a.getName() == null ? "system" : a.getName();
    }

    private String toJson(Object o) {
        if (o == null) return null;
        if (o instanceof String s) return s;
        return json.writeValueAsString(o);
    }
}
