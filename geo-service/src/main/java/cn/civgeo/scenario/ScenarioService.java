package cn.civgeo.scenario;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import cn.civgeo.coverage.PlannerCoverage;
import cn.civgeo.facility.Facility;
import cn.civgeo.facility.FacilityInput;
import cn.civgeo.facility.FacilityKind;
import cn.civgeo.facility.FacilityService;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning scenarios: a named set of proposed new, moved or closed facilities of one division, kept apart from the
 * facility registry (table {@code scenario}, V110), versioned (409 on a stale version) and audited. The coverage of
 * a scenario is computed beside today's by the planner coverage model ({@link PlannerCoverage#compare}); promotion
 * creates the proposed new facilities as planned facilities through {@link FacilityService} (audited there), moves
 * and closures stay proposals (the registry changes them through its own workflow).
 */
@Service
class ScenarioService {
    static final String ENTITY = "scenario";
    static final Set<String> ACTIONS = Set.of("new", "move", "close");

    private final ScenarioRepository scenarios;
    private final AuditService audit;
    private final FacilityService facilities;
    private final PlannerCoverage coverage;

    ScenarioService(ScenarioRepository scenarios, AuditService audit, FacilityService facilities, PlannerCoverage coverage) {
        this.scenarios = scenarios;
        this.audit = audit;
        this.facilities = facilities;
        this.coverage = coverage;
    }

    /** One proposed change: new (kind, name, lon, lat, beds), move (facilityId, lon, lat) or close (facilityId). */
    public record Change(String action, Long facilityId, String kind, String name, Double lon, Double lat, Integer beds) {}

    public record ScenarioInput(String name, String division, List<String> kinds, String description, List<Change> changes, Integer version) {}

    public record Scenario(long id, String name, String division, List<String> kinds, String description, List<Change> changes,
                           String status, List<Long> promotedFacilityIds, int version, String createdBy, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt) {}

    public List<Scenario> list(String division) {
        return scenarios.list(division);
    }

    public Scenario get(long id) {
        return scenarios.find(id).orElseThrow(() -> ApiException.notFound("Scenario", id));
    }

    @Transactional
    public Scenario create(ScenarioInput in) {
        validate(in);
        long id = scenarios.insert(in.name().strip(), in.division(), kinds(in), in.description(),
                in.changes() == null ? List.of() : in.changes(), AuditService.currentActor());
        Scenario s = get(id);
        audit.created(ENTITY, id, s);
        return s;
    }

