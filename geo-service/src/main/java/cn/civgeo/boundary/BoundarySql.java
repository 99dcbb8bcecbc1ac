package cn.civgeo.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Long analytical queries of this feature, kept in {@code resources/sql/boundary/}. */
public final class BoundarySql {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private BoundarySql() {}

    public static String load(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = BoundarySql.class.getResourceAsStream("/sql/boundary/" + n)) {
                if (in == null) throw new IllegalStateException("missing sql/boundary/" + n);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
