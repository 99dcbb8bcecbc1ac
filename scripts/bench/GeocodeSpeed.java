import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Geocoding speed: forward and reverse single requests over HTTP at a fixed concurrency (p50/p95/p99, requests/s),
 * batch forward and reverse (rows/s), each beside the same look-up as raw SQL over JDBC in the same run.
 * Run by scripts/bench/geocode-speed.sh (java GeocodeSpeed.java with the PostgreSQL driver on the class path).
 */
public class GeocodeSpeed {
    static String url = env("CIVGEO_URL", "http://localhost:8080");
    static String authHeader = "Authorization";
    static String auth;
    static int concurrency = Integer.parseInt(env("CONCURRENCY", "4"));
    static int n = Integer.parseInt(env("REQUESTS", "2000"));
    static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static String env(String k, String d) { String v = System.getenv(k); return v == null || v.isBlank() ? d : v; }

    interface Call { void run(int i) throws Exception; }

    public static void main(String[] args) throws Exception {
        String db = env("CIVGEO_DB_URL", "jdbc:postgresql://127.0.0.1:54329/civgeo");
        signIn();
        List<String> addresses = new ArrayList<>(), names = new ArrayList<>(), doorplates = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db, env("CIVGEO_DB_USER", "civgeo"), env("CIVGEO_DB_PASSWORD", "civgeo"))) {
            try (ResultSet rs = c.createStatement().executeQuery("""
                    with recursive s as (select code, name from division where status = 'active' and level >= 3 order by md5(code) limit %d),
                    c(start, code, name, level) as (
                      select s.code, s.code, s.name, d.level from s join division d on d.code = s.code
                      union all
                      select c.start, p.code, p.name, p.level from c join division d on d.code = c.code join division p on p.code = d.parent_code)
                    select s.name, string_agg(c.name, '' order by c.level)
                             filter (where c.name not in ('市辖区','县','省直辖县级行政区划','自治区直辖县级行政区划'))
                      from s join c on c.start = s.code group by s.code, s.name""".formatted(n))) {
                while (rs.next()) { names.add(rs.getString(1)); addresses.add(rs.getString(2)); }
            }
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select st_xmin(e), st_xmax(e), st_ymin(e), st_ymax(e) from (select st_extent(geom) e from division_part) q""")) {
                rs.next();
                Random r = new Random(42);
                for (int i = 0; i < Math.max(n, 10_000); i++) {
                    points.add(new double[]{rs.getDouble(1) + r.nextDouble() * (rs.getDouble(2) - rs.getDouble(1)),
                            rs.getDouble(3) + r.nextDouble() * (rs.getDouble(4) - rs.getDouble(3))});
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select full_text from address where status = 'active' order by md5(code) limit " + n)) {
                while (rs.next()) doorplates.add(rs.getString(1));
            }
            System.out.printf("%d division addresses, %d doorplates, %d points (demo-city extent); concurrency %d; %s%n",
                    addresses.size(), doorplates.size(), points.size(), concurrency, url);
            warm(addresses, points);
            report("forward  HTTP GET /api/geocode (divisions)", run(i -> get("/api/geocode?limit=1&q=" + enc(addresses.get(i % addresses.size())))));
            if (!doorplates.isEmpty()) {
                report("forward  HTTP GET /api/geocode (doorplates)", run(i -> get("/api/geocode?limit=1&q=" + enc(doorplates.get(i % doorplates.size())))));
                report("forward  raw SQL full_text = ? (no parsing)", runSql(db, "select code, st_x(geom), st_y(geom) from address where full_text = ?",
                        (ps, i) -> ps.setString(1, doorplates.get(i % doorplates.size()))));
            }
            report("forward  raw SQL name = ? (no parsing)", runSql(db, "select code, parent_code from division where name = ? limit 20",
                    (ps, i) -> ps.setString(1, names.get(i % names.size()))));
            int trgm = Integer.parseInt(env("TRGM_REQUESTS", String.valueOf(Math.min(n, 200)))); // 0: skip (slow on a loaded machine)
            if (trgm > 0) report("forward  raw SQL pg_trgm <-> (ranked)", runSql(db, "select code from division order by name <-> ? limit 1",
                    (ps, i) -> ps.setString(1, names.get(i % names.size())), trgm));
            report("reverse  HTTP GET /api/reverse", run(i -> { double[] p = points.get(i); get("/api/reverse?lon=" + p[0] + "&lat=" + p[1]); }));
            report("reverse  raw SQL st_covers on division_part", runSql(db,
                    "select code from division_part where st_covers(geom, st_setsrid(st_point(?, ?), 4490)) order by level desc limit 1",
                    (ps, i) -> { double[] p = points.get(i); ps.setDouble(1, p[0]); ps.setDouble(2, p[1]); }));
            report("reverse  raw SQL division + KNN address", runSql(db, REVERSE_SQL, (ps, i) -> {
                double[] p = points.get(i);
                ps.setDouble(1, p[0]); ps.setDouble(2, p[1]); ps.setDouble(3, p[0]); ps.setDouble(4, p[1]);
            }));
            batchReverse(points.subList(0, 10_000));
            batchSql(db, points.subList(0, 10_000));
            batchForward(addresses);
        }
    }

    /** The nearest active address by the GiST index (<-> in degrees) and the finest division: less than the API does. */
    static final String REVERSE_SQL = """
            select (select code from division_part d where st_covers(d.geom, st_setsrid(st_point(?, ?), 4490)) order by level desc limit 1),
                   (select a.code from address a where a.status = 'active' order by a.geom <-> st_setsrid(st_point(?, ?), 4490) limit 1)""";

    /** CIVGEO_API_KEY (X-API-Key, as other systems call) or a bearer token for CIVGEO_AUTH (user:password). */
    static void signIn() throws Exception {
        String key = System.getenv("CIVGEO_API_KEY");
        if (key != null && !key.isBlank()) {
            authHeader = "X-API-Key";
            auth = key;
            System.out.println("auth: API key");
            return;
        }
        String[] up = env("CIVGEO_AUTH", "viewer:viewer-demo-2026").split(":", 2);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + up[0] + "\",\"password\":\"" + up[1] + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        auth = "Bearer " + r.body().replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        System.out.println("auth: bearer token of " + up[0]);
    }

    static void warm(List<String> a, List<double[]> p) throws Exception {
        for (int i = 0; i < 200; i++) {
            get("/api/geocode?limit=1&q=" + enc(a.get(i % a.size())));
            get("/api/reverse?lon=" + p.get(i)[0] + "&lat=" + p.get(i)[1]);
        }
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static void get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path)).header(authHeader, auth).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
    }

    static long[] run(Call call) throws Exception {
        long[] lat = new long[n];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            fs.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    long s = System.nanoTime();
                    call.run(i);
                    lat[i] = System.nanoTime() - s;
                }
                return null;
            }));
        }
        for (Future<?> f : fs) f.get();
        long wall = System.nanoTime() - t0;
        pool.shutdown();
        long[] out = Arrays.copyOf(lat, n + 1);
        out[n] = wall;
        return out;
    }

    interface Bind { void bind(PreparedStatement ps, int i) throws Exception; }

    static long[] runSql(String db, String sql, Bind bind) throws Exception { return runSql(db, sql, bind, n); }

    static long[] runSql(String db, String sql, Bind bind, int count) throws Exception {
        List<Connection> cs = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) cs.add(DriverManager.getConnection(db, env("CIVGEO_DB_USER", "civgeo"), env("CIVGEO_DB_PASSWORD", "civgeo")));
        ThreadLocal<PreparedStatement> ps = new ThreadLocal<>();
        AtomicInteger conn = new AtomicInteger();
        int saved = n;
        n = count;
        try {
            return run(i -> {
                if (ps.get() == null) ps.set(cs.get(conn.getAndIncrement()).prepareStatement(sql));
                bind.bind(ps.get(), i);
                try (ResultSet rs = ps.get().executeQuery()) { while (rs.next()) rs.getString(1); }
            });
        } finally {
            n = saved;
            for (Connection c : cs) c.close();
        }
    }

    static void report(String what, long[] lat) {
        int k = lat.length - 1;
        long[] s = Arrays.copyOf(lat, k);
        Arrays.sort(s);
        System.out.printf("%-46s n=%5d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  %8.0f req/s%n", what, k,
                s[k / 2] / 1e6, s[(int) (k * 0.95)] / 1e6, s[(int) (k * 0.99)] / 1e6, k / (lat[k] / 1e9));
    }

    static void batchReverse(List<double[]> pts) throws Exception {
        StringBuilder b = new StringBuilder("[");
        for (double[] p : pts) b.append(b.length() > 1 ? "," : "").append('[').append(p[0]).append(',').append(p[1]).append(']');
        b.append(']');
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/reverse/batch")).header(authHeader, auth)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            double s = (System.nanoTime() - t0) / 1e9;
            long lines = r.body().lines().count();
            if (round == 1) System.out.printf("%-46s %d rows in %.2f s = %8.0f points/s (status %d)%n", "reverse  HTTP POST /api/reverse/batch", lines, s, lines / s, r.statusCode());
        }
    }

    static void batchSql(String db, List<double[]> pts) throws Exception {
        try (Connection c = DriverManager.getConnection(db, env("CIVGEO_DB_USER", "civgeo"), env("CIVGEO_DB_PASSWORD", "civgeo"));
             PreparedStatement ps = c.prepareStatement("""
                     select i, (select code from division_part d where st_covers(d.geom, st_setsrid(st_point(x, y), 4490))
                                 order by level desc limit 1),
                            (select a.code from address a where a.status = 'active'
                              order by a.geom <-> st_setsrid(st_point(x, y), 4490) limit 1)
                       from unnest(?::float8[], ?::float8[]) with ordinality as t(x, y, i)""")) {
            Double[] xs = pts.stream().map(p -> p[0]).toArray(Double[]::new), ys = pts.stream().map(p -> p[1]).toArray(Double[]::new);
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                ps.setArray(1, c.createArrayOf("float8", xs));
                ps.setArray(2, c.createArrayOf("float8", ys));
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) { while (rs.next()) rows++; }
                double s = (System.nanoTime() - t0) / 1e9;
                if (round == 1) System.out.printf("%-46s %d rows in %.2f s = %8.0f points/s%n", "reverse  raw SQL set-based (division + KNN address)", rows, s, rows / s);
            }
        }
    }

    static void batchForward(List<String> addresses) throws Exception {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            String a = addresses.get(i % addresses.size()).replace("\"", "");
            b.append(i > 0 ? "," : "").append('"').append(a).append('"');
        }
        b.append(']');
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/geocode/batch?limit=1")).header(authHeader, auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        double s = (System.nanoTime() - t0) / 1e9;
        long lines = r.body().lines().count();
        System.out.printf("%-46s %d rows in %.2f s = %8.0f rows/s (status %d)%n", "forward  HTTP POST /api/geocode/batch", lines, s, lines / s, r.statusCode());
    }
}
