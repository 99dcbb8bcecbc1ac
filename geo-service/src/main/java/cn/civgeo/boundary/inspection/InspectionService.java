package cn.civgeo.boundary.inspection;

import cn.civgeo.common.crs.GaussKruger;
import cn.civgeo.common.code.DivisionCode;
import cn.civgeo.audit.AuditService;
import cn.civgeo.boundary.BoundaryLine;
import cn.civgeo.boundary.BoundaryLineService;
import cn.civgeo.boundary.BoundaryMarker;
import cn.civgeo.boundary.MarkerService;
import cn.civgeo.boundary.inspection.InspectionModels.Inspection;
import cn.civgeo.boundary.inspection.InspectionModels.MarkerRecord;
import cn.civgeo.boundary.inspection.InspectionModels.MarkerRecordInput;
import cn.civgeo.boundary.inspection.InspectionModels.NewInspection;
import cn.civgeo.boundary.inspection.InspectionModels.NewProblem;
import cn.civgeo.boundary.inspection.InspectionModels.NewRound;
import cn.civgeo.boundary.inspection.InspectionModels.Round;
import cn.civgeo.boundary.inspection.InspectionModels.RoundChange;
import cn.civgeo.boundary.inspection.InspectionModels.StretchInput;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.common.Validation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rounds of joint inspection, the per-line inspections and their marker and stretch records. */
@Service
public class InspectionService {
    private final InspectionRepository repo;
    private final BoundaryLineService lines;
    private final MarkerService markers;
    private final ProblemService problems;
    private final AuditService audit;

    InspectionService(InspectionRepository repo, BoundaryLineService lines, MarkerService markers, ProblemService problems,
                      AuditService audit) {
        this.repo = repo;
        this.lines = lines;
        this.markers = markers;
        this.problems = problems;
        this.audit = audit;
    }

    // ---- rounds

    public Round round(long id) { return repo.round(id).orElseThrow(() -> ApiException.notFound("inspection round", id)); }

    public Paging.Page<Round> rounds(Integer level, Paging p) {
        return p.page(repo.rounds(level, p.limit(), p.offset()), repo.countRounds(level));
    }

    public List<Long> roundLines(long roundId) { return repo.roundLineIds(roundId); }

    @Transactional
    public Round createRound(NewRound in) {
        Validation v = new Validation();
        v.require(in.number() != null && in.number() > 0, "number", "must be a positive round number");
        v.require(in.level() != null && in.level() >= 1 && in.level() <= 4, "level", "must be 1–4");
        v.require(in.yearFrom() != null && in.yearFrom() >= 1990 && in.yearFrom() <= 2100, "yearFrom", "must be a year");
        v.require(in.yearTo() == null || (in.yearFrom() != null && in.yearTo() >= in.yearFrom()), "yearTo", "must not be before yearFrom");
        v.require(in.lineIds() == null || in.within() == null, "within", "give lineIds or within, not both");
        v.throwIfInvalid();
        List<Long> lineIds = in.lineIds() != null ? in.lineIds()
                : in.within() != null ? repo.activeLines(in.level(), scope(in.within())) : List.of();
        for (int i = 0; i < lineIds.size(); i++) {
            BoundaryLine l = lineOrBad(lineIds.get(i), "lineIds[" + i + "]");
            if (l.level() != in.level()) throw ApiException.badField("lineIds[" + i + "]", "line " + l.code() + " is of level " + l.level());
        }
        String name = in.name() != null && !in.name().isBlank() ? in.name()
                : "第" + in.number() + "轮" + levelName(in.level()) + "界线联检" + (in.within() == null ? "" : " " + in.within());
        long id = repo.insertRound(in.number(), in.level(), name, in.yearFrom(), in.yearTo() == null ? in.yearFrom() : in.yearTo(), in.note());
        repo.addRoundLines(id, lineIds);
        Round r = round(id);
        audit.created("inspection_round", id, Map.of("round", r, "lineIds", lineIds));
        return r;
    }

    @Transactional
    public Round addLines(long roundId, List<Long> lineIds) {
        Round r = round(roundId);
        for (int i = 0; i < lineIds.size(); i++) {
            BoundaryLine l = lineOrBad(lineIds.get(i), "lineIds[" + i + "]");
            if (l.level() != r.level()) throw ApiException.badField("lineIds[" + i + "]", "line " + l.code() + " is of level " + l.level());
        }
        repo.addRoundLines(roundId, lineIds);
        Round after = round(roundId);
        audit.updated("inspection_round", roundId, r, Map.of("round", after, "addedLineIds", lineIds));
        return after;
    }

    @Transactional
    public Round updateRound(long id, RoundChange c) {
        Round old = round(id);
        Validation v = new Validation();
        v.require(c.version() != null, "version", "is required (the version you read)");
        v.require(c.status() == null || InspectionModels.ROUND_STATUSES.contains(c.status()), "status",
                "must be one of " + InspectionModels.ROUND_STATUSES);
        v.throwIfInvalid();
        if (!repo.updateRound(id, c.version(), c.status() == null ? old.status() : c.status(), c.note() == null ? old.note() : c.note())) {
            throw ApiException.staleVersion("inspection round", id, c.version());
        }
        Round r = round(id);
        audit.updated("inspection_round", id, old, r);
        return r;
    }

