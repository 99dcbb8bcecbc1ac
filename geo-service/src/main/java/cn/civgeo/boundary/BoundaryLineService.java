package cn.civgeo.boundary;

import cn.civgeo.common.crs.GaussKruger;
import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.common.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Boundary lines: reads, manual and surveyed geometry, attribute changes, the consistency check. */
@Service
public class BoundaryLineService {
    private final BoundaryLineRepository repo;
    private final DivisionReadRepository divisions;
    private final AuditService audit;

    BoundaryLineService(BoundaryLineRepository repo, DivisionReadRepository divisions, AuditService audit) {
        this.repo = repo;
        this.divisions = divisions;
        this.audit = audit;
    }

    public BoundaryLine get(long id) { return repo.find(id, true).orElseThrow(() -> ApiException.notFound("boundary line", id)); }

    public Optional<BoundaryLine> byCode(String code) { return repo.findByCode(code); }

    public Paging.Page<BoundaryLine> list(Integer level, String status, String division, String within, boolean geometry, Paging p) {
        Validation v = new Validation();
        v.require(status == null || BoundaryLine.STATUSES.contains(status), "status", "must be one of " + BoundaryLine.STATUSES);
        v.require(level == null || (level >= 1 && level <= 4), "level", "must be 1–4");
        v.throwIfInvalid();
        String prefix = within == null ? null : LineDerivationService.scopePrefix(within, "within");
        return p.page(repo.list(level, status, division, prefix, geometry, p.limit(), p.offset()),
                repo.count(level, status, division, prefix));
    }

    /**
     * A new line or new surveyed geometry for a pair of divisions. {@code geometry} is lon/lat (EPSG:4490); it is
     * oriented in numbering direction and left/right follow from the polygons when both divisions have one.
     */
    public record LineInput(String code, String name, Integer level, String leftCode, String rightCode,
                            BoundaryLine.Agreement agreement, String note) {}

    @Transactional
    public BoundaryLine saveGeometry(LineInput in, Geometry geometry, String source) {
        Validation v = new Validation();
        v.notBlank(in.leftCode(), "leftCode").notBlank(in.rightCode(), "rightCode");
        v.require(in.leftCode() == null || !in.leftCode().equals(in.rightCode()), "rightCode", "must differ from leftCode");
        v.require(in.code() == null || MarkerNumber.plausibleLineCode(in.code()), "code",
                "must be 4/8/12/18 digits or 2–24 capital letters and digits");
        v.require(geometry != null && !geometry.isEmpty() && geometry.getDimension() == 1, "geometry", "must be a LineString or MultiLineString");
        v.throwIfInvalid();
        Optional<DivisionReadRepository.Unit> a = divisions.find(in.leftCode()), b = divisions.find(in.rightCode());
        v.require(a.isPresent(), "leftCode", "unknown division " + in.leftCode());
        v.require(b.isPresent(), "rightCode", "unknown division " + in.rightCode());
        v.throwIfInvalid();
        int level = a.get().level();
        v.require(level == b.get().level(), "rightCode", "must be of the same level as leftCode (" + level + ")");
        v.require(level <= 4, "leftCode", "boundary lines exist for levels 1–4");
        v.require(in.level() == null || in.level() == level, "level", "the divisions are of level " + level);
        v.throwIfInvalid();

        LineOrientation.Direction dir = LineOrientation.direction(geometry);
        MultiLineString oriented = LineOrientation.orient(geometry, dir);
        String left = in.leftCode(), right = in.rightCode();
        if (a.get().wkt() != null && b.get().wkt() != null) {
            int side = LineOrientation.leftSide(oriented, read(a.get().wkt()), read(b.get().wkt()));
            if (side < 0) { left = in.rightCode(); right = in.leftCode(); }
        }
        Optional<BoundaryLine> existing = repo.findActivePair(left, right);
        if (existing.isPresent()) {
            BoundaryLine old = existing.get();
            if (!repo.updateGeometry(old.id(), old.version(), left, right, source, dir.dbValue(), oriented.toText())) {
                throw ApiException.staleVersion("boundary line", old.id(), old.version());
            }
            BoundaryLine after = get(old.id());
            audit.updated("boundary_line", old.id(), withoutGeometry(old), withoutGeometry(after));
            return after;
        }
        String code = in.code() != null ? in.code() : LineCodes.lineCode(left, right, level);
        if (repo.findByCode(code).isPresent()) throw ApiException.duplicate("line code " + code + " is already used");
        String name = in.name() != null && !in.name().isBlank() ? in.name()
                : LineCodes.lineName(left, leftOrRight(a.get(), b.get(), left).name(), right, leftOrRight(a.get(), b.get(), right).name());
        long id = repo.insert(code, name, level, left, right, in.agreement(), source, dir.dbValue(), oriented.toText(), in.note());
        BoundaryLine after = get(id);
        audit.created("boundary_line", id, withoutGeometry(after));
        return after;
    }

