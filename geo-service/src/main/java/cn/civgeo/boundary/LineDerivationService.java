package cn.civgeo.boundary;

import cn.civgeo.common.code.DivisionCode;
import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Derives boundary lines from the shared edges of division polygons: one line per neighbouring pair of one
 * level, oriented in numbering direction, with left/right taken from which polygon lies left of the line.
 */
@Service
class LineDerivationService {
    private static final double METRES_PER_DEGREE = 111_320.0;

    private final BoundaryLineRepository lines;
    private final AuditService audit;

    LineDerivationService(BoundaryLineRepository lines, AuditService audit) {
        this.lines = lines;
        this.audit = audit;
    }

    /**
     * @param parentCode     scope: the divisions under this code (null = nationwide)
     * @param level          1 province, 2 prefecture, 3 county, 4 township
     * @param sameParentOnly only pairs sharing a parent (default: true for townships, whose stretches on a county
     *                       line belong to the county line)
     * @param snapMetres     tolerance for polygons whose shared vertices do not coincide exactly (default 0)
     */
    public record DeriveRequest(String parentCode, Integer level, Boolean sameParentOnly, Double snapMetres) {}

    public record DerivedLine(long id, String code, String name, String leftCode, String rightCode, String direction,
                              double lengthKm, int parts, String outcome) {}

    public record DeriveResult(int pairs, int created, int updated, int kept, List<DerivedLine> lines) {}

    /** A neighbouring pair and its oriented shared edge. */
    public record SharedEdge(String leftCode, String leftName, String rightCode, String rightName,
                             MultiLineString edge, LineOrientation.Direction direction) {}

    @Transactional
    public DeriveResult derive(DeriveRequest req) {
        Validation v = new Validation();
        v.require(req.level() != null && req.level() >= 1 && req.level() <= 4, "level", "must be 1 (province) to 4 (township)");
        v.require(req.parentCode() == null || req.parentCode().matches("\\d{6}|\\d{9}"), "parentCode", "must be a 6- or 9-digit division code");
        v.require(req.snapMetres() == null || (req.snapMetres() >= 0 && req.snapMetres() <= 50), "snapMetres", "must be 0–50");
        v.throwIfInvalid();
        int level = req.level();
        boolean sameParent = req.sameParentOnly() != null ? req.sameParentOnly() : level == 4;
        List<SharedEdge> edges = sharedEdges(scopePrefix(req.parentCode()), level, sameParent,
                req.snapMetres() == null ? 0 : req.snapMetres());
        List<DerivedLine> out = new ArrayList<>();
        int created = 0, updated = 0, kept = 0;
        for (SharedEdge e : edges) {
            String wkt = e.edge().toText();
            var existing = lines.findActivePair(e.leftCode(), e.rightCode());
            if (existing.isEmpty()) {
                String code = freeCode(LineCodes.lineCode(e.leftCode(), e.rightCode(), level));
                String name = LineCodes.lineName(e.leftCode(), e.leftName(), e.rightCode(), e.rightName());
                long id = lines.insert(code, name, level, e.leftCode(), e.rightCode(), null, "derived",
                        e.direction().dbValue(), wkt, null);
                BoundaryLine after = lines.find(id, false).orElseThrow();
                audit.created("boundary_line", id, after);
                out.add(item(after, e, "created"));
                created++;
            } else {
                BoundaryLine old = existing.get();
                boolean sameGeom = lines.sameGeometry(old.id(), wkt);
                if (!"derived".equals(old.source()) || sameGeom) {
                    out.add(item(old, e, "derived".equals(old.source()) ? "unchanged" : "kept " + old.source() + " geometry"));
                    kept++;
                    continue;
                }
                if (!lines.updateGeometry(old.id(), old.version(), e.leftCode(), e.rightCode(), "derived", e.direction().dbValue(), wkt)) {
                    throw ApiException.staleVersion("boundary line", old.id(), old.version());
                }
                BoundaryLine after = lines.find(old.id(), false).orElseThrow();
                audit.updated("boundary_line", old.id(), strip(old), after);
                out.add(item(after, e, "updated"));
                updated++;
            }
        }
        return new DeriveResult(edges.size(), created, updated, kept, out);
    }

    /** Shared edges of all neighbouring pairs in the scope, oriented, with left and right resolved. */
    public List<SharedEdge> sharedEdges(String prefix, int level, boolean sameParent, double snapMetres) {
        WKBReader wkb = new WKBReader(LineOrientation.GF);
        List<SharedEdge> out = new ArrayList<>();
        for (BoundaryLineRepository.EdgeRow r : lines.sharedEdges(prefix == null ? "" : prefix, level, sameParent,
                snapMetres / METRES_PER_DEGREE)) {
            try {
                Geometry a = wkb.read(r.aWkb()), b = wkb.read(r.bWkb());
                Geometry edge = wkb.read(r.edgeWkb());
                LineOrientation.Direction dir = LineOrientation.direction(edge);
                MultiLineString oriented = LineOrientation.orient(edge, dir);
                int side = LineOrientation.leftSide(oriented, a, b);
                String ac = r.aCode(), an = r.aName();
                String bc = r.bCode(), bn = r.bName();
                out.add(side >= 0 ? new SharedEdge(ac, an, bc, bn, oriented, dir)
                        : new SharedEdge(bc, bn, ac, an, oriented, dir));
            } catch (ParseException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return out;
    }

    /** Code prefix of the units under {@code parentCode}: 350200 → 3502, 350203 → 350203, 350203001 → 350203001. */
    static String scopePrefix(String parentCode) { return scopePrefix(parentCode, "parentCode"); }

    /** The code prefix of a scope; 400 naming {@code field} unless it is a 6-digit or 9-digit division code. */
    static String scopePrefix(String parentCode, String field) {
        if (parentCode == null) return "";
        if (!parentCode.matches("\\d{6}|\\d{9}")) {
            throw cn.civgeo.common.ApiException.badField(field, "must be a 6-digit division code (or a 9-digit township code)");
        }
        return DivisionCode.significant(parentCode);
    }

    private String freeCode(String code) {
        String c = code;
        for (char s = 'A'; lines.findByCode(c).isPresent(); s++) {
            if (s > 'Z') throw ApiException.conflict("no free line code for " + code);
            c = code + s;
        }
        return c;
    }

    private static BoundaryLine strip(BoundaryLine l) {
        return new BoundaryLine(l.id(), l.code(), l.name(), l.level(), l.leftCode(), l.leftName(), l.rightCode(),
                l.rightName(), l.agreement(), l.source(), l.direction(), l.lengthKm(), l.status(), l.statusReason(),
                l.note(), l.markerCount(), l.version(), l.createdAt(), l.updatedAt(), null);
    }

    private static DerivedLine item(BoundaryLine l, SharedEdge e, String outcome) {
        return new DerivedLine(l.id(), l.code(), l.name(), l.leftCode(), l.rightCode(), l.direction(), l.lengthKm(),
                e.edge().getNumGeometries(), outcome);
    }
}
