package cn.civgeo.placename;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.ProblemType;
import cn.civgeo.common.Validation;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import cn.civgeo.placename.pinyin.PlaceNameRomanizer;
import cn.civgeo.placename.rules.Finding;
import cn.civgeo.placename.rules.PlaceCategories;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standard place-name registry and its naming workflow (地名管理条例 2022):
 * <pre>
 *   propose ──► proposed ──submit──► under_review ──approve──► approved ──announce──► (announced)
 *                   ▲                     │  └──reject(reason)──► rejected
 *                   └───────reopen────────┘                       approved ──rename──► approved (old name kept as former name)
 *                                                                 approved ──abolish──► abolished (record kept)
 * </pre>
 * Every step checks the record's version, writes a {@code place_name_event} row and an audit row. Approval and
 * renaming refuse names with open 大/洋/怪/重 findings (an ADMIN may record an exemption with its reason first).
 */
@Service
public class PlaceNameService {
    public static final String ENTITY = "place_name";
    private static final Set<String> GEOMETRY_TYPES = Set.of("POINT", "MULTIPOINT", "LINESTRING", "MULTILINESTRING", "POLYGON", "MULTIPOLYGON");

    private final PlaceNameRepository repo;
    private final NameCheckService checks;
    private final PlaceNameRomanizer romanizer;
    private final DivisionService divisions;
    private final AuditService audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    public PlaceNameService(PlaceNameRepository repo, NameCheckService checks, PlaceNameRomanizer romanizer,
                            DivisionService divisions, AuditService audit, org.springframework.context.ApplicationEventPublisher events) {
        this.repo = repo;
        this.checks = checks;
        this.romanizer = romanizer;
        this.divisions = divisions;
        this.audit = audit;
        this.events = events;
    }

    /** A stored record with the findings of the checks run on it. */
    public record Result(PlaceName placeName, List<Finding> findings) {}

    public PlaceName get(long id) { return repo.find(id).orElseThrow(() -> ApiException.notFound("place name", id)); }

    public java.util.Optional<PlaceName> findByCode(String code) { return repo.findByCode(code); }

    public List<PlaceNameRepository.Event> events(long id) {
        get(id);
        return repo.events(id);
    }

    public List<PlaceNameRepository.Category> categories() { return repo.categories(); }

    /** Ids of approved roads, lanes and residential areas with this standard name, alias or former name in a division prefix. */
    public List<Long> roadIdsByName(String name, String divisionPrefix) { return repo.roadIdsByName(name, divisionPrefix); }

    /** Proposes a new name (status {@code proposed}); the findings come back with it for the proposer to see. */
    @Transactional
    public Result propose(PlaceNameRequest r) {
        Resolved x = resolve(r, null);
        PlaceName p = new PlaceName(0, null, x.name, blankToNull(r.shortName()), clean(r.aliases()), x.spelling, x.spellingSource,
                x.pronunciation, x.pinyin, x.initials, x.category, null, x.division, x.divisions, x.geometry, null,
                blankToNull(r.locationText()), blankToNull(r.meaning()), blankToNull(r.history()), blankToNull(r.description()),
                PlaceName.PROPOSED, r.current() == null || r.current(), r.namingDate(), r.establishedYear(), null, null, null, null,
                null, null, null, blankToNull(r.numbering()), AuditService.currentActor(), null, null, 0, null, null);
        long id = repo.insert(p);
        PlaceName saved = get(id);
        repo.insertEvent(id, "propose", null, PlaceName.PROPOSED, AuditService.currentActor(), null, null, null);
        audit.created(ENTITY, id, saved);
        events.publishEvent(PlaceNameChangedEvent.of(id));
        return new Result(saved, checks.check(saved.name(), saved.categoryCode(), saved.divisionCode(), x.lengthM, id));
    }

