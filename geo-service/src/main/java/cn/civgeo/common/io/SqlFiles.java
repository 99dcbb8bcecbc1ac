package cn.civgeo.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/**
 * The one loader of SQL kept as files on the class path ({@code resources/sql/<feature>/<name>.sql}): each feature's
 * repository reads its statements through it, so the text is UTF-8 and a missing file fails at start-up, naming it.
 */
public final class SqlFiles {
    private SqlFiles() {}

    /** The statement in {@code sql/<path>} (e.g. {@code plan/indicators.sql}); a missing file is an error. */
    public static String load(String path) {
        String s = loadIfPresent(path);
        if (s == null) throw new IllegalStateException("SQL file sql/" + path + " is missing from the class path");
        return s;
    }

    /** The statement in {@code sql/<path>}, or null when there is no such file (optional statements, e.g. a layer's tiles). */
    public static String loadIfPresent(String path) {
        ClassPathResource r = new ClassPathResource("sql/" + path);
        if (!r.exists()) return null;
        try (InputStream in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading sql/" + path, e);
        }
    }
}
