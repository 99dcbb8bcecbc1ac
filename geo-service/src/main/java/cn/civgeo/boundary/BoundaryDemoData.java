package cn.civgeo.boundary;

import cn.civgeo.boundary.inspection.InspectionModels;
import cn.civgeo.boundary.inspection.InspectionModels.MarkerRecordInput;
import cn.civgeo.boundary.inspection.InspectionModels.StretchInput;
import cn.civgeo.boundary.inspection.InspectionService;
import cn.civgeo.boundary.inspection.ProblemService;
import cn.civgeo.demo.DemoDataContributor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo boundaries of the demo city (Xiamen, 3502): county and township lines derived from its synthetic polygons,
 * markers along them (one A/B double pair per county line), and one completed round of county-line inspections
 * with a few damaged, missing and displaced markers, stretch findings and problems at various stages.
 * Deterministic; skipped when the city already has lines or has no polygons.
 */
@Component
class BoundaryDemoData implements DemoDataContributor {
    private static final Logger log = LoggerFactory.getLogger(BoundaryDemoData.class);
    static final String CITY = "350200";

    private final BoundaryLineRepository lineRows;
    private final DivisionReadRepository divisions;
    private final LineDerivationService derivation;
    private final BoundaryLineService lines;
    private final MarkerService markers;
    private final InspectionService inspections;
    private final ProblemService problems;

    BoundaryDemoData(BoundaryLineRepository lineRows, DivisionReadRepository divisions, LineDerivationService derivation, BoundaryLineService lines, MarkerService markers,
                     InspectionService inspections, ProblemService problems) {
        this.lineRows = lineRows;
        this.divisions = divisions;
        this.derivation = derivation;
        this.lines = lines;
        this.markers = markers;
        this.inspections = inspections;
        this.problems = problems;
    }

    @Override
    public int order() { return 50; }

    @Override
    public String name() { return "boundary lines, markers and a joint-inspection round of the demo city"; }

    @Override
    @Transactional
    public void load() {
        boolean has = lineRows.anyDemoCityLine();
        if (has) return;
        long polygons = divisions.demoCityPolygons();
        if (polygons == 0) {
            log.info("demo boundaries: the demo city has no polygons; skipped");
            return;
        }
        var county = derivation.derive(new LineDerivationService.DeriveRequest(CITY, 3, false, 0.5));
        var township = derivation.derive(new LineDerivationService.DeriveRequest(CITY, 4, true, 0.5));
        List<BoundaryLine> countyLines = new ArrayList<>();
        int k = 0;
        for (var d : county.lines()) {
            BoundaryLine l = lines.get(d.id());
            l = lines.update(l.id(), new BoundaryLineService.LineChange(null, new BoundaryLine.Agreement(
                    "厦界协〔2004〕" + (++k) + "号", LocalDate.of(2004, 3 + k % 9, 1 + (k * 7) % 27),
                    List.of(l.leftName() + "人民政府", l.rightName() + "人民政府")), null, null, null, l.version()));
            countyLines.add(l);
            placeMarkers(l, true);
        }
        for (var d : township.lines()) placeMarkers(lines.get(d.id()), false);
        inspectRound(countyLines);
        log.info("demo boundaries: {} county lines, {} township lines", county.created(), township.created());
    }

    /** Markers along the line: about one every 2 km (2–12), Q except one A/B pair on county lines. */
    private void placeMarkers(BoundaryLine l, boolean county) {
        Geometry path = path(BoundaryLineService.read(lineRows.wkt(l.id())));
        int n = (int) Math.max(2, Math.min(12, Math.round(l.lengthKm() / 2)));
        LengthIndexedLine idx = new LengthIndexedLine(path);
        double len = path.getLength();
        boolean smallerIsLeft = l.leftCode().compareTo(l.rightCode()) < 0;
        int seq = 0;
        for (int i = 0; i < n; i++) {
            double at = len * (i + 0.5) / n;
            Coordinate c = idx.extractPoint(at);
            seq++;
            int h = Math.abs((l.code() + seq).hashCode());
            BigDecimal elev = BigDecimal.valueOf(5 + h % 180).add(BigDecimal.valueOf(h % 1000, 3));
            String material = h % 3 == 0 ? "混凝土" : "花岗岩";
            LocalDate installed = LocalDate.of(2004, 4 + h % 6, 1 + h % 28);
            if (county && i == n / 2 && n >= 3) {
                // double marker: 8 m either side, A on the side of the smaller code
                Coordinate a = idx.extractPoint(Math.max(0, at - len * 1e-3)), b = idx.extractPoint(Math.min(len, at + len * 1e-3));
                double cos = Math.cos(Math.toRadians(c.y));
                double dx = (b.x - a.x) * cos, dy = b.y - a.y, norm = Math.hypot(dx, dy);
                double offM = 8.0;
                double lx = -dy / norm * offM / 111_320.0 / cos, ly = dx / norm * offM / 111_320.0;
                double sign = smallerIsLeft ? 1 : -1;
                create(l, seq, "A", c.x + sign * lx, c.y + sign * ly, elev, material, installed);
                create(l, seq, "B", c.x - sign * lx, c.y - sign * ly, elev, material, installed);
            } else {
                create(l, seq, "Q", c.x, c.y, elev, material, installed);
            }
        }
    }