    // ---- inspections

    public Inspection inspection(long id) {
        Inspection i = repo.inspection(id).orElseThrow(() -> ApiException.notFound("line inspection", id));
        return withRecords(i);
    }

    public List<Inspection> inspections(long roundId) {
        round(roundId);
        return repo.inspections(roundId).stream().map(this::withRecords).toList();
    }

    public MarkerRecord markerRecord(long id) {
        return repo.markerRecord(id).orElseThrow(() -> ApiException.notFound("marker record", id));
    }

    @Transactional
    public Inspection createInspection(long roundId, NewInspection in) {
        Round r = round(roundId);
        Validation v = new Validation();
        v.require(in.lineId() != null, "lineId", "is required");
        v.require(in.inspectedOn() != null, "inspectedOn", "is required");
        v.notBlank(in.partyLeft(), "partyLeft").notBlank(in.partyRight(), "partyRight");
        v.throwIfInvalid();
        if ("completed".equals(r.status())) throw ApiException.conflict("round " + r.id() + " is completed");
        if (!repo.roundCovers(roundId, in.lineId())) throw ApiException.badField("lineId", "the round does not cover line " + in.lineId());
        if (repo.inspectionOf(roundId, in.lineId()).isPresent()) {
            throw ApiException.duplicate("line " + in.lineId() + " already has an inspection in round " + roundId);
        }
        BoundaryLine line = lines.get(in.lineId());
        // validate every marker record and stretch before writing anything
        List<MarkerRecordInput> records = in.markers() == null ? List.of() : in.markers();
        List<BoundaryMarker> resolved = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            String f = "markers[" + i + "]";
            MarkerRecordInput m = records.get(i);
            Optional<BoundaryMarker> bm = m.markerId() != null ? markers.find(m.markerId())
                    : m.number() == null ? Optional.empty() : markers.byNumber(m.number());
            if (bm.isEmpty() || bm.get().lineId() != line.id()) {
                v.add(f + ".number", "unknown marker " + (m.number() == null ? m.markerId() : m.number()) + " on line " + line.code());
                resolved.add(null);
                continue;
            }
            if (!seen.add(bm.get().id())) v.add(f + ".number", "marker " + bm.get().number() + " is listed twice");
            for (String p : recordProblems(m)) v.add(f + "." + p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 2));
            resolved.add(bm.get());
        }
        List<StretchInput> stretches = in.stretches() == null ? List.of() : in.stretches();
        v.throwIfInvalid();

        long id = repo.insertInspection(roundId, line.id(), in.inspectedOn(), in.partyLeft(), in.partyRight(),
                in.team() == null ? List.of() : in.team(), in.note());
        for (int i = 0; i < records.size(); i++) {
            writeRecord(r.id(), id, line, resolved.get(i), records.get(i), in.inspectedOn());
        }
        for (StretchInput s : stretches) {
            boolean tc = Boolean.TRUE.equals(s.terrainChanged()), rm = Boolean.TRUE.equals(s.riverMoved()),
                    cc = Boolean.TRUE.equals(s.crossBoundaryConstruction());
            repo.insertStretch(id, s.fromMarker(), s.toMarker(), tc, rm, cc, s.description());
            for (String category : List.of("terrain_change", "river_moved", "cross_boundary_construction")) {
                boolean found = category.equals("terrain_change") ? tc : category.equals("river_moved") ? rm : cc;
                if (found) problems.create(new NewProblem(line.id(), roundId, id, null, category,
                        InspectionTexts.stretchProblem(category, s.fromMarker(), s.toMarker(), s.description())));
            }
        }
        if ("planned".equals(r.status()) && repo.updateRound(r.id(), r.version(), "in_progress", r.note())) {
            audit.updated("inspection_round", r.id(), r, round(r.id()));
        }
        Inspection created = inspection(id);
        audit.created("line_inspection", id, created);
        return created;
    }

    /** Adds or replaces the record of one marker in an inspection (office entry after the field work). */
    @Transactional
    public MarkerRecord recordMarker(long inspectionId, MarkerRecordInput m) { return recordMarker(inspectionId, m, null); }

    /**
     * As {@link #recordMarker(long, MarkerRecordInput)}, version-checked when {@code expectedVersion} is given: the
     * version of the marker's record read before (-1: no record was there). 409 when the record changed meanwhile,
     * so an observation queued offline never silently overwrites one made by someone else.
     */
    @Transactional
    public MarkerRecord recordMarker(long inspectionId, MarkerRecordInput m, Integer expectedVersion) {
        Inspection insp = repo.inspection(inspectionId).orElseThrow(() -> ApiException.notFound("line inspection", inspectionId));
        BoundaryLine line = lines.get(insp.lineId());
        Optional<BoundaryMarker> bm = m.markerId() != null ? markers.find(m.markerId())
                : m.number() == null ? Optional.empty() : markers.byNumber(m.number());
        if (bm.isEmpty() || bm.get().lineId() != line.id()) {
            throw ApiException.badField("number", "unknown marker " + (m.number() == null ? m.markerId() : m.number()) + " on line " + line.code());
        }
        Validation v = new Validation();
        for (String p : recordProblems(m)) v.add(p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 2));
        v.throwIfInvalid();
        if (expectedVersion != null) {
            long markerId = bm.get().id();
            int current = repo.markerRecords(inspectionId).stream().filter(r -> r.markerId() == markerId)
                    .mapToInt(MarkerRecord::version).findFirst().orElse(-1);
            if (current != expectedVersion) {
                throw ApiException.staleVersion("marker record of " + bm.get().number() + " in inspection", inspectionId, expectedVersion);
            }
        }
        return writeRecord(insp.roundId(), insp.id(), line, bm.get(), m, insp.inspectedOn());
    }

    /** Problems with a record's fields as "field: message" (condition, zone, x, y). */
    static List<String> recordProblems(MarkerRecordInput m) {
        List<String> out = new ArrayList<>();
        if (m.condition() == null || !InspectionModels.CONDITIONS.contains(m.condition())) {
            out.add("condition: must be one of " + InspectionModels.CONDITIONS);
        }
        boolean any = m.x() != null || m.y() != null || m.zone() != null;
        boolean all = m.x() != null && m.y() != null && m.zone() != null;
        if (any && !all) out.add("x: give x, y and zone together");
        if (all) {
            String p = GaussKruger.problem(m.x(), m.y(), m.zone());
            if (p != null) out.add((p.startsWith("zone") ? "zone" : p.startsWith("x") ? "x" : "y") + ": " + p);
            if ("missing".equals(m.condition())) out.add("condition: a missing marker cannot have a surveyed position");
        }
        if (m.accuracyM() != null) {
            double a = m.accuracyM();
            if (!Double.isFinite(a) || a <= 0 || a > InspectionModels.MAX_ACCURACY_M) {
                out.add("accuracyM: must be a number of metres above 0 and at most 1000");
            } else if (!all) {
                out.add("accuracyM: is the accuracy of a surveyed position: give x, y and zone with it");
            }
        }
        return out;
    }

    /**
     * Writes one marker record (replacing an earlier one of the same inspection), updates the marker's last
     * condition and opens a problem for a damaged, missing or displaced marker. Returns the record.
     */
    MarkerRecord writeRecord(long roundId, long inspectionId, BoundaryLine line, BoundaryMarker marker, MarkerRecordInput m,
                             LocalDate on) {
        Optional<MarkerRecord> before = repo.markerRecords(inspectionId).stream().filter(r -> r.markerId() == marker.id()).findFirst();
        long rid = repo.upsertMarkerRecord(inspectionId, marker.id(), m.condition(), m.x(), m.y(), m.zone(), m.accuracyM(),
                m.referenceObjectsPresent(), m.repainted(), m.note());
        MarkerRecord rec = markerRecord(rid);
        if (before.isPresent()) audit.updated("marker_record", rid, before.get(), rec);
        else audit.created("marker_record", rid, rec);
        repo.updateMarkerCondition(marker.id(), m.condition(), on);
        BoundaryMarker after = markers.get(marker.id());
        if (after.version() != marker.version()) audit.updated("boundary_marker", marker.id(), marker, after);
        if (!"intact".equals(m.condition())) {
            String desc = InspectionTexts.markerProblem(marker.number(), m.condition(), rec.displacementM(), m.note());
            problems.create(new NewProblem(line.id(), roundId, inspectionId, marker.id(), "marker_" + m.condition(), desc));
        }
        return rec;
    }

    Optional<Long> inspectionOf(long roundId, long lineId) { return repo.inspectionOf(roundId, lineId); }

    double[] displacementAndLineDistance(long markerId, double x, double y, int zone) {
        return repo.displacementAndLineDistance(markerId, x, y, zone);
    }

    private Inspection withRecords(Inspection i) {
        return new Inspection(i.id(), i.roundId(), i.lineId(), i.lineCode(), i.lineName(), i.inspectedOn(), i.partyLeft(),
                i.partyRight(), i.team(), i.note(), i.version(), repo.markerRecords(i.id()), repo.stretchRecords(i.id()));
    }

    private BoundaryLine lineOrBad(Long id, String field) {
        try {
            return lines.get(id);
        } catch (ApiException e) {
            throw ApiException.badField(field, "unknown line " + id);
        }
    }

    static String scope(String within) {
        return DivisionCode.significant(within);
    }

    static String levelName(int level) {
        return switch (level) {
            case 1 -> "省级";
            case 2 -> "地级";
            case 3 -> "县级";
            default -> "乡级";
        };
    }
}
