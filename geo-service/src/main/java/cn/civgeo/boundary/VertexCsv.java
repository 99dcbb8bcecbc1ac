package cn.civgeo.boundary;

import cn.civgeo.common.crs.GaussKruger;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.ProblemType;
import cn.civgeo.common.io.Tabular;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * A surveyed line as a CSV (or .xlsx) of boundary points in one Gauss–Krüger zone: columns {@code x} (northing),
 * {@code y} (easting with zone prefix), optional {@code part} (parts of a MultiLineString, in order of first
 * appearance) and {@code seq} (order within a part; file order otherwise). Every row is checked; any bad row
 * rejects the file, naming the rows.
 */
@Component
class VertexCsv {
    private final BoundaryLineRepository lines;

    VertexCsv(BoundaryLineRepository lines) { this.lines = lines; }

    Geometry read(InputStream in, String filename, int zone) {
        if (!GaussKruger.validZone(zone)) throw ApiException.badField("zone", "must be a CGCS2000 3-degree zone 25–45");
        Tabular t = Tabular.read(in, filename);
        if (t.headers().stream().noneMatch(h -> h.equalsIgnoreCase("x")) || t.headers().stream().noneMatch(h -> h.equalsIgnoreCase("y"))) {
            throw ApiException.badField("file", "needs the columns x (northing) and y (easting with zone prefix)");
        }
        List<FieldProblem> errors = new ArrayList<>();
        Map<String, List<double[]>> parts = new LinkedHashMap<>();
        for (Tabular.DataRow r : t.rows()) {
            try {
                double x = Double.parseDouble(r.get("x") == null ? "" : r.get("x"));
                double y = Double.parseDouble(r.get("y") == null ? "" : r.get("y"));
                String p = GaussKruger.problem(x, y, zone);
                if (p != null) {
                    errors.add(new FieldProblem(p.startsWith("x") ? "x" : "y", p, r.rowNumber()));
                    continue;
                }
                double seq = r.get("seq") == null ? r.rowNumber() : Double.parseDouble(r.get("seq"));
                parts.computeIfAbsent(r.get("part") == null ? "1" : r.get("part"), k -> new ArrayList<>())
                        .add(new double[] {seq, y, x});
            } catch (NumberFormatException e) {
                errors.add(new FieldProblem("x", "x, y (and seq) must be numbers", r.rowNumber()));
            }
        }
        for (var e : parts.entrySet()) {
            if (e.getValue().size() < 2) errors.add(new FieldProblem("part", "part " + e.getKey() + " has fewer than 2 points", null));
        }
        if (parts.isEmpty() && errors.isEmpty()) throw ApiException.badField("file", "has no points");
        if (!errors.isEmpty()) {
            throw new ApiException(ProblemType.IMPORT_REJECTED, errors.size() + " row(s) are invalid; nothing was written", errors);
        }
        StringBuilder wkt = new StringBuilder("MULTILINESTRING(");
        boolean firstPart = true;
        for (List<double[]> pts : parts.values()) {
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            wkt.append(firstPart ? "(" : ",(");
            firstPart = false;
            for (int i = 0; i < pts.size(); i++) {
                wkt.append(i == 0 ? "" : ",").append(pts.get(i)[1]).append(' ').append(pts.get(i)[2]);
            }
            wkt.append(')');
        }
        wkt.append(')');
        String lonlat = lines.toLonLat(wkt.toString(), GaussKruger.srid(zone));
        Geometry g = BoundaryLineService.read(lonlat);
        g.setSRID(4490);
        return g;
    }
}