    /**
     * Stores an imported record (e.g. census results): {@code proposed}, or directly {@code approved} when the row
     * carries its approval (body, document, date). Findings do not stop an import; they are returned.
     */
    @Transactional
    public Result importRecord(PlaceNameRequest r, boolean approved, String authority, String doc, LocalDate date) {
        if (approved) {
            Validation v = new Validation();
            v.notBlank(authority, "approvalAuthority").notBlank(doc, "approvalDoc");
            v.require(date != null, "approvalDate", "is required for an approved name");
            v.throwIfInvalid();
        }
        Result proposed = propose(r);
        if (!approved) return proposed;
        PlaceName p = proposed.placeName();
        String code = repo.nextCode(p.divisionCode().substring(0, 6), p.categoryCode());
        PlaceName after = new PlaceName(p.id(), code, p.name(), p.shortName(), p.aliases(), p.spelling(), p.spellingSource(), p.pronunciation(),
                p.pinyin(), p.initials(), p.categoryCode(), null, p.divisionCode(), p.divisionCodes(), p.geometry(), null, p.locationText(),
                p.meaning(), p.history(), p.description(), PlaceName.APPROVED, p.current(), p.namingDate() == null ? date : p.namingDate(),
                p.establishedYear(), null, authority.strip(), doc.strip(), date, null, null, null, p.numbering(), p.proposedBy(),
                AuditService.currentActor(), null, p.version(), null, null);
        return new Result(write(p, after, p.version(), "approve", "import", doc), proposed.findings());
    }

    /**
     * Changes the descriptive fields. The name itself may change only before approval; an approved name changes
     * by {@link #rename}.
     */
    @Transactional
    public Result update(long id, PlaceNameRequest r) {
        PlaceName before = get(id);
        int version = requireVersion(r.version());
        if (PlaceName.ABOLISHED.equals(before.status()) || PlaceName.REJECTED.equals(before.status())) {
            throw ApiException.conflict("place name " + id + " is " + before.status() + " and cannot be changed");
        }
        if (PlaceName.APPROVED.equals(before.status())) ApprovedGuard.check(before, r);
        PlaceNameRequest merged = new PlaceNameRequest(r.name() == null ? before.name() : r.name(),
                r.shortName() == null ? before.shortName() : r.shortName(), r.aliases() == null ? before.aliases() : r.aliases(),
                r.spelling() == null ? ("manual".equals(before.spellingSource()) ? before.spelling() : null) : r.spelling(),
                r.category() == null ? before.categoryCode() : r.category(), r.divisionCode() == null ? before.divisionCode() : r.divisionCode(),
                r.geometry(), r.locationText() == null ? before.locationText() : r.locationText(),
                r.meaning() == null ? before.meaning() : r.meaning(), r.history() == null ? before.history() : r.history(),
                r.description() == null ? before.description() : r.description(), r.namingDate() == null ? before.namingDate() : r.namingDate(),
                r.establishedYear() == null ? before.establishedYear() : r.establishedYear(),
                r.numbering() == null ? before.numbering() : r.numbering(), r.current() == null ? before.current() : r.current(), version);
        Resolved x = resolve(merged, r.geometry() == null ? before.geometry() : null);
        PlaceName after = new PlaceName(id, before.code(), x.name, blankToNull(merged.shortName()), clean(merged.aliases()), x.spelling,
                x.spellingSource, x.pronunciation, x.pinyin, x.initials, x.category, null, x.division, x.divisions, x.geometry, null,
                blankToNull(merged.locationText()), blankToNull(merged.meaning()), blankToNull(merged.history()),
                blankToNull(merged.description()), before.status(), merged.current(), merged.namingDate(), merged.establishedYear(),
                before.abolishedYear(), before.approvalAuthority(), before.approvalDoc(), before.approvalDate(), before.announcedAt(),
                before.announcementNo(), before.rejectReason(), blankToNull(merged.numbering()), before.proposedBy(), before.reviewedBy(),
                null, version, null, null);
        return new Result(write(before, after, version, "update", null, null), checks.check(x.name, x.category, x.division, x.lengthM, id));
    }

