import cn.civgeo.coverage.network.WalkGraph;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.*;
import java.util.*;
import org.locationtech.jts.geom.*;
import org.locationtech.jts.io.WKBReader;

/**
 * One 15-minute walking area (810 m, 150 m snap, 50 m band) from N points of the demo city, in process without the
 * service: the demo road network of the bench database loaded into coverage.network.WalkGraph, ROUNDS rounds over
 * the points (the first ones warm the JIT), thread CPU time per area (median, p95). With BASE_AREAS (a file) it
 * writes the areas the first time and compares with them the next (a change of the polygon build: how far the areas
 * moved). Run by scripts/bench/walk-cpu; JFR=1 records a profile (jfr print --events jdk.ExecutionSample).
 */
public class WalkSpeed {
    public static void main(String[] a) throws Exception {
        String url = a[0]; int n = Integer.parseInt(a[1]); int rounds = Integer.parseInt(a[2]);
        List<WalkGraph.Edge> edges = new ArrayList<>();
        List<double[]> pts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"))) {
            long net;
            try (ResultSet rs = c.createStatement().executeQuery("select id from road_network where name like '厦门市步行路网%' and active limit 1")) { rs.next(); net = rs.getLong(1); }
            WKBReader r = new WKBReader();
            try (ResultSet rs = c.createStatement().executeQuery("select id, source, target, length_m * walk_factor, ST_AsBinary(geom) from road_edge where network_id = " + net + " order by id")) {
                while (rs.next()) {
                    Coordinate[] cs = r.read(rs.getBytes(5)).getCoordinates();
                    double[] ll = new double[cs.length * 2];
                    for (int i = 0; i < cs.length; i++) { ll[2 * i] = cs[i].x; ll[2 * i + 1] = cs[i].y; }
                    edges.add(new WalkGraph.Edge(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), ll));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("(select ST_X(geom), ST_Y(geom) from facility where division_code like '3502%' order by id limit " + n / 2 + ") union all "
                    + "(select ST_X(g), ST_Y(g) from (select (ST_Dump(ST_GeneratePoints(geom, " + (n - n / 2) + ", 7))).geom g from division where code = '350203' and status = 'active') q)")) {
                while (rs.next()) pts.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
            }
        }
        WalkGraph g = WalkGraph.of(1, edges);
        System.out.println("edges " + edges.size() + ", points " + pts.size());
        double[] areas = null;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            double[] ms = new double[pts.size()];
            if (areas == null) areas = new double[pts.size()];
            double area = 0;
            for (int i = 0; i < pts.size(); i++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                WalkGraph.Area ar = g.walk(pts.get(i)[0], pts.get(i)[1], 810, 150, 50, "buffer", 10);
                ms[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
                area += ar.area().getArea();
                if (round == rounds - 1) areas[i] = ar.area().getArea();
            }
            Arrays.sort(ms);
            System.out.printf("round %d: CPU median %.2f ms, p95 %.2f ms (area sum %.6f)%n", round, ms[ms.length / 2], ms[(int) (ms.length * .95)], area);
        }
        java.nio.file.Path base = System.getenv("BASE_AREAS") == null ? null : java.nio.file.Path.of(System.getenv("BASE_AREAS"));
        if (base == null) return;
        if (!java.nio.file.Files.exists(base)) {
            StringBuilder sb = new StringBuilder(); for (double v : areas) sb.append(v).append('\n');
            java.nio.file.Files.writeString(base, sb);
        } else {
            List<String> l = java.nio.file.Files.readAllLines(base); double[] d = new double[areas.length];
            for (int i = 0; i < areas.length; i++) { double b = Double.parseDouble(l.get(i)); d[i] = b == 0 ? 0 : Math.abs(areas[i] - b) / b; }
            Arrays.sort(d);
            System.out.printf("area vs default build: |diff| median %.3f%%, p95 %.3f%%, max %.3f%%%n", 100 * d[d.length / 2], 100 * d[(int) (d.length * .95)], 100 * d[d.length - 1]);
        }
    }
}
