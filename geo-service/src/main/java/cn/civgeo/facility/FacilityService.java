package cn.civgeo.facility;

import cn.civgeo.common.code.DivisionCode;
import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.common.Validation;
import cn.civgeo.common.crs.CoordinateConverter;
import cn.civgeo.common.crs.Crs;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The facility registry: validation per kind, CRUD with audit and optimistic locking. */
@Service
public class FacilityService {
    static final String ENTITY = "facility";
    static final Set<String> OPERATOR_KINDS = Set.of("public", "private", "public_private");
    static final Set<String> STATUSES = Set.of("planned", "under_construction", "operating", "suspended", "closed");

    private final FacilityRepository repo;
    private final FacilityDivisions divisions;
    private final CoordinateConverter coordinates;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    FacilityService(FacilityRepository repo, FacilityDivisions divisions, CoordinateConverter coordinates, AuditService audit,
                    ApplicationEventPublisher events) {
        this.repo = repo;
        this.divisions = divisions;
        this.coordinates = coordinates;
        this.audit = audit;
        this.events = events;
    }

    public Facility get(long id) { return repo.byId(id).orElseThrow(() -> ApiException.notFound("Facility", id)); }

    public Optional<Facility> find(long id) { return repo.byId(id); }

    public Facility get(long id, Crs crs) {
        Facility f = get(id);
        return crs.isStorage() ? f : f.at(coordinates.fromStorage(f.lon(), f.lat(), crs));
    }

    /** Query of the list endpoints; division means the division and everything under it. */
    public record Query(List<String> kinds, String status, String division, double[] bbox, String q) {}

    public Paging.Page<Facility> list(Query q, Paging paging, Crs crs) {
        FacilityRepository.Filter f = filter(q);
        List<Facility> items = repo.find(f, paging.limit(), paging.offset());
        if (!crs.isStorage()) items = items.stream().map(x -> x.at(coordinates.fromStorage(x.lon(), x.lat(), crs))).toList();
        return paging.page(items, repo.count(f));
    }

    public String geojson(Query q, Paging paging) { return repo.geojson(filter(q), paging.limit(), paging.offset()); }

    @Transactional
    public Facility create(FacilityInput in) { return create(in, "manual", null); }

    /** Would {@link #create} refuse this facility as a duplicate (same kind and name in its division)? Bad input is a 400. */
    public boolean nameTaken(FacilityInput in) {
        FacilityRepository.Row row = validate(in, "manual", null);
        return repo.exists(row.kind(), row.name(), row.divisionCode(), null);
    }

    /** Creates with the location's provenance (manual, geocoded, picked) and the geocoder's confidence. */
    @Transactional
    public Facility create(FacilityInput in, String locationSource, Double confidence) {
        FacilityRepository.Row row = validate(in, locationSource, confidence);
        if (repo.exists(row.kind(), row.name(), row.divisionCode(), null)) {
            throw ApiException.duplicate("A " + row.kind().label() + " named '" + row.name() + "' already exists in division " + row.divisionCode());
        }
        long id = repo.insert(row);
        Facility created = get(id);
        audit.created(ENTITY, id, created);
        events.publishEvent(new FacilityChangedEvent(id, created.kind(), true, false));
        return created;
    }

    @Transactional
    public Facility update(long id, FacilityInput in) {
        if (in.version() == null) throw ApiException.badField("version", "is required: send the version you read");
        Facility before = get(id);
        boolean locationGiven = in.lon() != null || in.lat() != null;
        FacilityInput complete = locationGiven ? in : in.withLocation(before.lon(), before.lat(), null);
        FacilityRepository.Row checked = validate(complete, before.locationSource(), before.geocodeConfidence());
        boolean relocated = checked.lon() != before.lon() || checked.lat() != before.lat();
        FacilityRepository.Row row = relocated ? checked.manual() : checked;
        if (repo.exists(row.kind(), row.name(), row.divisionCode(), id)) {
            throw ApiException.duplicate("A " + row.kind().label() + " named '" + row.name() + "' already exists in division " + row.divisionCode());
        }
        if (!repo.update(id, in.version(), row)) throw ApiException.staleVersion("Facility", id, in.version());
        Facility after = get(id);
        audit.updated(ENTITY, id, before, after);
        boolean moved = before.lon() != after.lon() || before.lat() != after.lat() || !before.kind().equals(after.kind())
                || !before.status().equals(after.status());
        // A change of kind concerns the listeners of both kinds (e.g. coverage models of the old kind).
        if (!before.kind().equals(after.kind())) events.publishEvent(new FacilityChangedEvent(id, before.kind(), false, false));
        events.publishEvent(new FacilityChangedEvent(id, after.kind(), moved, false));
        return after;
    }

