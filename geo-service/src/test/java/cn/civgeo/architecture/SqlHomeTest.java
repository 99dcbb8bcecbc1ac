package cn.civgeo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One home per rule (issue #12): SQL lives in repositories ({@code *Repository.java}) and {@code resources/sql}.
 * Controllers hold no SQL and no JDBC client at all; elsewhere the {@code .sql(} calls outside repositories may only
 * go down (a ratchet). Reads the source tree like {@link TableOwnershipTest}; a fixture shows the rules see a
 * controller that holds SQL.
 */
class SqlHomeTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path FIXTURE = Path.of("src/test/java/cn/civgeo/architecture/fixture");
    /**
     * The {@code .sql(} calls in main code outside {@code *Repository.java}: none since 2026-12-04 (245 when the
     * ratchet began, counted by grep -c; the last ones moved were division's writer, history, geometry import, demo
     * city, registry load and search, the map's tiles and features, the gazetteer, the OGC catalogue and the demo
     * demographics and addresses). Never raise it: put new SQL in a repository instead.
     */
    static final int MAX_SQL_CALLS_OUTSIDE_REPOSITORIES = 0;

    private static final Pattern CONTROLLER = Pattern.compile("^\\s*@(?:org\\.springframework\\.stereotype\\.|org\\.springframework\\.web\\.bind\\.annotation\\.)?(?:Rest)?Controller\\b", Pattern.MULTILINE);
    private static final Pattern JDBC_FIELD = Pattern.compile("\\b(?:JdbcClient|JdbcTemplate|NamedParameterJdbcTemplate)\\s+\\w+\\s*[;=]");
    private static final Pattern SQL_CALL = Pattern.compile("\\.sql\\(");
    /** Other ways to run SQL: a JDBC template or client, a statement of a plain connection. */
    private static final Pattern JDBC_USE = Pattern.compile(
            "\\b(?:JdbcTemplate|NamedParameterJdbcTemplate|JdbcClient)\\b|\\.(?:createStatement|prepareStatement|prepareCall)\\(");
    /**
     * The shared kernel's database plumbing, not a feature's data: the NOTIFY listener, the database gate's health
     * check, read-replica routing and the staging sweep's advisory locks.
     */
    static final java.util.Set<String> JDBC_PLUMBING = java.util.Set.of(
            "src/main/java/cn/civgeo/common/changes/ChangeBus.java", "src/main/java/cn/civgeo/common/DatabaseGate.java",
            "src/main/java/cn/civgeo/common/replica/ReadRoutingDataSource.java", "src/main/java/cn/civgeo/common/staging/Staging.java");

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static int sqlCalls(String content) {
        Matcher m = SQL_CALL.matcher(content);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** The controllers under root that run SQL or hold a JDBC client, each with what it holds. */
    static List<String> controllersHoldingSql(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : javaFiles(root)) {
            String content = Files.readString(f);
            if (!CONTROLLER.matcher(content).find()) continue;
            int calls = sqlCalls(content);
            boolean field = JDBC_FIELD.matcher(content).find();
            if (calls > 0 || field) {
                out.add(f.toString().replace('\\', '/') + ": " + (calls > 0 ? calls + " .sql( call(s)" : "")
                        + (calls > 0 && field ? " and " : "") + (field ? "a JDBC client field" : ""));
            }
        }
        return out;
    }

    /** Per file under root whose name does not end in Repository.java, its {@code .sql(} calls (files with none left out). */
    static Map<String, Integer> sqlCallsOutsideRepositories(Path root) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        for (Path f : javaFiles(root)) {
            if (f.getFileName().toString().endsWith("Repository.java")) continue;
            int n = sqlCalls(Files.readString(f));
            if (n > 0) out.put(f.toString().replace('\\', '/'), n);
        }
        return out;
    }

    /** Files under root, not repositories, that use JDBC some other way than {@code .sql(} (a template, a client, a statement). */
    static List<String> jdbcOutsideRepositories(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : javaFiles(root)) {
            String name = f.toString().replace('\\', '/');
            if (f.getFileName().toString().endsWith("Repository.java") || JDBC_PLUMBING.contains(name)) continue;
            String code = Files.readString(f).replaceAll("(?m)^import .*$", "").replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
            Matcher m = JDBC_USE.matcher(code);
            if (m.find()) out.add(name + ": " + m.group());
        }
        return out;
    }

    @Test
    void nothingButRepositoriesAndTheKernelsPlumbingUsesJdbc() throws IOException {
        assertThat(jdbcOutsideRepositories(MAIN)).as("move the statements into the feature's repository").isEmpty();
        for (String f : JDBC_PLUMBING) assertThat(Path.of(f)).as("plumbing file still there").exists();
        // the fixture's controller holds a JdbcClient: found; its repository's is at home
        assertThat(jdbcOutsideRepositories(FIXTURE)).hasSize(1).first().asString().contains("fixture/gamma/GammaController.java");
    }

    @Test
    void noControllerHoldsSql() throws IOException {
        assertThat(javaFiles(MAIN)).as("main source files").hasSizeGreaterThan(150);
        assertThat(controllersHoldingSql(MAIN)).as("move the SQL into the feature's repository and call it through its service").isEmpty();
    }

    @Test
    void theSqlOutsideRepositoriesOnlyGoesDown() throws IOException {
        Map<String, Integer> calls = sqlCallsOutsideRepositories(MAIN);
        int total = calls.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder list = new StringBuilder();
        calls.forEach((f, n) -> list.append("\n  ").append(n).append("  ").append(f));
        assertThat(total).as(".sql( calls outside *Repository.java: " + total + " (at most " + MAX_SQL_CALLS_OUTSIDE_REPOSITORIES
                + "); move new SQL into a repository:" + list).isLessThanOrEqualTo(MAX_SQL_CALLS_OUTSIDE_REPOSITORIES);
        // the site suggestion and the place-name and boundary-line controllers keep theirs in repositories now
        assertThat(calls).doesNotContainKeys("src/main/java/cn/civgeo/coverage/SiteSuggestionService.java",
                "src/main/java/cn/civgeo/placename/PlaceNameController.java", "src/main/java/cn/civgeo/boundary/BoundaryLineController.java");
    }

    @Test
    void theRulesSeeAControllerThatHoldsSql() throws IOException {
        List<String> found = controllersHoldingSql(FIXTURE);
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).contains("fixture/gamma/GammaController.java").contains("2 .sql( call(s)").contains("a JDBC client field");
        // the fixture's repository is not a controller and its SQL is at home; the controller's counts against the ratchet
        Map<String, Integer> outside = sqlCallsOutsideRepositories(FIXTURE);
        assertThat(outside).containsOnlyKeys(FIXTURE.resolve("gamma/GammaController.java").toString().replace('\\', '/'));
        assertThat(outside).containsValue(2);
    }
}