    @Transactional
    public Scenario update(long id, ScenarioInput in) {
        if (in.version() == null) throw ApiException.badField("version", "is required: send the version you read");
        Scenario before = lock(id);
        if (before.version() != in.version()) throw ApiException.staleVersion("Scenario", id, in.version());
        if (before.status().equals("promoted")) throw ApiException.conflict("Scenario " + id + " was promoted to planned facilities; copy it to change it");
        validate(in);
        scenarios.update(id, in.name().strip(), in.division(), kinds(in), in.description(),
                in.changes() == null ? List.of() : in.changes());
        Scenario after = get(id);
        audit.updated(ENTITY, id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, Integer version) {
        if (version == null) throw ApiException.badField("version", "is required: send the version you read");
        Scenario before = lock(id);
        if (before.version() != version) throw ApiException.staleVersion("Scenario", id, version);
        scenarios.delete(id);
        audit.deleted(ENTITY, id, before);
    }

    /** Today's coverage and the scenario's, side by side. */
    public PlannerCoverage.Comparison compare(long id) {
        Scenario s = get(id);
        Set<Long> closed = new HashSet<>();
        List<PlannerCoverage.Proposed> proposed = new ArrayList<>();
        for (Change c : s.changes()) {
            switch (c.action()) {
                case "close" -> closed.add(c.facilityId());
                case "move" -> {
                    Facility f = facilities.get(c.facilityId());
                    closed.add(f.id());
                    proposed.add(new PlannerCoverage.Proposed(f.kind(), f.name(), c.lon(), c.lat()));
                }
                default -> proposed.add(new PlannerCoverage.Proposed(c.kind(), c.name(), c.lon(), c.lat()));
            }
        }
        return coverage.compare(s.division(), s.kinds(), closed, proposed);
    }

    /** Creates the scenario's new facilities as planned facilities (FacilityService, audited) and marks it promoted. */
    @Transactional
    public Scenario promote(long id, Integer version) {
        if (version == null) throw ApiException.badField("version", "is required: send the version you read");
        Scenario before = lock(id);
        if (before.version() != version) throw ApiException.staleVersion("Scenario", id, version);
        if (before.status().equals("promoted")) throw ApiException.conflict("Scenario " + id + " is promoted already");
        List<Long> ids = new ArrayList<>();
        for (Change c : before.changes()) {
            if (!c.action().equals("new")) continue;
            // a site of an earlier scenario in the same community has the name already: this one is named after its
            // own scenario too ("拟建设施 1 · 莲顺社区（方案 B）"); a second clash stays the duplicate (409) it is
            FacilityInput in = planned(c, c.name());
            if (facilities.nameTaken(in)) in = planned(c, c.name() + "（" + before.name() + "）");
            ids.add(facilities.create(in).id());
        }
        scenarios.markPromoted(id, ids);
        Scenario after = get(id);
        audit.updated(ENTITY, id, before, after);
        return after;
    }

    private static FacilityInput planned(Change c, String name) {
        return new FacilityInput(c.kind(), name, null, null, c.lon(), c.lat(), null, "public", null,
                c.beds(), null, null, null, null, "planned", null, null, null, null);
    }

    private Scenario lock(long id) {
        if (!scenarios.lock(id)) throw ApiException.notFound("Scenario", id);
        return get(id);
    }

    private static List<String> kinds(ScenarioInput in) {
        return in.kinds() == null || in.kinds().isEmpty() ? List.of("elderly_care") : in.kinds();
    }

    private void validate(ScenarioInput in) {
        Validation v = new Validation();
        v.require(in.name() != null && !in.name().isBlank() && in.name().length() <= 200, "name", "is required (at most 200 characters)");
        v.require(in.division() != null && in.division().matches("\\d{6}|\\d{9}|\\d{12}"), "division", "must be a 6-, 9- or 12-digit division code");
        for (String k : kinds(in)) {
            v.require(k.equals("elderly_care") || FacilityKind.parse(k).isPresent(), "kinds", "unknown kind " + k);
        }
        List<Change> cs = in.changes() == null ? List.of() : in.changes();
        v.require(cs.size() <= 200, "changes", "at most 200 changes");
        for (int i = 0; i < cs.size(); i++) {
            Change c = cs.get(i);
            String f = "changes[" + i + "]";
            if (c == null || c.action() == null || !ACTIONS.contains(c.action())) { v.add(f + ".action", "must be new, move or close"); continue; }
            if (!c.action().equals("close")) {
                v.require(c.lon() != null && c.lat() != null && Math.abs(c.lon()) <= 180 && Math.abs(c.lat()) <= 90, f + ".lon", "lon and lat (EPSG:4490) are required");
            }
            if (c.action().equals("new")) {
                v.require(c.kind() != null && FacilityKind.parse(c.kind()).isPresent(), f + ".kind", "must be a facility kind code");
                v.require(c.name() != null && !c.name().isBlank(), f + ".name", "is required");
                v.require(c.beds() == null || c.beds() >= 0, f + ".beds", "must be 0 or more");
            } else {
                v.require(c.facilityId() != null && facilities.find(c.facilityId()).isPresent(), f + ".facilityId", "must be an existing facility");
            }
        }
        v.throwIfInvalid();
        if (!scenarios.divisionExists(in.division())) {
            throw ApiException.badField("division", "no such division");
        }
    }
}