    @Transactional
    public PlaceName submit(long id, WorkflowRequest r) {
        PlaceName p = expect(id, r, PlaceName.PROPOSED);
        return write(p, with(p, PlaceName.UNDER_REVIEW), r.version(), "submit", null, null);
    }

    /** Back to {@code proposed} from review (the reviewer asks for changes) or from {@code rejected}. */
    @Transactional
    public PlaceName reopen(long id, WorkflowRequest r) {
        PlaceName p = get(id);
        requireVersion(r.version());
        if (!PlaceName.UNDER_REVIEW.equals(p.status()) && !PlaceName.REJECTED.equals(p.status())) {
            throw ApiException.conflict("place name " + id + " is " + p.status() + "; only names under review or rejected can be reopened");
        }
        return write(p, with(p, PlaceName.PROPOSED), r.version(), "reopen", blankToNull(r.reason()), null);
    }

    @Transactional
    public PlaceName approve(long id, WorkflowRequest r) {
        PlaceName p = expect(id, r, PlaceName.UNDER_REVIEW);
        Validation v = new Validation();
        v.notBlank(r.approvalAuthority(), "approvalAuthority").notBlank(r.approvalDoc(), "approvalDoc");
        v.require(r.approvalDate() != null, "approvalDate", "is required");
        v.throwIfInvalid();
        refuseFindings(p.name(), p.categoryCode(), p.divisionCode(), lengthOf(p), id);
        String code = p.code() != null ? p.code() : repo.nextCode(p.divisionCode().substring(0, 6), p.categoryCode());
        PlaceName after = new PlaceName(id, code, p.name(), p.shortName(), p.aliases(), p.spelling(), p.spellingSource(), p.pronunciation(),
                p.pinyin(), p.initials(), p.categoryCode(), null, p.divisionCode(), p.divisionCodes(), p.geometry(), null, p.locationText(),
                p.meaning(), p.history(), p.description(), PlaceName.APPROVED, true, p.namingDate() == null ? r.approvalDate() : p.namingDate(),
                p.establishedYear() == null ? r.approvalDate().getYear() : p.establishedYear(), null, r.approvalAuthority().strip(),
                r.approvalDoc().strip(), r.approvalDate(), null, null, null, p.numbering(), p.proposedBy(), AuditService.currentActor(),
                null, p.version(), null, null);
        return write(p, after, r.version(), "approve", null, r.approvalDoc());
    }

    @Transactional
    public PlaceName reject(long id, WorkflowRequest r) {
        PlaceName p = expect(id, r, PlaceName.UNDER_REVIEW);
        if (r.reason() == null || r.reason().isBlank()) throw ApiException.badField("reason", "a rejection needs a reason");
        PlaceName after = new PlaceName(id, p.code(), p.name(), p.shortName(), p.aliases(), p.spelling(), p.spellingSource(), p.pronunciation(),
                p.pinyin(), p.initials(), p.categoryCode(), null, p.divisionCode(), p.divisionCodes(), p.geometry(), null, p.locationText(),
                p.meaning(), p.history(), p.description(), PlaceName.REJECTED, p.current(), p.namingDate(), p.establishedYear(), null, null,
                null, null, null, null, r.reason().strip(), p.numbering(), p.proposedBy(), AuditService.currentActor(), null, p.version(), null, null);
        return write(p, after, r.version(), "reject", r.reason().strip(), null);
    }

    /** The announcement (公告) of an approved name: standard name, spelling, division, location, approving body, date. */
    public record Announcement(String announcementNo, OffsetDateTime announcedAt, String code, String name, String spelling,
                               String pronunciation, String category, String division, String locationText, String meaning,
                               String approvalAuthority, String approvalDoc, LocalDate approvalDate) {}