    private void create(BoundaryLine l, int seq, String type, double lon, double lat, BigDecimal elev, String material, LocalDate installed) {
        markers.create(new MarkerService.MarkerInput(null, l.id(), seq, type, round7(lon), round7(lat), null, null, null,
                elev, material, installed, "in_place", null, null));
    }

    /** Round 4 of county lines (2024–2025): every marker visited; a deterministic few damaged, missing, displaced. */
    private void inspectRound(List<BoundaryLine> countyLines) {
        if (countyLines.isEmpty()) return;
        var round = inspections.createRound(new InspectionModels.NewRound(4, 3, "第4轮县级界线联检（厦门市）", 2024, 2025,
                "demo data", countyLines.stream().map(BoundaryLine::id).toList(), null));
        int counter = 0;
        for (int li = 0; li < countyLines.size(); li++) {
            BoundaryLine l = countyLines.get(li);
            List<MarkerRecordInput> recs = new ArrayList<>();
            for (BoundaryMarker m : markers.byLine(l.id())) {
                counter++;
                String cond = counter % 11 == 0 ? "missing" : counter % 7 == 0 ? "damaged" : counter % 9 == 0 ? "displaced" : "intact";
                Double x = null, y = null;
                Integer zone = null;
                if (cond.equals("displaced")) {
                    // moved 1.2–4.5 m, mostly across the line
                    double dx = 0.9 + (counter % 4) * 0.7, dy = -0.8 - (counter % 3) * 0.6;
                    x = r3(m.gk().x() + dx);
                    y = r3(m.gk().y() + dy);
                    zone = m.gk().zone();
                } else if (cond.equals("intact") && counter % 2 == 0) {
                    x = r3(m.gk().x() + 0.01 * (counter % 3));
                    y = r3(m.gk().y() - 0.01 * (counter % 2));
                    zone = m.gk().zone();
                }
                recs.add(new MarkerRecordInput(m.id(), null, cond, x, y, zone, !cond.equals("missing"),
                        cond.equals("intact") && counter % 3 == 0, cond.equals("damaged") ? "桩体断裂，需重新埋设" :
                        cond.equals("missing") ? "原址未见界桩" : cond.equals("displaced") ? "修路施工移动" : null,
                        x == null ? null : 0.02 + 0.01 * (counter % 3)));   // RTK fixes: 2–4 cm
            }
            List<StretchInput> stretches = new ArrayList<>();
            if (li == 0) stretches.add(new StretchInput(null, null, false, false, true, "跨界修建厂房一处，待双方协商"));
            if (li == 1) stretches.add(new StretchInput(null, null, true, false, false, "山体开挖，地形变化"));
            LocalDate on = LocalDate.of(2024, 10 + li % 3, 8 + li);
            inspections.createInspection(round.id(), new InspectionModels.NewInspection(l.id(), on,
                    l.leftName() + "民政局", l.rightName() + "民政局", List.of("陈建国", "林小红", "黄志明"),
                    "双方共同实地检查", recs, stretches));
        }
        // a few problems move on: one closed after verification, one fixed, one assigned; the rest stay open
        var open = problems.list(round.id(), null, "open", false, cn.civgeo.common.Paging.of(50, 0)).items();
        for (int i = 0; i < open.size() && i < 3; i++) {
            var p = problems.assign(open.get(i).id(), new InspectionModels.ProblemStep("surveyor", null, null, "分派外业组", 0));
            if (i <= 1) p = problems.fix(p.id(), new InspectionModels.ProblemStep(null, "已重新埋设并复测，照片见附件",
                    LocalDate.of(2025, 3, 10 + i), null, p.version()));
            if (i == 0) problems.verify(p.id(), new InspectionModels.ProblemStep(null, null, null, "复核通过", p.version()));
        }
        var r = inspections.round(round.id());
        inspections.updateRound(r.id(), new InspectionModels.RoundChange("completed", "demo data: round closed", r.version()));
    }

    /**
     * The line as stored, its stretches in their stored order (the order the QA numbers along); a line of separate
     * stretches (real outlines: a bay or an island between them) stays a MultiLineString, so positions along it never
     * fall on the jump between two stretches.
     */
    private static Geometry path(Geometry g) { return g; }

    private static double round7(double v) { return Math.round(v * 1e7) / 1e7; }

    private static double r3(double v) { return Math.round(v * 1000) / 1000.0; }
}