    public record LineChange(String name, BoundaryLine.Agreement agreement, String status, String statusReason,
                             String note, Integer version) {}

    @Transactional
    public BoundaryLine update(long id, LineChange c) {
        BoundaryLine old = get(id);
        Validation v = new Validation();
        v.require(c.version() != null, "version", "is required (the version you read)");
        v.require(c.status() == null || BoundaryLine.STATUSES.contains(c.status()), "status", "must be one of " + BoundaryLine.STATUSES);
        v.require(c.name() == null || !c.name().isBlank(), "name", "must not be blank");
        v.throwIfInvalid();
        refuseChangesUnderAgreement(old, c);
        String status = c.status() == null ? old.status() : c.status();
        if (!repo.updateAttributes(id, c.version(), c.name() == null ? old.name() : c.name(),
                c.agreement() == null ? old.agreement() : c.agreement(), status,
                c.statusReason() != null ? c.statusReason() : status.equals(old.status()) ? old.statusReason() : null,
                c.note() == null ? old.note() : c.note())) {
            throw ApiException.staleVersion("boundary line", id, c.version());
        }
        BoundaryLine after = get(id);
        audit.updated("boundary_line", id, withoutGeometry(old), withoutGeometry(after));
        return after;
    }

    static final String AGREEMENT_WORKFLOW = "set its status to needs_resurvey (PUT with status and statusReason: the joint "
            + "inspection workflow) first, or supersede it with a newly surveyed line";

    /**
     * A line in force under a signed agreement (界线协议书) keeps its name and agreement: a PUT may change the free
     * note and move the status (the workflow); anything else answers 409 naming the fields and the workflow.
     */
    private static void refuseChangesUnderAgreement(BoundaryLine old, LineChange c) {
        boolean underAgreement = "in_force".equals(old.status()) && old.agreement() != null
                && old.agreement().number() != null && !old.agreement().number().isBlank();
        if (!underAgreement) return;
        String msg = "fixed by agreement " + old.agreement().number() + " while the line is in force";
        List<cn.civgeo.common.FieldProblem> changed = new java.util.ArrayList<>();
        if (c.name() != null && !c.name().strip().equals(old.name())) changed.add(new cn.civgeo.common.FieldProblem("name", msg));
        if (c.agreement() != null && !sameAgreement(c.agreement(), old.agreement())) {
            changed.add(new cn.civgeo.common.FieldProblem("agreement", msg));
        }
        if (changed.isEmpty()) return;
        throw new ApiException(cn.civgeo.common.ProblemType.STATE_CONFLICT, "boundary line " + old.id() + " is in force under agreement "
                + old.agreement().number() + "; " + AGREEMENT_WORKFLOW + " (changed: "
                + String.join(", ", changed.stream().map(cn.civgeo.common.FieldProblem::field).toList()) + ")", changed);
    }

    private static boolean sameAgreement(BoundaryLine.Agreement a, BoundaryLine.Agreement b) {
        return java.util.Objects.equals(a.number() == null ? null : a.number().strip(), b.number())
                && java.util.Objects.equals(a.date(), b.date())
                && java.util.Objects.equals(a.parties() == null ? b.parties() : a.parties(), b.parties());
    }

