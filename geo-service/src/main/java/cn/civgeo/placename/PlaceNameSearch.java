package cn.civgeo.placename;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.placename.pinyin.PlaceNameRomanizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Place-name search over the registry, its aliases and former names, and the division registry (division names are
 * place names too). Modes: {@code exact}, {@code prefix}, {@code fuzzy} (pg_trgm similarity, tolerant of typos),
 * {@code pinyin} (toneless pinyin, prefix: "xiam" finds 厦门), {@code initials} ("xmdx" finds 厦门大学) and
 * {@code auto} (Han text: exact, prefix then fuzzy; Latin text: pinyin or initials). Filters: category (2- or
 * 4-digit code), division (code prefix), status, bbox (EPSG:4490) and radius around a point (metres, on the
 * ellipsoid). The SQL is assembled from constant fragments only; every value is a bound parameter.
 */
@Service
public class PlaceNameSearch {
    public static final Set<String> MODES = Set.of("auto", "exact", "prefix", "fuzzy", "pinyin", "initials");
    private static final double FUZZY_THRESHOLD = 0.2;

    private final PlaceNameSearchRepository repo;
    private final PlaceNameRomanizer romanizer;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;
    private final int timeoutMs;

    public PlaceNameSearch(PlaceNameSearchRepository repo, PlaceNameRomanizer romanizer,
                           org.springframework.transaction.PlatformTransactionManager tm,
                           @org.springframework.beans.factory.annotation.Value("${civgeo.placename.search-timeout-ms:10000}") int timeoutMs) {
        this.repo = repo;
        this.romanizer = romanizer;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(tm);
        this.readOnly.setReadOnly(true);
        this.timeoutMs = timeoutMs;
    }

    /**
     * A text must hold at least one letter, digit or Han character: a bare {@code %}, {@code _} or {@code \} (or
     * only punctuation) would match everything and scan the whole registry.
     */
    static void requireSelective(String q) {
        if (!q.isEmpty() && q.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw ApiException.badField("q", "must contain at least one letter, digit or Chinese character ('%', '_' and '\\' "
                    + "are matched literally, not as wildcards)");
        }
    }

    /** A search request; nulls mean "no filter". {@code status} null = approved place names and active divisions. */
    public record Query(String q, String mode, String category, String division, String status, double[] bbox,
                        Double lon, Double lat, Double radiusM, boolean includeDivisions, boolean geometry) {}

    public Paging.Page<PlaceNameHit> search(Query query, Paging paging) {
        String q = query.q() == null ? "" : query.q().strip();
        String mode = checkedMode(query, q);
        String key = romanizer.searchKey(q);
        List<String> where = filters(query, q, mode);
        boolean near = query.lon() != null && query.lat() != null;
        String sql = sql(query, mode, where, near);
        long[] total = {0};
        List<PlaceNameHit> hits = runBounded(() -> repo.hits(sql, query, q, key, paging, near, total), mode.equals("fuzzy"));
        if (hits.isEmpty() && paging.offset() > 0) total[0] = -1; // unknown past the end
        return paging.page(hits, Math.max(total[0], 0));
    }

