package cn.civgeo.boundary.management;

import cn.civgeo.audit.AuditService;
import cn.civgeo.boundary.BoundaryLineService;
import cn.civgeo.boundary.MarkerService;
import cn.civgeo.boundary.management.ManagementModels.Custodian;
import cn.civgeo.boundary.management.ManagementModels.CustodianInput;
import cn.civgeo.boundary.management.ManagementModels.OverduePatrol;
import cn.civgeo.boundary.management.ManagementModels.Patrol;
import cn.civgeo.boundary.management.ManagementModels.PatrolInput;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 界线界桩管理责任制: a custodian per line or marker, the patrol log, and the patrols overdue on a day. */
@Service
class CustodianService {
    private final ManagementRepository repo;
    private final BoundaryLineService lines;
    private final MarkerService markers;
    private final AuditService audit;

    CustodianService(ManagementRepository repo, BoundaryLineService lines, MarkerService markers, AuditService audit) {
        this.repo = repo;
        this.lines = lines;
        this.markers = markers;
        this.audit = audit;
    }

    public Custodian get(long id) { return repo.custodian(id).orElseThrow(() -> ApiException.notFound("custodian", id)); }

    public List<Custodian> list(Long lineId) { return repo.custodians(lineId); }

    @Transactional
    public Custodian create(CustodianInput in) {
        Validation v = check(in);
        v.require((in.lineId() == null) != (in.markerId() == null), in.lineId() == null ? "lineId" : "markerId",
                "give lineId or markerId (one custodian per line or per marker)");
        v.throwIfInvalid();
        if (in.lineId() != null) {
            try { lines.get(in.lineId()); } catch (ApiException e) { throw ApiException.badField("lineId", "unknown line " + in.lineId()); }
        }
        if (in.markerId() != null && markers.find(in.markerId()).isEmpty()) throw ApiException.badField("markerId", "unknown marker " + in.markerId());
        if (repo.custodianExists(in.lineId(), in.markerId())) {
            throw ApiException.duplicate((in.lineId() != null ? "line " + in.lineId() : "marker " + in.markerId()) + " already has a custodian");
        }
        long id = repo.insertCustodian(in.lineId(), in.markerId(), in.unit().strip(), in.person().strip(), in.contact(),
                in.patrolIntervalDays() == null ? 90 : in.patrolIntervalDays(), in.since() == null ? LocalDate.now() : in.since());
        Custodian c = get(id);
        audit.created("boundary_custodian", id, c);
        return c;
    }

    @Transactional
    public Custodian update(long id, CustodianInput in) {
        Custodian old = get(id);
        Validation v = check(in);
        v.require(in.version() != null, "version", "is required (the version you read)");
        v.throwIfInvalid();
        if (!repo.updateCustodian(id, in.version(), in.unit().strip(), in.person().strip(), in.contact(),
                in.patrolIntervalDays() == null ? old.patrolIntervalDays() : in.patrolIntervalDays(), in.since() == null ? old.since() : in.since())) {
            throw ApiException.staleVersion("custodian", id, in.version());
        }
        Custodian c = get(id);
        audit.updated("boundary_custodian", id, old, c);
        return c;
    }

    private static Validation check(CustodianInput in) {
        Validation v = new Validation();
        v.require(in.unit() != null && !in.unit().isBlank() && in.unit().length() <= 200, "unit", "must be 1–200 characters");
        v.require(in.person() != null && !in.person().isBlank() && in.person().length() <= 100, "person", "must be 1–100 characters");
        v.require(in.patrolIntervalDays() == null || (in.patrolIntervalDays() >= 1 && in.patrolIntervalDays() <= 3660),
                "patrolIntervalDays", "must be 1–3660 days");
        return v;
    }

    public List<Patrol> patrols(long custodianId) {
        get(custodianId);
        return repo.patrols(custodianId);
    }

    @Transactional
    public Patrol patrol(long custodianId, PatrolInput in) {
        Custodian c = get(custodianId);
        Validation v = new Validation();
        v.require(in.patrolledOn() != null, "patrolledOn", "is required");
        v.require(in.patrolledOn() == null || !in.patrolledOn().isAfter(LocalDate.now()), "patrolledOn", "must not be in the future");
        v.throwIfInvalid();
        String by = in.patrolledBy() == null || in.patrolledBy().isBlank() ? c.person() : in.patrolledBy().strip();
        long id = repo.insertPatrol(custodianId, in.patrolledOn(), by, in.findings(), Boolean.TRUE.equals(in.problemFound()),
                AuditService.currentActor());
        Patrol p = repo.patrols(custodianId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        audit.created("boundary_patrol", id, p);
        return p;
    }

    /** Custodians whose next patrol (last patrol, or the start date, + interval) is before {@code asOf}, most overdue first. */
    public List<OverduePatrol> overdue(String within, LocalDate asOf) {
        if (within != null && !within.matches("\\d{2,12}")) throw ApiException.badField("within", "must be a division code of 2–12 digits");
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        return repo.custodiansWithin(within == null ? null : PeaceBorderService.prefix(within)).stream()
                .filter(c -> c.patrolDueOn().isBefore(day))
                .map(c -> new OverduePatrol(c, (int) ChronoUnit.DAYS.between(c.patrolDueOn(), day)))
                .sorted(Comparator.comparingInt(OverduePatrol::daysOverdue).reversed())
                .toList();
    }
}