    @Transactional
    public Announcement announce(long id, WorkflowRequest r) {
        PlaceName p = expect(id, r, PlaceName.APPROVED);
        if (p.announcedAt() != null) throw ApiException.conflict("place name " + id + " was announced at " + p.announcedAt());
        String no = r.announcementNo() == null || r.announcementNo().isBlank() ? "公告-" + p.code() : r.announcementNo().strip();
        PlaceName after = new PlaceName(id, p.code(), p.name(), p.shortName(), p.aliases(), p.spelling(), p.spellingSource(), p.pronunciation(),
                p.pinyin(), p.initials(), p.categoryCode(), null, p.divisionCode(), p.divisionCodes(), p.geometry(), null, p.locationText(),
                p.meaning(), p.history(), p.description(), p.status(), p.current(), p.namingDate(), p.establishedYear(), p.abolishedYear(),
                p.approvalAuthority(), p.approvalDoc(), p.approvalDate(), OffsetDateTime.now(), no, p.rejectReason(), p.numbering(),
                p.proposedBy(), p.reviewedBy(), null, p.version(), null, null);
        return announcement(write(p, after, r.version(), "announce", null, null));
    }

    public Announcement announcement(long id) {
        PlaceName p = get(id);
        if (p.announcedAt() == null) throw ApiException.notFound("announcement of place name", id);
        return announcement(p);
    }

    private Announcement announcement(PlaceName p) {
        String division = divisionLabel(p.divisionCode());
        return new Announcement(p.announcementNo(), p.announcedAt(), p.code(), p.name(), p.spelling(), p.pronunciation(),
                p.categoryName(), division, p.locationText(), p.meaning(), p.approvalAuthority(), p.approvalDoc(), p.approvalDate());
    }

    /** Renames an approved name: the old name becomes a former name (still searchable), the new one is checked. */
    @Transactional
    public PlaceName rename(long id, WorkflowRequest r) {
        PlaceName p = expect(id, r, PlaceName.APPROVED);
        Validation v = new Validation();
        v.notBlank(r.newName(), "newName").notBlank(r.reason(), "reason").notBlank(r.approvalDoc(), "approvalDoc");
        v.require(r.approvalDate() != null, "approvalDate", "is required");
        v.throwIfInvalid();
        String newName = r.newName().strip();
        validateName(newName, "newName");
        if (newName.equals(p.name())) throw ApiException.badField("newName", "is the current name");
        refuseFindings(newName, p.categoryCode(), p.divisionCode(), lengthOf(p), id);
        repo.insertFormer(id, p.name(), p.spelling(), p.pinyin(), p.namingDate(), r.approvalDate(), r.reason().strip(), r.approvalDoc().strip());
        var rom = romanizer.romanize(newName);
        boolean manual = r.spelling() != null && !r.spelling().isBlank();
        PlaceName after = new PlaceName(id, p.code(), newName, null, p.aliases(), manual ? r.spelling().strip() : rom.spelling(),
                manual ? "manual" : "rules", rom.pronunciation(), rom.toneless(), rom.initials(), p.categoryCode(), null, p.divisionCode(),
                p.divisionCodes(), p.geometry(), null, p.locationText(), p.meaning(), p.history(), p.description(), PlaceName.APPROVED, true,
                r.approvalDate(), p.establishedYear(), null, r.approvalAuthority() == null ? p.approvalAuthority() : r.approvalAuthority().strip(),
                r.approvalDoc().strip(), r.approvalDate(), null, null, null, p.numbering(), p.proposedBy(), AuditService.currentActor(),
                null, p.version(), null, null);
        return write(p, after, r.version(), "rename", r.reason().strip(), r.approvalDoc());
    }

