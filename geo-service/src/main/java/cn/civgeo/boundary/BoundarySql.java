package cn.civgeo.boundary;

import cn.civgeo.common.io.SqlFiles;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Long analytical queries of this feature, kept in {@code resources/sql/boundary/} (read once through {@link SqlFiles}). */
final class BoundarySql {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private BoundarySql() {}

    public static String load(String name) {
        return CACHE.computeIfAbsent(name, n -> SqlFiles.load("boundary/" + n));
    }
}
