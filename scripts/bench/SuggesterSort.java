import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The sort step of the geocoder's type-ahead build (geo-service Suggester) on the registry's own keys: every active
 * division's name, toneless pinyin and initials per level, read from the database. Sorted the way the service does
 * (a List of Object[] rows, List.sort with a casting comparator: the baseline) beside an array of records sorted by
 * Arrays.sort and by Arrays.parallelSort (both stable like List.sort), each ROUNDS times in this JVM, in turn; prints
 * the median and best of each and checks that all give the same order. On 2 cores neither alternative was faster
 * (2026-12-03: 3.1 s baseline, 4.3 s and 4.0 s), so the service kept its sort. Run by scripts/bench/suggester-sort.
 */
public class SuggesterSort {
    record Row(String key, int unit, byte kind) {}

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("CIVGEO_DB_URL", "jdbc:postgresql://127.0.0.1:54329/civgeo");
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "5"));
        List<List<Object[]>> levels = new ArrayList<>();
        for (int l = 0; l <= 5; l++) levels.add(new ArrayList<>());
        try (Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("CIVGEO_DB_USER", "civgeo"),
                System.getenv().getOrDefault("CIVGEO_DB_PASSWORD", "civgeo")); Statement s = c.createStatement()) {
            s.setFetchSize(50_000);
            c.setAutoCommit(false);
            ResultSet rs = s.executeQuery("select level, name, pinyin, initials from division where status = 'active' and level between 1 and 5 order by code");
            int u = 0;
            while (rs.next()) {
                List<Object[]> rows = levels.get(rs.getInt(1));
                rows.add(new Object[]{rs.getString(2), u, (byte) 0});
                String p = rs.getString(3), i = rs.getString(4);
                if (p != null) rows.add(new Object[]{p.toLowerCase(Locale.ROOT).replace(" ", ""), u, (byte) 1});
                if (i != null) rows.add(new Object[]{i.toLowerCase(Locale.ROOT), u, (byte) 2});
                u++;
            }
        }
        long keys = levels.stream().mapToLong(List::size).sum();
        System.out.printf("keys: %,d (levels 1-5), %d cores, %d rounds each%n", keys, Runtime.getRuntime().availableProcessors(), rounds);
        // the records are built before the clock starts: the service builds them directly instead of Object[] rows
        List<Row[]> records = new ArrayList<>();
        for (List<Object[]> level : levels) {
            Row[] rows = new Row[level.size()];
            for (int i = 0; i < rows.length; i++) rows[i] = new Row((String) level.get(i)[0], (Integer) level.get(i)[1], (Byte) level.get(i)[2]);
            records.add(rows);
        }
        long[][] t = new long[3][rounds];
        Comparator<Row> byKey = (a, b) -> a.key().compareTo(b.key());
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            List<List<Object[]>> sortedOld = new ArrayList<>();
            for (List<Object[]> level : levels) {
                List<Object[]> rows = new ArrayList<>(level);
                rows.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
                sortedOld.add(rows);
            }
            t[0][r] = System.nanoTime() - t0;
            List<Row[]> seq = new ArrayList<>(), par = new ArrayList<>();
            t0 = System.nanoTime();
            for (Row[] level : records) {
                Row[] rows = level.clone();
                Arrays.sort(rows, byKey);
                seq.add(rows);
            }
            t[1][r] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            for (Row[] level : records) {
                Row[] rows = level.clone();
                Arrays.parallelSort(rows, byKey);
                par.add(rows);
            }
            t[2][r] = System.nanoTime() - t0;
            for (List<Row[]> sortedNew : List.of(seq, par)) {
                for (int l = 0; l < levels.size(); l++) {
                    for (int i = 0; i < sortedNew.get(l).length; i++) {
                        Object[] o = sortedOld.get(l).get(i);
                        Row n = sortedNew.get(l)[i];
                        if (!o[0].equals(n.key()) || (Integer) o[1] != n.unit() || (Byte) o[2] != n.kind()) {
                            throw new IllegalStateException("orders differ at level " + l + " index " + i);
                        }
                    }
                }
            }
        }
        String[] names = {"baseline  List<Object[]>.sort (before)", "records   Arrays.sort               ", "records   Arrays.parallelSort       "};
        for (int k = 0; k < 3; k++) {
            Arrays.sort(t[k]);
            System.out.printf("%s  median %,8.1f ms  best %,8.1f ms%n", names[k], t[k][rounds / 2] / 1e6, t[k][0] / 1e6);
        }
        System.out.println("same order (stable, unit and kind per key): yes");
    }
}