    /** Marks every active line touching one of {@code codes} as needing a new survey; returns their ids. */
    @Transactional
    public List<Long> markNeedsResurvey(List<String> codes, String reason) {
        List<Long> ids = repo.activeLinesTouching(codes);
        for (long id : ids) {
            BoundaryLine before = repo.find(id, false).orElseThrow();
            if (repo.markNeedsResurvey(id, reason) == 1) {
                audit.updated("boundary_line", id, before, repo.find(id, false).orElseThrow());
            }
        }
        return ids;
    }

    public record Stretch(String which, double lengthM, double maxDistanceM, String geometryJson) {}

    public record Consistency(long lineId, String code, int zone, double toleranceM, double hausdorffM, double lineLengthM,
                              double edgeLengthM, boolean withinTolerance, List<Stretch> stretches) {}

    /**
     * Compares the line with the shared edge of its divisions' polygons in the Gauss–Krüger zone of the line:
     * Hausdorff distance and the stretches of either geometry farther than {@code toleranceM} from the other.
     */
    public Consistency consistency(long id, double toleranceM) {
        BoundaryLine line = repo.find(id, false).orElseThrow(() -> ApiException.notFound("boundary line", id));
        if (!(toleranceM > 0 && toleranceM <= 10_000)) throw ApiException.badField("tolerance", "must be > 0 and ≤ 10000 metres");
        double lon = repo.centroidLongitude(id);
        int zone = GaussKruger.zoneFor(lon);
        List<BoundaryLineRepository.ConsistencyRow> rows = repo.consistency(id, GaussKruger.srid(zone), toleranceM);
        if (rows.isEmpty()) {
            throw ApiException.conflict("the polygons of " + line.leftCode() + " and " + line.rightCode() + " share no edge to compare with");
        }
        List<Stretch> stretches = new ArrayList<>();
        for (BoundaryLineRepository.ConsistencyRow r : rows) {
            if (r.which() == null) continue;
            stretches.add(new Stretch(r.which(), round(r.lengthM().doubleValue()),
                    round(r.maxM() == null ? 0 : r.maxM().doubleValue()), r.geometry()));
        }
        double h = rows.get(0).hausdorff();
        return new Consistency(id, line.code(), zone, toleranceM, round(h), round(rows.get(0).lineM()),
                round(rows.get(0).edgeM()), h <= toleranceM, stretches);
    }

    static BoundaryLine withoutGeometry(BoundaryLine l) {
        return new BoundaryLine(l.id(), l.code(), l.name(), l.level(), l.leftCode(), l.leftName(), l.rightCode(),
                l.rightName(), l.agreement(), l.source(), l.direction(), l.lengthKm(), l.status(), l.statusReason(),
                l.note(), l.markerCount(), l.version(), l.createdAt(), l.updatedAt(), null);
    }

    private static DivisionReadRepository.Unit leftOrRight(DivisionReadRepository.Unit a, DivisionReadRepository.Unit b, String code) {
        return a.code().equals(code) ? a : b;
    }

    private static double round(double m) { return Math.round(m * 1000) / 1000.0; }

    /** GeoJSON geometries (EPSG:4490) collected into one JTS line geometry; 400 naming {@code field} on bad input. */
    public Geometry lineFromGeoJson(List<String> geojson, String field) {
        String wkt;
        try {
            wkt = repo.collectGeoJson(geojson);
        } catch (RuntimeException e) {
            throw ApiException.badField(field, "is not valid GeoJSON geometry");
        }
        Geometry g;
        try {
            g = read(wkt);
        } catch (IllegalArgumentException e) {
            // JTS refuses what PostGIS parsed: a one-point LineString, an unclosed ring.
            throw ApiException.badField(field, "is not a valid geometry: " + e.getMessage());
        }
        if (g == null || g.isEmpty()) throw ApiException.badField(field, "is an empty geometry");
        if (g.getDimension() != 1) throw ApiException.badField(field, "must be a LineString or MultiLineString");
        g.setSRID(4490);
        return g;
    }

    static Geometry read(String wkt) {
        try {
            return new WKTReader(LineOrientation.GF).read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
