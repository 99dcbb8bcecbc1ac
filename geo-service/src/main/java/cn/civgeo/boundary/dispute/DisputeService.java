package cn.civgeo.boundary.dispute;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.common.Validation;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Boundary disputes and their status history until settled. */
@Service
class DisputeService {
    public static final List<String> STATUSES = List.of("reported", "negotiating", "mediation", "ruling", "settled");

    public record Dispute(long id, String title, String leftCode, String rightCode, Long lineId, double areaKm2,
                          String status, String description, String settlement, LocalDate settledOn, int version,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt, @JsonRawValue String area,
                          List<String> resources, List<String> departments) {}

    /** {@code resources}: what is at stake (forest, water, mineral, land, grassland, sea); {@code departments} involved. */
    public record NewDispute(String title, String leftCode, String rightCode, Long lineId, String description,
                             tools.jackson.databind.JsonNode area, List<String> resources, List<String> departments) {}

    public static final List<String> RESOURCES = List.of("forest", "water", "mineral", "land", "grassland", "sea");

    /** A status change; {@code settled} needs {@code settlement} (what was agreed or ruled) and {@code settledOn}. */
    public record StatusChange(String status, String note, String settlement, LocalDate settledOn, Integer version) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "DisputeEvent")
    public record Event(long id, OffsetDateTime at, String actor, String fromStatus, String toStatus, String note) {}

    private final DisputeRepository repo;
    private final AuditService audit;

    DisputeService(DisputeRepository repo, AuditService audit) {
        this.repo = repo;
        this.audit = audit;
    }

    public Dispute get(long id) {
        return repo.find(id).orElseThrow(() -> ApiException.notFound("dispute", id));
    }

    public Paging.Page<Dispute> list(String status, String division, Paging p) {
        if (status != null && !STATUSES.contains(status)) throw ApiException.badField("status", "must be one of " + STATUSES);
        return p.page(repo.listPage(status, division, p.limit(), p.offset()), repo.count(status, division));
    }

    public List<Event> history(long id) {
        get(id);
        return repo.events(id);
    }

    @Transactional
    public Dispute create(NewDispute in) {
        Validation v = new Validation();
        v.notBlank(in.title(), "title").notBlank(in.leftCode(), "leftCode").notBlank(in.rightCode(), "rightCode");
        v.require(in.leftCode() == null || !in.leftCode().equals(in.rightCode()), "rightCode", "must differ from leftCode");
        v.require(in.area() != null && !in.area().isNull(), "area", "is required (GeoJSON Polygon or MultiPolygon, EPSG:4490)");
        List<String> resources = in.resources() == null ? List.of() : in.resources();
        for (int i = 0; i < resources.size(); i++) {
            v.require(RESOURCES.contains(resources.get(i)), "resources[" + i + "]", "must be one of " + RESOURCES);
        }
        List<String> departments = in.departments() == null ? List.of()
                : in.departments().stream().filter(d -> d != null && !d.isBlank()).map(String::strip).toList();
        v.throwIfInvalid();
        for (String[] f : new String[][] {{"leftCode", in.leftCode()}, {"rightCode", in.rightCode()}}) {
            boolean known = repo.divisionExists(f[1]);
            v.require(known, f[0], "unknown division " + f[1]);
        }
        if (in.lineId() != null) {
            boolean ok = repo.lineExists(in.lineId());
            v.require(ok, "lineId", "unknown line " + in.lineId());
        }
        v.throwIfInvalid();
        String geojson = in.area().toString();
        String problem;
        try {
            problem = repo.areaProblem(geojson);
        } catch (RuntimeException e) {
            throw ApiException.badField("area", "is not valid GeoJSON geometry");
        }
        if (problem != null) throw ApiException.badField("area", problem);
        long id = repo.insert(in, geojson, resources, departments);
        event(id, null, "reported", in.description());
        Dispute d = get(id);
        audit.created("boundary_dispute", id, d);
        return d;
    }

    @Transactional
    public Dispute changeStatus(long id, StatusChange c) {
        Dispute old = get(id);
        Validation v = new Validation();
        v.require(c.version() != null, "version", "is required (the version you read)");
        v.require(c.status() != null && STATUSES.contains(c.status()), "status", "must be one of " + STATUSES);
        if ("settled".equals(c.status())) {
            v.notBlank(c.settlement(), "settlement");
            v.require(c.settledOn() != null, "settledOn", "is required to settle");
        }
        v.throwIfInvalid();
        if ("settled".equals(old.status())) throw ApiException.conflict("dispute " + id + " is settled");
        if (c.status().equals(old.status())) throw ApiException.conflict("dispute " + id + " is already " + old.status());
        int n = repo.updateStatus(id, c);
        if (n == 0) throw ApiException.staleVersion("dispute", id, c.version());
        event(id, old.status(), c.status(), c.note());
        Dispute d = get(id);
        audit.updated("boundary_dispute", id, withoutArea(old), withoutArea(d));
        return d;
    }

    private void event(long id, String from, String to, String note) {
        repo.insertEvent(id, AuditService.currentActor(), from, to, note);
    }

    private static Dispute withoutArea(Dispute d) {
        return new Dispute(d.id(), d.title(), d.leftCode(), d.rightCode(), d.lineId(), d.areaKm2(), d.status(), d.description(),
                d.settlement(), d.settledOn(), d.version(), d.createdAt(), d.updatedAt(), null, d.resources(), d.departments());
    }
}