    /** Abolishes an approved name: the record stays, marked abolished and historic. */
    @Transactional
    public PlaceName abolish(long id, WorkflowRequest r) {
        PlaceName p = expect(id, r, PlaceName.APPROVED);
        Validation v = new Validation();
        v.notBlank(r.reason(), "reason").notBlank(r.approvalDoc(), "approvalDoc");
        v.require(r.approvalDate() != null, "approvalDate", "is required");
        v.throwIfInvalid();
        PlaceName after = new PlaceName(id, p.code(), p.name(), p.shortName(), p.aliases(), p.spelling(), p.spellingSource(), p.pronunciation(),
                p.pinyin(), p.initials(), p.categoryCode(), null, p.divisionCode(), p.divisionCodes(), p.geometry(), null, p.locationText(),
                p.meaning(), p.history(), p.description(), PlaceName.ABOLISHED, false, p.namingDate(), p.establishedYear(),
                r.approvalDate().getYear(), p.approvalAuthority(), p.approvalDoc(), p.approvalDate(), p.announcedAt(), p.announcementNo(),
                null, p.numbering(), p.proposedBy(), AuditService.currentActor(), null, p.version(), null, null);
        return write(p, after, r.version(), "abolish", r.reason().strip(), r.approvalDoc());
    }

    // ---------------------------------------------------------------------------------------------------------

    private PlaceName write(PlaceName before, PlaceName after, int version, String kind, String reason, String doc) {
        if (!repo.update(after, version)) throw ApiException.staleVersion("place name", before.id(), version);
        PlaceName saved = get(before.id());
        repo.insertEvent(before.id(), kind, before.status(), saved.status(), AuditService.currentActor(), reason, doc, null);
        audit.updated(ENTITY, before.id(), before, saved);
        events.publishEvent(PlaceNameChangedEvent.of(before.id()));
        return saved;
    }

    private PlaceName expect(long id, WorkflowRequest r, String status) {
        PlaceName p = get(id);
        int v = requireVersion(r == null ? null : r.version());
        if (!status.equals(p.status())) {
            throw ApiException.conflict("place name " + id + " is " + p.status() + ", not " + status);
        }
        if (v != p.version()) throw ApiException.staleVersion("place name", id, v);
        return p;
    }

    private static PlaceName with(PlaceName p, String status) {
        return new PlaceName(p.id(), p.code(), p.name(), p.shortName(), p.aliases(), p.spelling(), p.spellingSource(), p.pronunciation(),
                p.pinyin(), p.initials(), p.categoryCode(), null, p.divisionCode(), p.divisionCodes(), p.geometry(), null, p.locationText(),
                p.meaning(), p.history(), p.description(), status, p.current(), p.namingDate(), p.establishedYear(), p.abolishedYear(),
                p.approvalAuthority(), p.approvalDoc(), p.approvalDate(), p.announcedAt(), p.announcementNo(),
                PlaceName.REJECTED.equals(status) ? p.rejectReason() : null, p.numbering(), p.proposedBy(), p.reviewedBy(), null,
                p.version(), null, null);
    }

    private void refuseFindings(String name, String category, String division, Double lengthM, Long id) {
        List<Finding> open = checks.check(name, category, division, lengthM, id).stream().filter(f -> !f.exempted()).toList();
        if (!open.isEmpty()) {
            List<FieldProblem> errors = open.stream().map(f -> new FieldProblem("name", f.label() + " " + f.check() + ": " + f.reason()
                    + "; fix: " + f.fix())).toList();
            throw new ApiException(ProblemType.STATE_CONFLICT, name + " does not pass the naming rules (" + open.size()
                    + " finding(s)); fix the name or record an exemption with its reason", errors, Map.of("findings", open));
        }
    }

    private static Double lengthOf(PlaceName p) { return p.lengthM(); }

    private static int requireVersion(Integer v) {
        if (v == null) throw ApiException.badField("version", "is required (the version you read)");
        return v;
    }

    /** A request validated and completed: spelling, pinyin keys, division(s), geometry. */
    private record Resolved(String name, String spelling, String spellingSource, String pronunciation, String pinyin, String initials,
                            String category, String division, List<String> divisions, String geometry, Double lengthM) {}