    /**
     * Moves a facility into another division, its location unchanged: the follow-through of a division adjustment when
     * the unit it lay in was re-coded, merged or split (the new unit is the one containing its location). Audited;
     * version-checked against {@code expectedVersion}.
     */
    @Transactional
    public Facility moveToDivision(long id, int expectedVersion, String divisionCode) {
        Facility before = get(id);
        if (divisionCode == null || divisionCode.isBlank()) throw ApiException.badField("divisionCode", "is required");
        if (!repo.setDivision(id, expectedVersion, divisionCode)) throw ApiException.staleVersion("Facility", id, expectedVersion);
        Facility after = get(id);
        audit.updated(ENTITY, id, before, after);
        events.publishEvent(new FacilityChangedEvent(id, after.kind(), false, false));
        return after;
    }

    @Transactional
    public void delete(long id, Integer version) {
        if (version == null) throw ApiException.badField("version", "is required: send the version you read");
        Facility before = get(id);
        events.publishEvent(new FacilityChangedEvent(id, before.kind(), false, true));
        if (!repo.delete(id, version)) throw ApiException.staleVersion("Facility", id, version);
        audit.deleted(ENTITY, id, before);
    }

    /**
     * Checks a facility's fields for its kind and converts its location to storage coordinates. Collects every
     * problem before answering. Public so the import can validate rows before writing anything.
     */
    public ValidatedFacility check(FacilityInput in, boolean locationRequired) {
        Validation v = new Validation();
        Optional<FacilityKind> kind = FacilityKind.parse(in.kind());
        v.require(kind.isPresent(), "kind", "must be one of " + FacilityKind.codes() + " or their Chinese names");
        v.require(in.name() != null && !in.name().isBlank() && in.name().strip().length() <= 200, "name", "must be 1 to 200 characters");
        v.require(in.operatorKind() != null && OPERATOR_KINDS.contains(in.operatorKind()), "operatorKind",
                "must be public (公办), private (民办) or public_private (公建民营)");
        String status = in.status() == null ? "operating" : in.status();
        v.require(STATUSES.contains(status), "status", "must be one of " + STATUSES.stream().sorted().toList());
        kind.ifPresent(k -> checkKind(v, k, in));
        FacilityAttributes attributes = kind.map(k -> FacilityAttributeRules.check(v, k, in.attributes(), in.landAreaM2())).orElse(null);
        checkDates(v, status, in.openedOn(), in.closedOn());
        double[] storage = null;
        Crs crs = null;
        try {
            crs = Crs.parse(in.crs());
        } catch (ApiException e) {
            v.add("crs", e.getMessage());
        }
        if (in.lon() == null || in.lat() == null) {
            v.require(!locationRequired, "lon", "lon and lat are required");
        } else if (crs != null) {
            storage = crs.isStorage() ? new double[] {in.lon(), in.lat()} : coordinates.toStorage(in.lon(), in.lat(), crs);
            v.require(storage[0] >= 73 && storage[0] <= 136 && storage[1] >= 3 && storage[1] <= 54, "lon",
                    "the location must lie in China (lon 73-136, lat 3-54 in EPSG:4490)");
        }
        String division = in.divisionCode() == null ? null : in.divisionCode().strip();
        if (division != null) v.require(divisions.exists(division), "divisionCode", "no division has code " + division);
        v.throwIfInvalid();
        if (division == null && storage != null) division = divisions.deepestAt(storage[0], storage[1]).orElse(null);
        return new ValidatedFacility(kind.get(), in.name().strip(), blankToNull(in.address()), division,
                storage == null ? null : storage[0], storage == null ? null : storage[1], in.operatorKind(),
                blankToNull(in.operatorName()), in.beds(), in.nursingBeds(), in.floorAreaM2(), in.landAreaM2(), in.capacity(),
                status, in.openedOn(), in.closedOn(), attributes);
    }