    /** The search mode after checking the request (auto with Latin text searches pinyin). */
    private static String checkedMode(Query query, String q) {
        String mode = query.mode() == null ? "auto" : query.mode().toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) throw ApiException.badField("mode", "must be one of " + MODES);
        if (q.length() > 60) throw ApiException.badField("q", "is longer than 60 characters");
        requireSelective(q);
        if (q.isEmpty() && query.category() == null && query.division() == null && query.bbox() == null && query.lon() == null) {
            throw ApiException.badField("q", "give a text, a category, a division, a bbox or a point");
        }
        boolean latin = !q.isEmpty() && q.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return mode.equals("auto") && !q.isEmpty() && latin ? "pinyin" : mode;
    }

    /** The candidates: standard names, aliases, former names and (when asked) divisions; "m" is the matched text. */
    private static List<String> candidates(Query query) {
        List<String> parts = new ArrayList<>();
        String statusCond = query.status() == null ? "p.status = 'approved'" : "p.status = :status";
        parts.add("select 'place-name' as source, p.id, p.code, p.name, p.spelling, p.pinyin, p.initials, p.category_code, p.division_code,"
                + " p.status, p.name as m, p.pinyin as mk, p.geom from place_name p where " + statusCond);
        parts.add("select 'place-name', p.id, p.code, p.name, p.spelling, p.pinyin, p.initials, p.category_code, p.division_code,"
                + " p.status, a.alias, p.pinyin, p.geom from place_name p cross join lateral unnest(p.aliases) a(alias) where " + statusCond);
        parts.add("select 'place-name', p.id, p.code, p.name, p.spelling, p.pinyin, p.initials, p.category_code, p.division_code,"
                + " p.status, f.name, f.pinyin, p.geom from place_name_former f join place_name p on p.id = f.place_name_id where "
                + statusCond.replace("p.status = 'approved'", "p.status in ('approved','abolished')"));
        if (query.includeDivisions() && (query.status() == null || query.status().equals("approved") || query.status().equals("active"))) {
            // Division names are place names: category by level (2110 … 2140; 2210 community / 2220 village).
            parts.add("select 'division', null::bigint, d.code, d.name, null, d.pinyin, d.initials,"
                    + " case d.level when 1 then '2110' when 2 then '2120' when 3 then '2130' when 4 then '2140'"
                    + " else case when substr(d.code, 10, 3)::int < 200 then '2210' else '2220' end end, coalesce(d.parent_code, d.code),"
                    + " d.status, d.name, d.pinyin, null::geometry from division_read d where d.status = 'active'");
        }
        return parts;
    }

    /** The conditions of the request on the candidates (text, category, division, bbox, radius), checked. */
    private static List<String> filters(Query query, String q, String mode) {
        List<String> where = new ArrayList<>();
        if (!q.isEmpty()) where.add(textCondition(mode));
        if (query.category() != null) {
            if (!query.category().matches("[0-9]{2}([0-9]{2})?")) throw ApiException.badField("category", "must be a 2- or 4-digit category code");
            where.add("category_code like :category || '%'");
        }
        if (query.division() != null) {
            if (!query.division().matches("[0-9]{2,12}")) throw ApiException.badField("division", "must be a division code (prefix)");
            where.add("(division_code like :division || '%' or (source = 'division' and code like :division || '%'))");
        }
        if (query.bbox() != null) {
            where.add("geom && st_makeenvelope(:minx, :miny, :maxx, :maxy, 4490)");
        }
        if (query.lon() != null && query.lat() != null) {
            double r = query.radiusM() == null ? 1000 : query.radiusM();
            if (r <= 0 || r > 50_000) throw ApiException.badField("radius", "must be between 1 and 50000 metres");
            where.add("st_dwithin(geom::geography, st_setsrid(st_makepoint(:lon, :lat), 4490)::geography, :radius)");
        }
        return where;
    }

    /** The whole statement: candidates, filters, one row per place name or division at its best score, the page. */
    private static String sql(Query query, String mode, List<String> where, boolean near) {
        String score = switch (mode) {
            case "exact" -> "1.0";
            case "pinyin", "initials" -> "case when mk = :key then 1.0 else 0.8 end";
            default -> "case when m = :q then 1.0 when m like :like || '%' then 0.9 else similarity(m, :q) end";
        };
        String distance = near ? "st_distance(geom::geography, st_setsrid(st_makepoint(:lon, :lat), 4490)::geography)" : "null::float8";
        boolean anyText = query.q() != null && !query.q().isBlank();
        String base = "with c as (" + String.join(" union all ", candidates(query)) + "), f as (select c.*, " + (anyText ? score : "1.0")
                + " as score, " + distance + " as dist from c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + "), b as (select distinct on (source, coalesce(id::text, code)) * from f"
                + " order by source, coalesce(id::text, code), score desc)";
        String order = near ? "b.dist, b.score desc, b.name" : "b.score desc, length(b.name), b.name, b.code";
        return base + " select b.source, b.id, b.code, b.name, b.spelling, b.pinyin, b.category_code, pc.name as category_name,"
                + " b.division_code, b.status, case when b.m <> b.name then b.m end as matched, round(b.score::numeric, 3)::float8 as score,"
                + " round(b.dist::numeric, 1)::float8 as dist, " + (query.geometry() ? "st_asgeojson(b.geom, 7)" : "null")
                + " as geometry, count(*) over () as total from b left join place_category pc on pc.code = b.category_code order by "
                + order + " limit :limit offset :offset";
    }

    /**
     * Runs the search in a read-only transaction under a statement timeout, so broad ones cannot hold pool connections
     * for long (answered 400 on q); the fuzzy mode's {@code %} threshold is set for this transaction only.
     */
    private List<PlaceNameHit> runBounded(java.util.function.Supplier<List<PlaceNameHit>> search, boolean fuzzy) {
        try {
            return readOnly.execute(tx -> {
                repo.boundTransaction(Integer.toString(timeoutMs), fuzzy ? Double.toString(FUZZY_THRESHOLD) : null);
                return search.get();
            });
        } catch (org.springframework.dao.QueryTimeoutException | org.springframework.dao.PessimisticLockingFailureException e) {
            throw tooBroad();
        } catch (org.springframework.dao.DataAccessException e) {
            if (e.getMostSpecificCause() instanceof java.sql.SQLException se && "57014".equals(se.getSQLState())) throw tooBroad();
            throw e;
        }
    }

    /** The text condition of a search mode over the matched text {@code m} (package-private: a test EXPLAINs it). */
    static String textCondition(String mode) {
        return switch (mode) {
            case "exact" -> "m = :q";
            case "prefix" -> "m like :like || '%'";
            // `%` under the search transaction's pg_trgm.similarity_threshold (set in search): the trigram indexes answer it; an
            // "or similarity(m, :q) > t" beside it was a sequential scan of every name and division (6 s under load)
            case "fuzzy" -> "m % :q";
            case "pinyin" -> "(mk like :keyLike || '%')";
            case "initials" -> "(initials like :keyLike || '%')";
            default -> "(m like :like || '%' or m % :q or (length(:key) > 1 and mk = :key))";
        };
    }

    private ApiException tooBroad() {
        return ApiException.badField("q", "matches too much to answer within " + timeoutMs
                + " ms: add characters, a category, a division or a bbox");
    }

    static String escape(String s) { return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"); }
}