    private Resolved resolve(PlaceNameRequest r, String keepGeometry) {
        Validation v = new Validation();
        v.notBlank(r.name(), "name").notBlank(r.category(), "category");
        v.throwIfInvalid();
        String name = r.name().strip();
        validateName(name, "name");
        String category = r.category().strip();
        if (category.length() != 4 || !repo.categoryExists(category)) {
            throw ApiException.badField("category", "must be a 4-digit category code from GET /api/place-categories");
        }
        if (PlaceCategories.isDivision(category)) {
            throw ApiException.badField("category", "names of divisions (行政区域, 群众自治组织) live in the division registry; "
                    + "change them through /api/divisions (they are searchable here as place names)");
        }
        if (r.numbering() != null && !r.numbering().isBlank() && !Set.of("EW", "WE", "NS", "SN").contains(r.numbering())) {
            throw ApiException.badField("numbering", "must be EW, WE, NS or SN (the direction doorplate numbers increase)");
        }
        String geometry = keepGeometry;
        Double length = null;
        double[] point = null;
        if (r.geometry() != null && !r.geometry().isNull()) {
            geometry = r.geometry().toString();
        }
        if (geometry != null) {
            PlaceNameRepository.GeometryFacts f;
            try {
                f = repo.geometryFacts(geometry);
            } catch (DataAccessException e) {
                throw ApiException.badField("geometry", "is not a GeoJSON geometry");
            }
            if (!GEOMETRY_TYPES.contains(f.type())) throw ApiException.badField("geometry", "must be a Point, LineString or Polygon (or Multi-), not " + f.type());
            if (!f.valid()) throw ApiException.badField("geometry", "is not valid: " + f.reason());
            if (f.lon() < 73 || f.lon() > 136 || f.lat() < 3 || f.lat() > 54) {
                throw ApiException.badField("geometry", "lies outside China; coordinates are lon/lat in EPSG:4490");
            }
            length = f.lengthM();
            point = new double[] {f.lon(), f.lat()};
        }
        String division = blankToNull(r.divisionCode());
        List<String> touched = geometry == null ? List.of() : repo.divisionsTouching(geometry);
        if (division == null) {
            if (point == null) throw ApiException.badField("divisionCode", "is required when there is no geometry");
            List<Division> chain = divisions.chainAt(point[0], point[1]);
            if (chain.isEmpty()) throw ApiException.badField("geometry", "lies in no known division; give divisionCode");
            division = chain.get(chain.size() - 1).code();
        } else {
            Division d = divisions.find(division).orElseThrow(() -> ApiException.badField("divisionCode", "no division " + r.divisionCode()));
            if (!d.active()) throw ApiException.badField("divisionCode", "division " + d.code() + " is abolished");
        }
        List<String> all = new ArrayList<>(touched);
        if (!all.contains(division)) all.add(0, division);
        var rom = romanizer.romanize(name);
        boolean manual = r.spelling() != null && !r.spelling().isBlank();
        return new Resolved(name, manual ? r.spelling().strip() : rom.spelling(), manual ? "manual" : "rules", rom.pronunciation(),
                rom.toneless(), rom.initials(), category, division, all, geometry, length);
    }

    private static void validateName(String name, String field) {
        if (name.length() > 60) throw ApiException.badField(field, "is longer than 60 characters");
        if (name.chars().anyMatch(Character::isWhitespace)) throw ApiException.badField(field, "must not contain spaces");
    }

    private String divisionLabel(String code) {
        try {
            StringBuilder b = new StringBuilder();
            for (Division d : divisions.chain(code, null)) b.append(d.name());
            return b.toString();
        } catch (RuntimeException e) {
            return code;
        }
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }

    private static List<String> clean(List<String> l) {
        if (l == null) return List.of();
        return l.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
    }
}
