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

    /** Whether the stream starts with the gzip magic bytes (it is left unread: a mark/reset stream is required). */
    public static boolean isGzip(java.io.InputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b;
    }

    /**
     * Inflates a gzip upload into {@code target} (an {@code .osm.gz} before osm2pgrouting, or any other gzip),
     * counting the bytes while inflating: at most {@value #MAX_RATIO} times the compressed bytes read so far (at
     * least 10 MB) and {@link #MAX_BYTES} in all, else 413 naming {@code field}, after inflating at most that much;
     * a gzip inside the gzip is refused with 400.
     */
    public static void gunzip(java.io.InputStream in, Path target, String field) {
        long[] compressed = {0};
        java.io.InputStream counting = new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) compressed[0]++;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) compressed[0] += n;
                return n;
            }
        };
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        try (java.util.zip.GZIPInputStream z = new java.util.zip.GZIPInputStream(counting, 8192);
             java.io.OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = z.read(buf)) > 0; ) {
                if (total == 0 && n >= 2 && (buf[0] & 0xff) == 0x1f && (buf[1] & 0xff) == 0x8b) {
                    throw ApiException.badField(field, "is a gzip inside a gzip; send the file compressed once");
                }
                total += n;
                long limit = Math.min(MAX_BYTES, Math.max(compressed[0] * MAX_RATIO, 10L << 20));
                if (total > limit) {
                    throw tooLarge(field, "inflates to more than " + (limit >> 20) + " MB (" + MAX_RATIO
                            + " times its size at most, " + (MAX_BYTES >> 20) + " MB in all)");
                }
                out.write(buf, 0, n);
            }
        } catch (java.util.zip.ZipException e) {
            throw ApiException.badField(field, "is not a readable gzip file");
        } catch (java.io.EOFException e) {
            throw ApiException.badField(field, "is a truncated gzip file");
        } catch (IOException e) {
            throw ApiException.badField(field, "could not be read");
        }
    }

    private static ApiException tooLarge(String field, String message) {
        return new ApiException(ProblemType.TOO_LARGE, field + ": " + message, List.of(new FieldProblem(field, message)),
                Map.of("maxRatio", MAX_RATIO, "maxEntries", MAX_ENTRIES));
    }
}
