package cn.civgeo.boundary;

import cn.civgeo.common.crs.GaussKruger;
import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.common.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Boundary markers: register, positions in EPSG:4490 or a Gauss–Krüger zone, numbering rules. */
@Service
public class MarkerService {
    public static final List<String> STATUSES = List.of("in_place", "damaged", "missing", "displaced", "removed");

    private final MarkerRepository repo;
    private final BoundaryLineRepository lines;
    private final AuditService audit;
    private final double maxDistanceM;

    MarkerService(MarkerRepository repo, BoundaryLineRepository lines, AuditService audit,
                  @Value("${civgeo.boundary.marker-max-distance-m:2000}") double maxDistanceM) {
        this.repo = repo;
        this.lines = lines;
        this.audit = audit;
        this.maxDistanceM = maxDistanceM;
    }

    /**
     * A marker as entered: {@code number} (or {@code seq} + {@code type} on line {@code lineId}); position either
     * {@code lon}/{@code lat} (EPSG:4490) or Gauss–Krüger {@code x} (northing), {@code y} (easting with prefix) and
     * {@code zone}.
     */
    public record MarkerInput(String number, Long lineId, Integer seq, String type, Double lon, Double lat, Double x,
                              Double y, Integer zone, BigDecimal elevationM, String material, LocalDate installedOn,
                              String status, String note, Integer version) {}

    public BoundaryMarker get(long id) { return repo.find(id).orElseThrow(() -> ApiException.notFound("boundary marker", id)); }

    public Optional<BoundaryMarker> find(long id) { return repo.find(id); }

    public Optional<BoundaryMarker> byNumber(String number) { return repo.findByNumber(number.strip().toUpperCase()); }

    public List<BoundaryMarker> byLine(long lineId) { return repo.byLine(lineId); }

    public Paging.Page<BoundaryMarker> list(Long lineId, String status, Paging p) {
        if (status != null && !STATUSES.contains(status)) throw ApiException.badField("status", "must be one of " + STATUSES);
        return p.page(repo.list(lineId, status, p.limit(), p.offset()), repo.count(lineId, status));
    }

    @Transactional
    public BoundaryMarker create(MarkerInput in) {
        Validation v = new Validation();
        BoundaryLine line = resolveLine(in, v);
        MarkerNumber n = resolveNumber(in, line, v);
        double[] pos = position(in, v);
        v.require(in.status() == null || STATUSES.contains(in.status()), "status", "must be one of " + STATUSES);
        v.throwIfInvalid();
        if (repo.findByNumber(n.toString()).isPresent()) throw ApiException.duplicate("marker " + n + " already exists");
        checkDistance(line.id(), pos);
        long id = repo.insert(line.id(), n.toString(), n.seq(), n.type(), pos[0], pos[1], in.elevationM(), in.material(),
                in.installedOn(), in.status() == null ? "in_place" : in.status(), in.note());
        BoundaryMarker m = get(id);
        audit.created("boundary_marker", id, m);
        return m;
    }

    @Transactional
    public BoundaryMarker update(long id, MarkerInput in) {
        BoundaryMarker old = get(id);
        Validation v = new Validation();
        v.require(in.version() != null, "version", "is required (the version you read)");
        v.require(in.number() == null || in.number().strip().equalsIgnoreCase(old.number()), "number",
                "cannot change; register a new marker instead");
        v.require(in.status() == null || STATUSES.contains(in.status()), "status", "must be one of " + STATUSES);
        double[] pos = in.lon() == null && in.x() == null ? new double[] {old.lon(), old.lat()} : position(in, v);
        v.throwIfInvalid();
        checkDistance(old.lineId(), pos);
        if (!repo.update(id, in.version(), pos[0], pos[1],
                in.elevationM() != null ? in.elevationM() : old.elevationM() == null ? null : BigDecimal.valueOf(old.elevationM()),
                in.material() != null ? in.material() : old.material(),
                in.installedOn() != null ? in.installedOn() : old.installedOn(),
                in.status() != null ? in.status() : old.status(), in.note() != null ? in.note() : old.note())) {
            throw ApiException.staleVersion("boundary marker", id, in.version());
        }
        BoundaryMarker m = get(id);
        audit.updated("boundary_marker", id, old, m);
        return m;
    }

    private BoundaryLine resolveLine(MarkerInput in, Validation v) {
        if (in.lineId() != null) {
            return lines.find(in.lineId(), false).orElseThrow(() -> ApiException.badField("lineId", "unknown line " + in.lineId()));
        }
        Optional<MarkerNumber> n = MarkerNumber.parse(in.number());
        if (n.isEmpty()) throw ApiException.badField(in.number() == null ? "lineId" : "number",
                in.number() == null ? "is required when no number is given" : MarkerNumber.problem(in.number(), null).orElse("invalid"));
        return lines.findByCode(n.get().lineCode())
                .orElseThrow(() -> ApiException.badField("number", "no line has the code " + n.get().lineCode()));
    }

    private static MarkerNumber resolveNumber(MarkerInput in, BoundaryLine line, Validation v) {
        if (in.number() != null) {
            Optional<String> p = MarkerNumber.problem(in.number(), line.code());
            if (p.isPresent()) {
                v.add("number", p.get());
                return new MarkerNumber(line.code(), 1, 'Q');
            }
            MarkerNumber n = MarkerNumber.parse(in.number()).orElseThrow();
            v.require(in.seq() == null || in.seq() == n.seq(), "seq", "does not match the number");
            v.require(in.type() == null || in.type().equalsIgnoreCase(String.valueOf(n.type())), "type", "does not match the number");
            return n;
        }
        v.require(in.seq() != null && in.seq() >= 1 && in.seq() <= 999, "seq", "must be 1–999 (or give number)");
        v.require(in.type() != null && in.type().length() == 1 && "QABCDE".contains(in.type().toUpperCase()), "type",
                "must be Q (single), A/B (double) or C/D/E (triple)");
        if (!v.ok()) return new MarkerNumber(line.code(), 1, 'Q');
        return new MarkerNumber(line.code(), in.seq(), in.type().toUpperCase().charAt(0));
    }

    private double[] position(MarkerInput in, Validation v) {
        if (in.lon() != null || in.lat() != null) {
            v.require(in.lon() != null && in.lon() >= 73 && in.lon() <= 136, "lon", "must be a longitude in China (73–136)");
            v.require(in.lat() != null && in.lat() >= 3 && in.lat() <= 54, "lat", "must be a latitude in China (3–54)");
            v.require(in.x() == null && in.y() == null, "x", "give lon/lat or x/y/zone, not both");
            return v.ok() ? new double[] {in.lon(), in.lat()} : new double[] {0, 0};
        }
        if (in.x() == null || in.y() == null || in.zone() == null) {
            v.add("lon", "a position is required: lon/lat (EPSG:4490) or x/y/zone (Gauss–Krüger)");
            return new double[] {0, 0};
        }
        String p = GaussKruger.problem(in.x(), in.y(), in.zone());
        if (p != null) {
            v.add(p.startsWith("zone") ? "zone" : p.startsWith("x") ? "x" : "y", p);
            return new double[] {0, 0};
        }
        return repo.fromGaussKruger(in.x(), in.y(), in.zone());
    }

    private void checkDistance(long lineId, double[] pos) {
        double d = lines.distanceM(lineId, pos[0], pos[1]);
        if (d > maxDistanceM) {
            throw ApiException.badField("lon", String.format("the position is %.0f m from its line (more than %.0f m)", d, maxDistanceM));
        }
    }
}
