package cn.civgeo.common;

import java.util.List;

/** Limit/offset paging with a hard maximum, so no list request can ask for the whole table. */
public record Paging(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public static Paging of(Integer limit, Integer offset) {
        Validation v = new Validation();
        int l = limit == null ? DEFAULT_LIMIT : limit;
        int o = offset == null ? 0 : offset;
        v.require(l >= 1 && l <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT);
        v.require(o >= 0, "offset", "must be 0 or more");
        v.throwIfInvalid();
        return new Paging(l, o);
    }

    /** A page of items; {@code total} is the full count matching the query. */
    public record Page<T>(List<T> items, long total, int limit, int offset) {}

    public <T> Page<T> page(List<T> items, long total) { return new Page<>(items, total, limit, offset); }
}
