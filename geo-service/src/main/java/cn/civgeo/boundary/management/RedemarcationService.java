package cn.civgeo.boundary.management;

import cn.civgeo.audit.AuditService;
import cn.civgeo.boundary.management.ManagementModels.RedemarcationStep;
import cn.civgeo.boundary.management.ManagementModels.RedemarcationTask;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-demarcation (勘界) tasks: one open task per line marked for re-survey by a division change (opened in the
 * change's transaction), tracked through the new agreement, the new markers and the new line description until closed.
 */
@Service
public class RedemarcationService {
    public static final List<String> STATUSES = List.of("open", "closed");

    private final ManagementRepository repo;
    private final AuditService audit;

    RedemarcationService(ManagementRepository repo, AuditService audit) {
        this.repo = repo;
        this.audit = audit;
    }

    public RedemarcationTask get(long id) { return repo.task(id).orElseThrow(() -> ApiException.notFound("re-demarcation task", id)); }

    public List<RedemarcationTask> list(String status, Long lineId) {
        if (status != null && !STATUSES.contains(status)) throw ApiException.badField("status", "must be one of " + STATUSES);
        return repo.tasks(status, lineId);
    }

    /** Opens a task for each line that has none open; returns the tasks opened. Joins the caller's transaction (a division change's). */
    @Transactional
    public List<RedemarcationTask> open(List<Long> lineIds, String reason) {
        List<RedemarcationTask> opened = new ArrayList<>();
        for (long l : lineIds) {
            Optional<Long> id = repo.openTask(l, reason);
            if (id.isPresent()) {
                RedemarcationTask t = get(id.get());
                audit.created("redemarcation_task", t.id(), t);
                opened.add(t);
            }
        }
        return opened;
    }

    @Transactional
    public RedemarcationTask step(long id, RedemarcationStep s) {
        RedemarcationTask old = get(id);
        Validation v = new Validation();
        v.require(s.version() != null, "version", "is required (the version you read)");
        v.throwIfInvalid();
        if ("closed".equals(old.status())) throw ApiException.conflict("re-demarcation task " + id + " is closed");
        boolean a = s.agreementDone() == null ? old.agreementDone() : s.agreementDone();
        boolean m = s.markersDone() == null ? old.markersDone() : s.markersDone();
        boolean d = s.descriptionDone() == null ? old.descriptionDone() : s.descriptionDone();
        boolean close = Boolean.TRUE.equals(s.close());
        if (close) {
            List<String> missing = new ArrayList<>();
            if (!a) missing.add("agreementDone");
            if (!m) missing.add("markersDone");
            if (!d) missing.add("descriptionDone");
            if (!missing.isEmpty()) throw ApiException.badField("close", "the task closes when the new agreement, markers and description are done; not yet: " + missing);
        }
        if (!repo.updateTask(id, s.version(), a, m, d, close ? "closed" : "open", close ? LocalDate.now() : null,
                s.note() == null ? old.note() : s.note())) {
            throw ApiException.staleVersion("re-demarcation task", id, s.version());
        }
        RedemarcationTask t = get(id);
        audit.updated("redemarcation_task", id, old, t);
        return t;
    }
}
