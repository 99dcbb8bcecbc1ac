package cn.civgeo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A feature keeps what others do not use package-private (issue #12): a top-level type is public only when a file of
 * another package (main or test code) names it. Spring needs no public types (beans, controllers, configuration
 * properties and proxies work package-private), so a public type nobody outside its package names is one that
 * widens the module's API for nothing. {@link ModulithVerifyTest} checks that what other modules use is API; this
 * test checks the other direction. A fixture ({@code fixture/}) shows the scan finding public types no other
 * package names.
 */
class PublicTypesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TEST = Path.of("src/test/java");
    private static final Path FIXTURE = Path.of("src/test/java/cn/civgeo/architecture/fixture");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:abstract|final|sealed|non-sealed|static|strictfp)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);

    record Source(Path file, String pkg, String text) {}

    /** Public for a reason no source text shows, each with it. */
    static final Map<String, String> KEEP = Map.of(
            "src/main/java/cn/civgeo/common/DatabaseFailureAnalyzer.java", "named in META-INF/spring.factories",
            "src/main/java/cn/civgeo/common/ProblemErrorValve.java",
            "Tomcat makes it by its class name (StandardHost.errorReportValveClass): public class, public constructor",
            "src/main/java/cn/civgeo/coverage/network/RoadNetwork.java",
            "returned by coverage.network's services: coverage calls its accessors, which javac allows only on a public type");

    private static List<Source> sources(Path... roots) throws IOException {
        List<Source> out = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path f : all.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    String text = Files.readString(f);
                    Matcher m = PACKAGE.matcher(text);
                    out.add(new Source(f, m.find() ? m.group(1) : "", text));
                }
            }
        }
        return out;
    }

    /**
     * The public top-level types of {@code declared} that no file of another package among {@code readers} names,
     * as paths; the Spring Boot application class is public by convention and left out.
     */
    static List<String> publicButUnused(List<Source> declared, List<Source> readers) {
        Map<String, Pattern> names = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (Source s : declared) {
            if (s.file().getFileName().toString().equals("package-info.java") || s.text().contains("@SpringBootApplication")) continue;
            Matcher m = PUBLIC_TYPE.matcher(s.text());
            if (!m.find() || !s.file().getFileName().toString().equals(m.group(1) + ".java")) continue;
            Pattern word = names.computeIfAbsent(m.group(1), n -> Pattern.compile("\\b" + n + "\\b"));
            boolean named = readers.stream().anyMatch(r -> !r.pkg().equals(s.pkg()) && word.matcher(r.text()).find());
            if (!named) out.add(s.file().toString().replace('\\', '/'));
        }
        return out;
    }

    @Test
    void aTypeIsPublicOnlyWhenAnotherPackageNamesIt() throws IOException {
        List<Source> main = sources(MAIN);
        // this file names the kept types: it does not count as a reader
        List<Source> all = sources(MAIN, TEST).stream().filter(r -> !r.file().endsWith("PublicTypesTest.java")).toList();
        assertThat(main).as("main source files").hasSizeGreaterThan(150);
        List<String> unused = publicButUnused(main, all);
        assertThat(unused).as("kept public for their reasons").containsAll(KEEP.keySet());
        unused.removeAll(KEEP.keySet());
        assertThat(unused).as("make these package-private (no other package names them)").isEmpty();
    }

    @Test
    void theScanSeesPublicTypesNoOtherPackageNames() throws IOException {
        List<Source> fixture = sources(FIXTURE);
        // beta's repository is named by alpha; alpha's service and gamma's controller and repository by no other package
        assertThat(publicButUnused(fixture, fixture)).containsExactly(
                FIXTURE + "/alpha/AlphaService.java", FIXTURE + "/gamma/GammaController.java", FIXTURE + "/gamma/GammaRepository.java");
    }
}
