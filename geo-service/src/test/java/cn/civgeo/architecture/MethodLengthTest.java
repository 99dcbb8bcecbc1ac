package cn.civgeo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * One home per rule (issue #12): methods over {@value #LIMIT} lines get split. Every method and constructor of the
 * main code is measured from its first line (annotations included) to its closing brace by the JDK's own Java parser
 * (javac's tree API, no analysis), lambdas inside it counted with it. The number of methods over the limit may only go
 * down (a ratchet); a source text with a 61-line method shows the rule finds one.
 */
class MethodLengthTest {
    static final int LIMIT = 60;
    /**
     * Methods over {@value #LIMIT} lines in main code: none since 2026-12-04 (21 when the ratchet began; the last ones
     * split were DivisionChangeService.split and .merge, GeometryImportService.validate, DemoCity.loadIfNeeded,
     * GeocodeService.candidate and ExportController.export). Never raise it: split the new method instead.
     */
    static final int MAX_LONG_METHODS = 0;

    private static final Path MAIN = Path.of("src/main/java");

    /** One method over the limit: where, which and how many lines. */
    record Long(String file, String method, int lines) {
        @Override public String toString() { return file + " " + method + ": " + lines + " lines"; }
    }

    /** The methods over the limit in the given sources, longest first. */
    static List<Long> longMethods(Iterable<? extends JavaFileObject> sources) throws IOException {
        return methods(sources, LIMIT);
    }

    /** The methods longer than {@code over} lines in the given sources, longest first. */
    static List<Long> methods(Iterable<? extends JavaFileObject> sources, int over) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, sources);
        SourcePositions pos = Trees.instance(task).getSourcePositions();
        List<Long> out = new ArrayList<>();
        for (CompilationUnitTree unit : task.parse()) {
            LineMap lines = unit.getLineMap();
            String file = unit.getSourceFile().getName().replace('\\', '/');
            file = file.substring(file.lastIndexOf("/cn/civgeo/") + 1);
            String name = file;
            new TreePathScanner<Void, String>() {
                @Override
                public Void visitClass(ClassTree c, String owner) {
                    return super.visitClass(c, c.getSimpleName().toString());
                }

                @Override
                public Void visitMethod(MethodTree m, String owner) {
                    long start = pos.getStartPosition(unit, m), end = pos.getEndPosition(unit, m);
                    if (m.getBody() != null && start >= 0 && end >= 0) {
                        int n = (int) (lines.getLineNumber(end) - lines.getLineNumber(start) + 1);
                        String method = owner + "." + (m.getName().contentEquals("<init>") ? owner : m.getName().toString());
                        if (n > over) out.add(new Long(name, method, n));
                    }
                    return super.visitMethod(m, owner);
                }
            }.scan(unit, "");
        }
        out.sort((a, b) -> Integer.compare(b.lines(), a.lines()));
        return out;
    }

    private static List<Long> mainMethods(int over) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
             Stream<Path> all = Files.walk(MAIN)) {
            List<Path> java = all.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            return methods(files.getJavaFileObjectsFromPaths(java), over);
        }
    }

    @Test
    void longMethodsOnlyGoDown() throws IOException {
        List<Long> found = mainMethods(LIMIT);
        assertThat(found.size())
                .as("methods over %d lines (at most %d; split the new one rather than raising the limit):%n%s", LIMIT,
                        MAX_LONG_METHODS, String.join("\n", found.stream().map(Long::toString).toList()))
                .isLessThanOrEqualTo(MAX_LONG_METHODS);
        // the scan sees the main code: thousands of methods with a body, hundreds of them over 20 lines
        assertThat(mainMethods(0)).as("methods measured").hasSizeGreaterThan(2000);
        assertThat(mainMethods(20).size()).as("methods over 20 lines").isGreaterThan(100);
    }

    @Test
    void aMethodOfSixtyOneLinesIsFoundAndOneOfSixtyIsNot() throws IOException {
        String body61 = "        int a = 0;\n".repeat(LIMIT - 2);
        String body60 = "        int b = 0;\n".repeat(LIMIT - 4);
        String src = "package cn.civgeo.fixture;\nclass Sample {\n"
                + "    @Deprecated\n    void tooLong() {\n" + body61 + "    }\n"
                + "    void justRight() {\n" + body60 + "        Runnable r = () -> {\n        };\n    }\n"
                + "    Sample() {\n    }\n}\n";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///cn/civgeo/fixture/Sample.java"), JavaFileObject.Kind.SOURCE) {
            @Override public CharSequence getCharContent(boolean ignore) { return src; }
        };
        List<Long> found = longMethods(List.of(file));
        assertThat(found).extracting(Long::method).containsExactly("Sample.tooLong");
        assertThat(found.get(0).lines()).isEqualTo(LIMIT + 1);
    }
}
