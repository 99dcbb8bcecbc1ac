package cn.civgeo.common.io;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.ProblemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an uploaded zip before GDAL (or anything else) opens it: at most {@value #MAX_ENTRIES} entries, no
 * archive inside the archive, and the bytes it really inflates to (counted while inflating, not as declared) at
 * most {@value #MAX_RATIO} times the upload and at most {@link #MAX_BYTES} in all. A zip bomb is refused after
 * inflating at most that much, in well under a second, with 413 naming the field.
 */
public final class ZipGuard {
    public static final int MAX_ENTRIES = 10_000;
    public static final int MAX_RATIO = 100;
    public static final long MAX_BYTES = 2L << 30;
    private static final List<String> ARCHIVES = List.of(".zip", ".gz", ".tgz", ".7z", ".rar", ".tar", ".bz2", ".xz", ".kmz");

    private ZipGuard() {}

    public static void check(Path zip, String field) {
        long size;
        try {
            size = Files.size(zip);
        } catch (IOException e) {
            throw ApiException.badField(field, "could not be read");
        }
        long limit = Math.min(MAX_BYTES, Math.max(size * MAX_RATIO, 10L << 20));
        long total = 0;
        int entries = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) throw tooLarge(field, "holds more than " + MAX_ENTRIES + " files");
                String name = e.getName().toLowerCase(Locale.ROOT);
                if (ARCHIVES.stream().anyMatch(name::endsWith)) {
                    throw ApiException.badField(field, "holds another archive (" + e.getName() + "); unpack it and send its files in one zip");
                }
                for (int n; (n = z.read(buf)) > 0; ) {
                    total += n;
                    if (total > limit) {
                        throw tooLarge(field, "inflates to more than " + (limit >> 20) + " MB (" + MAX_RATIO
                                + " times its size at most, " + (MAX_BYTES >> 20) + " MB in all)");
                    }
                }
            }
        } catch (IOException e) {
            throw ApiException.badField(field, "is not a readable zip file");
        }
        if (entries == 0) throw ApiException.badField(field, "is an empty or unreadable zip file");
    }

    private static ApiException tooLarge(String field, String message) {
        return new ApiException(ProblemType.TOO_LARGE, field + ": " + message, List.of(new FieldProblem(field, message)),
                Map.of("maxRatio", MAX_RATIO, "maxEntries", MAX_ENTRIES));
    }
}
