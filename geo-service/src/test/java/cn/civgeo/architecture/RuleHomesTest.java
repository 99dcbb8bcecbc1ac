package cn.civgeo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One home per rule (issue #12): the rules the issue found in several copies are written once, and a copy in any
 * other file (Java, resources/sql, migrations) fails here, naming file and line. Migrations applied before a rule
 * got its home cannot be edited; those superseded by a later migration are listed with what replaced them.
 * <ul>
 *   <li>a facility "operating at a date": {@code facility_operating_at(date)} (facility, V72);</li>
 *   <li>a residential unit (active, with a polygon, no active child): {@code division_residential_unit_read} (division, V161);</li>
 *   <li>the Gauss–Krüger zone of a longitude and its SRID: {@code common.crs.GaussKruger}, {@code gk_zone}/{@code gk_srid} (V160);</li>
 *   <li>a division code's significant prefix and implied parent: {@code common.code.DivisionCode};</li>
 *   <li>running GDAL's programs: {@code common.process.Gdal} (one place configures and runs them).</li>
 * </ul>
 */
class RuleHomesTest {
    private static final Path MAIN = Path.of("src/main");

    /** A rule, how a copy of it reads, its homes and what a home holds (its own text of the rule, or what stands for it). */
    record Rule(String name, Pattern copy, Set<String> homes, Pattern home) {
        Rule(String name, Pattern copy, Set<String> homes) { this(name, copy, homes, copy); }
    }

    static final List<Rule> RULES = List.of(
            new Rule("operating at a date", Pattern.compile("opened_on\\s+is\\s+null\\s+or\\s+(?:\\w+\\.)?opened_on\\s*<="),
                    Set.of("resources/db/migration/V72__facility_kinds.sql",
                            // coverage's gap layer, redefined through facility_operating_at(current_date) by V162
                            "resources/db/migration/V95__coverage_public_views.sql")),
            new Rule("a residential unit", Pattern.compile("not\\s+exists\\s*\\(\\s*select\\s+1\\s+from\\s+\\w+\\s+\\w+\\s+where\\s+\\w+\\.\"?parent_?[cC]ode\"?\\s*=\\s*\\w+\\.code\\s+and\\s+\\w+\\.status\\s*=\\s*'active'"),
                    Set.of("resources/db/migration/V161__division_residential_units.sql",
                            // coverage's gap layer, redefined through division_residential_unit_read by V162
                            "resources/db/migration/V95__coverage_public_views.sql")),
            new Rule("Gauss–Krüger zone of a longitude", Pattern.compile("\\+\\s*1\\.5\\s*\\)\\s*/\\s*3(?:\\.0)?\\b"),
                    Set.of("java/cn/civgeo/common/crs/GaussKruger.java", "resources/db/migration/V160__gauss_kruger_functions.sql")),
            new Rule("Gauss–Krüger SRID of a zone", Pattern.compile("\\b4513\\s*\\+|\\+\\s*4488\\b|\\b4488\\s*\\+"),
                    Set.of("java/cn/civgeo/common/crs/GaussKruger.java", "resources/db/migration/V160__gauss_kruger_functions.sql")),
            new Rule("a division code's significant prefix", Pattern.compile(
                    "endsWith\\(\"00\"\\)\\)\\s*\\w+\\s*=\\s*\\w+\\.substring|case\\s+4\\s*->\\s*\\w+\\.substring\\(0,\\s*9\\)"
                            + "|case\\s+2\\s*->\\s*\\d+;\\s*case\\s+3\\s*->\\s*6"),
                    Set.of("java/cn/civgeo/common/code/DivisionCode.java")),
            new Rule("running a GDAL program", Pattern.compile(
                    "(?:List\\.of|ProcessBuilder|Arrays\\.asList)\\(\\s*\"(?:ogr2ogr|ogrinfo|gdalsrsinfo|gdal_translate)\""),
                    Set.of("java/cn/civgeo/common/process/Gdal.java"), Pattern.compile("civgeo\\.gdal\\.ogr2ogr")));

    /** Each copy of a rule under root outside its homes, as "rule: file:line". */
    static List<String> copies(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            String text = Files.readString(f);
            for (Rule r : RULES) {
                if (r.homes().contains(rel)) continue;
                Matcher m = r.copy().matcher(text);
                while (m.find()) out.add(r.name() + ": " + rel + ":" + (1 + text.substring(0, m.start()).split("\n", -1).length - 1));
            }
        }
        return out;
    }

    @Test
    void eachRuleIsWrittenOnlyInItsHome() throws IOException {
        assertThat(copies(MAIN)).as("call the rule's home instead of copying it").isEmpty();
        // the homes exist and still hold their rule (a renamed home would make the list above vacuous)
        for (Rule r : RULES) {
            boolean held = false;
            for (String h : r.homes()) held |= r.home().matcher(Files.readString(MAIN.resolve(h))).find();
            assertThat(held).as(r.name() + " in " + r.homes()).isTrue();
        }
    }

    @Test
    void theScanSeesACopyOfEachRule(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path java = tmp.resolve("java/cn/civgeo/gamma");
        Files.createDirectories(java);
        Files.writeString(java.resolve("Gamma.java"), """
                class Gamma {
                    int zone(double lon) { return (int) Math.floor((lon + 1.5) / 3); }
                    int srid(int zone) { return 4513 + zone - 25; }
                    String prefix(String c) { while (c.endsWith("00")) c = c.substring(0, c.length() - 2); return c; }
                    Object export() { return new ProcessBuilder("ogr2ogr", "-f", "GPKG"); }
                }
                """);
        Files.writeString(tmp.resolve("java/cn/civgeo/gamma/gamma.sql"),
                "select * from facility f where (f.opened_on is null or f.opened_on <= :d)\n"
                        + "select * from division_read u where not exists (select 1 from division_read k where k.parent_code = u.code and k.status = 'active')\n");
        assertThat(copies(tmp)).containsExactly(
                "Gauss–Krüger zone of a longitude: java/cn/civgeo/gamma/Gamma.java:2",
                "Gauss–Krüger SRID of a zone: java/cn/civgeo/gamma/Gamma.java:3",
                "a division code's significant prefix: java/cn/civgeo/gamma/Gamma.java:4",
                "running a GDAL program: java/cn/civgeo/gamma/Gamma.java:5",
                "operating at a date: java/cn/civgeo/gamma/gamma.sql:1",
                "a residential unit: java/cn/civgeo/gamma/gamma.sql:2");
    }
}
