package cn.civgeo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each feature owns its tables (issue #12). The owners are in {@code architecture/table-owners.txt}; the SQL text
 * of every feature (string literals and text blocks of {@code cn/civgeo/<feature>/**.java}, and
 * {@code resources/sql/<feature>/**.sql}) may name its own tables and any feature's published views and functions,
 * never another feature's tables; and nobody writes through a read view. Migrations are the owners' own and are not
 * scanned for references. Comma joins ({@code from a, b}) are not seen: write joins as {@code join}.
 */
class TableOwnershipTest {
    private static final Path MAIN = Path.of("src/main");
    private static final Pattern CREATE_TABLE = Pattern.compile("create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern READ = Pattern.compile("\\b(?:from|join)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)\\b(?!\\s*\\()", Pattern.CASE_INSENSITIVE);
    private static final Pattern WRITE = Pattern.compile("\\b(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVA_FEATURE = Pattern.compile("cn/civgeo/([a-z]+)/");
    private static final Pattern SQL_FEATURE = Pattern.compile("resources/sql/([a-z]+)/");

    static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        try (InputStream in = TableOwnershipTest.class.getResourceAsStream("/architecture/table-owners.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] p = line.split("\\s+");
                owners.put(p[0], p[1]);
            }
        }
        return owners;
    }

    static Set<String> tablesOfMigrations() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MAIN.resolve("resources/db/migration"))) {
            for (Path f : files.toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(f));
                while (m.find()) tables.add(m.group(1).toLowerCase());
            }
        }
        return tables;
    }

    /** The SQL text of a source file: its string literals and text blocks (Java) or the file itself (SQL). */
    static String sqlText(String path, String content) {
        if (!path.endsWith(".java")) return content;
        StringBuilder b = new StringBuilder();
        Matcher m = LITERAL.matcher(content);
        while (m.find()) b.append(m.group(1) != null ? m.group(1) : m.group(2)).append(' ');
        return b.toString();
    }

    /** What one feature's SQL text does wrong: foreign tables it names, read views it writes. */
    static List<String> violations(String feature, String path, String sql, Map<String, String> owners) {
        List<String> out = new ArrayList<>();
        for (Pattern p : List.of(READ, WRITE)) {
            Matcher m = p.matcher(sql);
            while (m.find()) {
                String t = m.group(1).toLowerCase();
                String owner = owners.get(t);
                if (owner != null && !owner.equals(feature)) {
                    out.add(path + ": " + feature + " names " + owner + "'s table " + t + " (use " + owner + "'s service or a view it publishes)");
                }
                if (p == WRITE && t.endsWith("_read")) out.add(path + ": " + feature + " writes through the read view " + t);
            }
        }
        return out;
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> unowned = new TreeSet<>(tablesOfMigrations());
        unowned.removeAll(owners().keySet());
        assertThat(unowned).as("add each to src/test/resources/architecture/table-owners.txt").isEmpty();
    }

    @Test
    void noFeatureNamesAnotherFeaturesTables() throws IOException {
        Map<String, String> owners = owners();
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(MAIN)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String path = f.toString().replace('\\', '/');
                Matcher jm = JAVA_FEATURE.matcher(path);
                Matcher sm = SQL_FEATURE.matcher(path);
                String feature = path.endsWith(".java") && jm.find() ? jm.group(1)
                        : path.endsWith(".sql") && sm.find() ? sm.group(1) : null;
                if (feature == null) continue;
                files++;
                found.addAll(violations(feature, path, sqlText(path, Files.readString(f)), owners));
            }
        }
        assertThat(files).as("source files scanned").isGreaterThan(150);
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckSeesAForeignTableQueryAndAWriteThroughAView() throws IOException {
        Map<String, String> owners = owners();
        String java = "class X { String q = \"\"\"\n select l.code from boundary_line l\n join division_read d on d.code = l.left_code\n\"\"\";\n"
                + " String w = \"update division_read set name = 'x'\"; String ok = \"select * from plan_indicator\"; }";
        List<String> v = violations("plan", "Fixture.java", sqlText("Fixture.java", java), owners);
        assertThat(v).hasSize(2);
        assertThat(v.get(0)).contains("boundary's table boundary_line");
        assertThat(v.get(1)).contains("writes through the read view division_read");
        // the same text in boundary: its own table is fine; the plan's table and the write through a view are not
        assertThat(violations("boundary", "Own.java", sqlText("Own.java", java), owners))
                .hasSize(2).noneMatch(x -> x.contains("table boundary_line")).anyMatch(x -> x.contains("plan's table plan_indicator"));
        assertThat(violations("map", "f.sql", "select * from boundary_line_read, facility_operating_at(current_date)", owners)).isEmpty();
    }
}
