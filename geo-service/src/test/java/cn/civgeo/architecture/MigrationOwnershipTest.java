package cn.civgeo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * A migration touches the tables of one feature (issue #12): every statement that creates, alters, drops, indexes,
 * puts a trigger on or writes a table names tables of one owner ({@code architecture/table-owners.txt}; tables of
 * {@code common} may appear beside them). Applied migrations cannot be edited, so the ones written before the rule
 * are listed with what happened since; the list must stay exact (an entry that no longer breaks the rule fails too).
 * Reads ({@code from}, {@code join}, foreign keys) are not counted: migrations that move data read the source.
 */
class MigrationOwnershipTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern TOUCH = Pattern.compile("\\b(?:create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?"
            + "|alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?|drop\\s+table\\s+(?:if\\s+exists\\s+)?"
            + "|create\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?[a-z0-9_]*\\s*on\\s+(?:only\\s+)?"
            + "|(?:create|drop)\\s+trigger\\s+(?:if\\s+exists\\s+)?[a-z0-9_]+\\s+(?:(?:before|after|instead\\s+of)\\s+[^;]*?\\s)?on\\s+"
            + "|insert\\s+into\\s+|update\\s+(?:only\\s+)?|delete\\s+from\\s+|truncate\\s+(?:table\\s+)?)(?:public\\.)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    /** Migrations written before the rule, by file name prefix, and what became of them. */
    private static final Map<String, String> HISTORY = Map.of(
            "V1__", "the foundation, before the features were split: users, API clients and the audit log in one",
            "V30__", "the geocoder's triggers on address and place_name; replaced by the one change signal (V103)",
            "V33__", "moved the geocoder's outline-load records out of division_registry_load into its own table",
            "V51__", "created coverage's service_area beside the facility tables; coverage owns it since",
            "V80__", "sessions (security) and the audit log's actions in one migration",
            "V103__", "the one change signal (common) replacing V30's triggers on address and place_name");

    static Map<String, Set<String>> featuresTouched(String sql, Map<String, String> owners) {
        Matcher m = TOUCH.matcher(sql.replaceAll("--[^\\n]*", ""));
        Map<String, Set<String>> byFeature = new TreeMap<>();
        while (m.find()) {
            String owner = owners.get(m.group(1).toLowerCase());
            if (owner != null && !owner.equals("common")) byFeature.computeIfAbsent(owner, k -> new TreeSet<>()).add(m.group(1).toLowerCase());
        }
        return byFeature;
    }

    @Test
    void eachMigrationTouchesTheTablesOfOneFeature() throws IOException {
        Map<String, String> owners = TableOwnershipTest.owners();
        List<String> breaking = new ArrayList<>();
        Set<String> historyStillBreaking = new TreeSet<>();
        int scanned = 0;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                scanned++;
                Map<String, Set<String>> touched = featuresTouched(Files.readString(f), owners);
                if (touched.size() <= 1) continue;
                String known = HISTORY.keySet().stream().filter(name::startsWith).findFirst().orElse(null);
                if (known != null) historyStillBreaking.add(known);
                else breaking.add(name + " touches " + touched);
            }
        }
        assertThat(scanned).isGreaterThan(40);
        assertThat(breaking).as("split each into one migration per feature (or use the owner's views/functions)").isEmpty();
        assertThat(historyStillBreaking).as("history entries that no longer break the rule: remove them").isEqualTo(HISTORY.keySet());
    }

    @Test
    void theScanSeesTriggersAndWritesOnAnotherFeaturesTable() throws IOException {
        Map<String, String> owners = TableOwnershipTest.owners();
        assertThat(featuresTouched("create table scenario (id int);\ncreate trigger s_t after update of geom on division "
                + "for each row execute function f();", owners)).containsOnlyKeys("scenario", "division");
        assertThat(featuresTouched("insert into plan(code) select code from division_read;\nupdate job set x = 1;", owners))
                .containsOnlyKeys("plan");
        assertThat(featuresTouched("-- update facility set x = 1\ncreate index f_i on facility(kind);", owners)).containsOnlyKeys("facility");
    }
}
