package cn.civgeo.address;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.common.Validation;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import cn.civgeo.placename.PlaceName;
import cn.civgeo.placename.PlaceNameService;
import cn.civgeo.placename.rules.PlaceCategories;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standard addresses (doorplates). Public service API for other features (the geocoder):
 * {@link #byRoadAndNumber}, {@link #nearest}, {@link #get}, {@link #byCode}, {@link #search}.
 * Writes validate: the road is an approved road/lane/residential-area name; the number and suffix are
 * well-formed; the point lies in the community (level-5 division) given, or the community is found from the point;
 * odd/even numbers lie on the side the road's numbering direction prescribes (when the road has one).
 */
@Service
public class AddressService {
    public static final String ENTITY = "address";
    private static final Set<String> STATUSES = Set.of("planned", "active", "retired");

    private final AddressRepository repo;
    private final PlaceNameService placeNames;
    private final DivisionService divisions;
    private final AuditService audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    public AddressService(AddressRepository repo, PlaceNameService placeNames, DivisionService divisions, AuditService audit,
                          org.springframework.context.ApplicationEventPublisher events) {
        this.repo = repo;
        this.placeNames = placeNames;
        this.divisions = divisions;
        this.audit = audit;
        this.events = events;
    }

    public Address get(long id) { return repo.find(id).orElseThrow(() -> ApiException.notFound("address", id)); }

    public Optional<Address> byCode(String code) { return repo.findByCode(code); }

    /**
     * Doorplates on a road (standard name, alias or former name) with a number (null: any) and suffix (null: any),
     * within a division code prefix (null: anywhere); retired ones excluded. For the geocoder.
     */
    public List<Address> byRoadAndNumber(String road, Integer number, String suffix, String divisionPrefix, int limit) {
        return repo.byRoadAndNumber(road, number, suffix, divisionPrefix, Math.min(Math.max(limit, 1), 1000));
    }

    /** Names of the roads that carry doorplates within a division code prefix (for reading misspelt roads). */
    public List<String> roadNames(String divisionPrefix) { return repo.roadNames(divisionPrefix); }

    /** Addresses by database id, in no particular order; ids that do not exist are left out. */
    public List<Address> byIds(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : repo.byIds(ids);
    }

    /** Active doorplates nearest to a point (EPSG:4490) within {@code maxMetres}, nearest first. For reverse geocoding. */
    public List<Address> nearest(double lon, double lat, double maxMetres, int limit) {
        return repo.nearest(lon, lat, maxMetres, Math.min(Math.max(limit, 1), 100));
    }

    public Paging.Page<Address> search(String text, Long roadId, String divisionPrefix, String status, double[] bbox, Paging paging) {
        String t = text == null || text.isBlank() ? null : text.strip();
        if (t != null && t.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw ApiException.badField("q", "must contain at least one letter, digit or Chinese character ('%', '_' and '\\' "
                    + "are matched literally, not as wildcards)");
        }
        return paging.page(repo.search(t, roadId, divisionPrefix, status, bbox, paging.limit(), paging.offset()),
                repo.count(t, roadId, divisionPrefix, status, bbox));
    }

    @Transactional
    public Address create(AddressRequest r, String source) {
        Resolved x = resolve(r, null);
        if (repo.codeExists(x.code, null)) throw ApiException.duplicate("address " + x.fullText + " exists (code " + x.code + ")");
        long id = repo.insert(x.code, x.road.id(), x.number, x.suffix, x.building, x.unit, x.room, x.community, x.lon, x.lat, x.status,
                x.fullText, source == null ? "manual" : source);
        Address saved = get(id);
        audit.created(ENTITY, id, saved);
        events.publishEvent(AddressChangedEvent.of(id));
        return saved;
    }

    @Transactional
    public Address update(long id, AddressRequest r) {
        Address before = get(id);
        if (r.version() == null) throw ApiException.badField("version", "is required (the version you read)");
        if (Address.APPROVED.equals(before.approval())) refuseChangesOfApproved(before, r);
        return write(before, r);
    }

    static final String WORKFLOW = "POST /api/addresses/{id}/reopen (ADMIN) to take it back to draft, change it, then "
            + "POST /api/addresses/{id}/approve; or POST /api/addresses/{id}/retire";

    /** A PUT on an approved doorplate may only send back what it holds (doorplates have no free-notes fields). */
    private static void refuseChangesOfApproved(Address b, AddressRequest r) {
        List<cn.civgeo.common.FieldProblem> changed = new java.util.ArrayList<>();
        String msg = "an approved doorplate changes only through its workflow";
        if (r.roadId() != null && r.roadId() != b.roadId()) changed.add(new cn.civgeo.common.FieldProblem("roadId", msg));
        if (r.road() != null && !r.road().strip().equals(b.road())) changed.add(new cn.civgeo.common.FieldProblem("road", msg));
        if (r.number() != null && r.number() != b.number()) changed.add(new cn.civgeo.common.FieldProblem("number", msg));
        if (differs(r.numberSuffix(), b.numberSuffix())) changed.add(new cn.civgeo.common.FieldProblem("numberSuffix", msg));
        if (differs(r.building(), b.building())) changed.add(new cn.civgeo.common.FieldProblem("building", msg));
        if (differs(r.unit(), b.unit())) changed.add(new cn.civgeo.common.FieldProblem("unit", msg));
        if (differs(r.room(), b.room())) changed.add(new cn.civgeo.common.FieldProblem("room", msg));
        if (differs(r.communityCode(), b.communityCode())) changed.add(new cn.civgeo.common.FieldProblem("communityCode", msg));
        if (r.lon() != null && Math.abs(r.lon() - b.lon()) > 1e-9) changed.add(new cn.civgeo.common.FieldProblem("lon", msg));
        if (r.lat() != null && Math.abs(r.lat() - b.lat()) > 1e-9) changed.add(new cn.civgeo.common.FieldProblem("lat", msg));
        if (differs(r.status(), b.status())) changed.add(new cn.civgeo.common.FieldProblem("status", msg));
        if (changed.isEmpty()) return;
        throw new ApiException(cn.civgeo.common.ProblemType.STATE_CONFLICT, "address " + b.id() + " is approved; "
                + WORKFLOW.replace("{id}", String.valueOf(b.id())) + " (changed: "
                + String.join(", ", changed.stream().map(cn.civgeo.common.FieldProblem::field).toList()) + ")", changed);
    }

    private static boolean differs(String asked, String held) {
        if (asked == null) return false;
        String a = asked.isBlank() ? null : asked.strip();
        return !java.util.Objects.equals(a, held == null || held.isBlank() ? null : held);
    }

    /** Approves a draft doorplate (ADMIN): from then on it changes only through its workflow. Audited. */
    @Transactional
    public Address approve(long id, int version) { return setApproval(id, version, Address.DRAFT, Address.APPROVED); }

    /** Takes an approved doorplate back to draft (ADMIN) so it can be changed and approved again. Audited. */
    @Transactional
    public Address reopen(long id, int version) { return setApproval(id, version, Address.APPROVED, Address.DRAFT); }

    private Address setApproval(long id, int version, String from, String to) {
        Address before = get(id);
        if (!from.equals(before.approval())) {
            throw ApiException.conflict("address " + id + " is " + before.approval() + ", not " + from);
        }
        if (!repo.setApproval(id, version, to, AuditService.currentActor())) throw ApiException.staleVersion("address", id, version);
        Address saved = get(id);
        audit.updated(ENTITY, id, before, saved);
        events.publishEvent(AddressChangedEvent.of(id));
        return saved;
    }

    private Address write(Address before, AddressRequest r) {
        long id = before.id();
        AddressRequest merged = new AddressRequest(r.roadId() == null && r.road() == null ? Long.valueOf(before.roadId()) : r.roadId(), r.road(),
                r.number() == null ? before.number() : r.number(), r.numberSuffix() == null ? before.numberSuffix() : r.numberSuffix(),
                r.building() == null ? before.building() : r.building(), r.unit() == null ? before.unit() : r.unit(),
                r.room() == null ? before.room() : r.room(), r.communityCode() == null && r.lon() == null ? before.communityCode() : r.communityCode(),
                r.lon() == null ? before.lon() : r.lon(), r.lat() == null ? before.lat() : r.lat(),
                r.status() == null ? before.status() : r.status(), r.version());
        Resolved x = resolve(merged, before);
        if (repo.codeExists(x.code, id)) throw ApiException.duplicate("address " + x.fullText + " exists (code " + x.code + ")");
        if (!repo.update(id, r.version(), x.code, x.road.id(), x.number, x.suffix, x.building, x.unit, x.room, x.community, x.lon, x.lat,
                x.status, x.fullText)) {
            throw ApiException.staleVersion("address", id, r.version());
        }
        Address saved = get(id);
        audit.updated(ENTITY, id, before, saved);
        events.publishEvent(AddressChangedEvent.of(id));
        return saved;
    }

    /** Retires a doorplate (the record stays). */
    @Transactional
    public Address retire(long id, int version) {
        Address before = get(id);
        return write(before, new AddressRequest(before.roadId(), null, null, null, null, null, null, before.communityCode(), null, null,
                "retired", version));
    }

    record Resolved(PlaceName road, int number, String suffix, String building, String unit, String room, String community,
                    double lon, double lat, String status, String code, String fullText) {}

    Resolved resolve(AddressRequest r, Address before) {
        Validation v = new Validation();
        v.require(r.roadId() != null || (r.road() != null && !r.road().isBlank()), "roadId", "give roadId or road");
        v.require(r.number() != null && r.number() >= 1 && r.number() <= 99999, "number", "must be between 1 and 99999");
        String suffix = blank(r.numberSuffix());
        v.require(suffix == null || Doorplates.SUFFIX.matcher(suffix).matches(), "numberSuffix", "must be 之一…之十, 附, 附1… or one capital letter");
        v.require(r.lon() != null && r.lat() != null, "lon", "lon and lat are required (EPSG:4490)");
        if (r.lon() != null && r.lat() != null) v.require(r.lon() >= 73 && r.lon() <= 136 && r.lat() >= 3 && r.lat() <= 54, "lon", "the point lies outside China");
        String status = r.status() == null ? "active" : r.status();
        v.require(STATUSES.contains(status), "status", "must be planned, active or retired");
        String building = blank(r.building()), unit = blank(r.unit()), room = blank(r.room());
        v.require(building == null || building.length() <= 20, "building", "is longer than 20 characters");
        v.require(unit == null || unit.length() <= 10, "unit", "is longer than 10 characters");
        v.require(room == null || room.length() <= 10, "room", "is longer than 10 characters");
        v.throwIfInvalid();
        double lon = r.lon(), lat = r.lat();
        String community = blank(r.communityCode());
        if (community == null) {
            List<Division> chain = divisions.chainAt(lon, lat);
            if (chain.isEmpty() || chain.get(chain.size() - 1).level() != 5) {
                throw ApiException.badField("communityCode", "the point lies in no community or village; give communityCode");
            }
            community = chain.get(chain.size() - 1).code();
        } else {
            Division d = divisions.find(community).orElseThrow(() -> ApiException.badField("communityCode", "no division " + r.communityCode()));
            if (d.level() != 5) throw ApiException.badField("communityCode", "must be a community or village (12 digits)");
            if (!d.active()) throw ApiException.badField("communityCode", d.code() + " " + d.name() + " is abolished");
            if (!repo.inside(community, lon, lat)) throw ApiException.badField("lon", "the point lies outside " + d.name() + " (" + d.code() + ")");
        }
        PlaceName road = r.roadId() != null ? placeNames.get(r.roadId()) : roadByName(r.road().strip(), community);
        if (!PlaceCategories.ADDRESSABLE.contains(road.categoryCode())) {
            throw ApiException.badField("roadId", road.name() + " is a " + road.categoryName() + ", not a road, lane or residential area");
        }
        boolean unchangedRoad = before != null && before.roadId() == road.id();
        if (!PlaceName.APPROVED.equals(road.status()) && !unchangedRoad) {
            throw ApiException.badField("roadId", road.name() + " is " + road.status() + "; doorplates hang on approved names only");
        }
        if (road.numbering() != null && !"retired".equals(status)) {
            double[] d = repo.offsetFromRoad(road.id(), lon, lat);
            String problem = d == null ? null : Doorplates.parityProblem(road.numbering(), r.number(), d[0], d[1]);
            if (problem != null) throw ApiException.badField("number", problem);
        }
        String code = Doorplates.code(community, road.code(), road.id(), r.number(), suffix, building, unit, room);
        String fullText = fullText(community, road.name(), r.number(), suffix, building, unit, room);
        return new Resolved(road, r.number(), suffix, building, unit, room, community, lon, lat, status, code, fullText);
    }

    private PlaceName roadByName(String name, String community) {
        List<Long> ids = placeNames.roadIdsByName(name, community.substring(0, 4));
        if (ids.isEmpty()) throw ApiException.badField("road", "no approved road, lane or residential area " + name + " in this city");
        if (ids.size() > 1) throw ApiException.badField("road", name + " is ambiguous in this city; give roadId");
        return placeNames.get(ids.get(0));
    }

    /** 福建省厦门市思明区厦港街道沙坡尾社区湖滨南路12号之一3栋2单元501室 */
    String fullText(String community, String road, int number, String suffix, String building, String unit, String room) {
        StringBuilder b = new StringBuilder();
        for (Division d : divisions.chain(community, null)) b.append(d.name());
        b.append(road).append(Doorplates.doorplate(number, suffix));
        b.append(Doorplates.building(building)).append(Doorplates.unit(unit)).append(Doorplates.room(room));
        return b.toString();
    }

    private static String blank(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