    /** A facility that passed {@link #check}; lon/lat in EPSG:4490 (null when not yet located). */
    public record ValidatedFacility(FacilityKind kind, String name, String address, String divisionCode, Double lon, Double lat,
                                    String operatorKind, String operatorName, Integer beds, Integer nursingBeds,
                                    Double floorAreaM2, Double landAreaM2, Integer capacity, String status,
                                    LocalDate openedOn, LocalDate closedOn, FacilityAttributes attributes) {}

    private FacilityRepository.Row validate(FacilityInput in, String source, Double confidence) {
        ValidatedFacility f = check(in, true);
        return new FacilityRepository.Row(f.kind(), f.name(), f.address(), f.divisionCode(), f.lon(), f.lat(), f.operatorKind(),
                f.operatorName(), f.beds(), f.nursingBeds(), f.floorAreaM2(), f.landAreaM2(), f.capacity(), f.status(),
                f.openedOn(), f.closedOn(), source, confidence, f.attributes());
    }

    private static void checkKind(Validation v, FacilityKind k, FacilityInput in) {
        if (k.hasBeds()) {
            if (k.requiresBeds()) v.require(in.beds() != null && in.beds() >= 1, "beds", "is required for a " + k.label() + " (at least 1)");
            v.require(in.beds() == null || (in.beds() >= 0 && in.beds() <= 20000), "beds", "must be between 0 and 20000");
            v.require(in.nursingBeds() == null || in.nursingBeds() >= 0, "nursingBeds", "must be 0 or more");
            v.require(in.nursingBeds() == null || (in.beds() != null && in.nursingBeds() <= in.beds()), "nursingBeds",
                    "must not exceed beds (nursing-type beds are part of all beds)");
        } else {
            v.require(in.beds() == null, "beds", "does not apply to a " + k.label());
            v.require(in.nursingBeds() == null, "nursingBeds", "does not apply to a " + k.label());
        }
        if (k.hasCapacity()) {
            v.require(in.capacity() == null || (in.capacity() >= 0 && in.capacity() <= 5_000_000), "capacity",
                    "must be between 0 and 5000000 graves or niches");
        } else {
            v.require(in.capacity() == null, "capacity", "applies only to cemeteries and columbaria (graves or niches)");
        }
        if (k == FacilityKind.COMMUNITY_SERVICE_CENTRE) {
            v.require(in.floorAreaM2() != null, "floorAreaM2", "is required for a " + k.label() + " (it feeds the m² per 100 households indicator)");
        }
        v.require(in.floorAreaM2() == null || (in.floorAreaM2() > 0 && in.floorAreaM2() <= 1_000_000), "floorAreaM2", "must be between 0 and 1000000 m²");
        v.require(in.landAreaM2() == null || (in.landAreaM2() > 0 && in.landAreaM2() <= 50_000_000), "landAreaM2", "must be between 0 and 50000000 m²");
    }

    private static void checkDates(Validation v, String status, LocalDate opened, LocalDate closed) {
        LocalDate today = LocalDate.now();
        if (Objects.equals(status, "operating") || Objects.equals(status, "suspended")) {
            v.require(opened == null || !opened.isAfter(today), "openedOn", "must not be in the future for a facility that is " + status);
            v.require(closed == null, "closedOn", "must be empty unless the status is closed");
        }
        if (Objects.equals(status, "closed")) v.require(closed != null, "closedOn", "is required when the status is closed");
        if (Objects.equals(status, "planned") || Objects.equals(status, "under_construction")) {
            v.require(closed == null, "closedOn", "must be empty for a facility that is " + status);
        }
        v.require(opened == null || closed == null || !closed.isBefore(opened), "closedOn", "must not be before openedOn");
    }

    private FacilityRepository.Filter filter(Query q) {
        List<String> kinds = q.kinds() == null ? List.of() : q.kinds().stream().map(k -> FacilityKind.parse(k)
                .orElseThrow(() -> ApiException.badField("kind", "must be one of " + FacilityKind.codes())).code()).toList();
        if (q.status() != null && !STATUSES.contains(q.status())) throw ApiException.badField("status", "must be one of " + STATUSES);
        return new FacilityRepository.Filter(kinds, q.status(), q.division() == null ? null : DivisionCode.parse(q.division(), "division").significant(), q.bbox(),
                q.q() == null || q.q().isBlank() ? null : q.q().strip());
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
