package cn.civgeo.ogc;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsing and checking of OGC API query parameters; every mistake is a 400 naming the parameter. */
final class OgcRequest {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 10_000;
    static final Set<String> ITEMS_PARAMS = Set.of("limit", "offset", "bbox", "bbox-crs", "datetime", "crs", "filter",
            "filter-lang", "filter-crs", "f");

    private OgcRequest() {}

    /** 400 listing every parameter not in {@code allowed} (OGC API Features /req/core/query-param-unknown). */
    static void onlyKnown(Map<String, String[]> given, Set<String> allowed) {
        List<FieldProblem> bad = new ArrayList<>();
        for (String k : given.keySet()) {
            if (!allowed.contains(k)) bad.add(new FieldProblem(k, "is not a parameter of this resource; known: "
                    + String.join(", ", allowed.stream().sorted().toList())));
        }
        if (!bad.isEmpty()) throw ApiException.invalid(bad);
    }

    static void format(String f) {
        if (f != null && !f.equals("json") && !f.equals("geojson")) {
            throw ApiException.badField("f", "'" + f + "' is not offered; use json (GeoJSON for features)");
        }
    }

    /** limit: default 10, at least 1; above the maximum it is capped (Part 1 /req/core/fc-limit-response-1). */
    static int limit(String s) {
        if (s == null || s.isBlank()) return DEFAULT_LIMIT;
        int v = integer(s, "limit");
        if (v < 1) throw ApiException.badField("limit", "must be at least 1");
        return Math.min(v, MAX_LIMIT);
    }

    static int offset(String s) {
        if (s == null || s.isBlank()) return 0;
        int v = integer(s, "offset");
        if (v < 0) throw ApiException.badField("offset", "must not be negative");
        return v;
    }

    private static int integer(String s, String field) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badField(field, "'" + s + "' is not a whole number");
        }
    }

    /** bbox in {@code crs}'s axis order (4 or 6 numbers) → minx, miny, maxx, maxy in PostGIS order. */
    static double[] bbox(String s, OgcCrs crs) {
        if (s == null || s.isBlank()) return null;
        String[] p = s.split(",");
        if (p.length != 4 && p.length != 6) throw ApiException.badField("bbox", "must be 4 numbers (or 6 with heights)");
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            try {
                v[i] = Double.parseDouble(p[i].strip());
            } catch (NumberFormatException e) {
                throw ApiException.badField("bbox", "'" + p[i].strip() + "' is not a number");
            }
            if (!Double.isFinite(v[i])) throw ApiException.badField("bbox", "must be finite numbers");
        }
        double[] b = p.length == 4 ? v : new double[] {v[0], v[1], v[3], v[4]};
        if (crs.swap()) b = new double[] {b[1], b[0], b[3], b[2]};
        if (b[0] > b[2] || b[1] > b[3]) throw ApiException.badField("bbox", "lower corner exceeds upper corner");
        if (crs.geographic() && (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90)) {
            throw ApiException.badField("bbox", "longitudes must be within -180..180 and latitudes within -90..90"
                    + (crs.swap() ? " (this bbox-crs is latitude first)" : ""));
        }
        return b;
    }

    /** datetime: an instant or an interval a/b with open ends '..' or empty → [from, to] dates (nulls = open). */
    static LocalDate[] datetime(String s) {
        if (s == null || s.isBlank()) return null;
        String v = s.strip();
        if (!v.contains("/")) {
            LocalDate d = date(v);
            return new LocalDate[] {d, d};
        }
        String[] p = v.split("/", -1);
        if (p.length != 2) throw ApiException.badField("datetime", "must be an instant or start/end");
        LocalDate a = open(p[0]) ? null : date(p[0]), b = open(p[1]) ? null : date(p[1]);
        if (a == null && b == null) throw ApiException.badField("datetime", "an interval needs at least one end");
        if (a != null && b != null && a.isAfter(b)) throw ApiException.badField("datetime", "start is after end");
        return new LocalDate[] {a, b};
    }

    private static boolean open(String s) { return s.isBlank() || s.equals(".."); }

    private static LocalDate date(String s) {
        try {
            return s.length() <= 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException e) {
            throw ApiException.badField("datetime", "'" + s + "' is not an RFC 3339 date or date-time (2024-01-31, "
                    + "2024-01-31T08:00:00Z)");
        }
    }

    static void filterLang(String lang) {
        if (lang != null && !lang.equals("cql2-text") && !lang.equals("cql-text")) {
            throw ApiException.badField("filter-lang", "'" + lang + "' is not supported; use cql2-text");
        }
    }
}
