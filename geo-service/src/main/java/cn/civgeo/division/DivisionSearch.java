package cn.civgeo.division;

import cn.civgeo.common.code.DivisionCode;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.common.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search: code prefix, name (exact, prefix, fuzzy through pg_trgm), pinyin and initials ("xm" → 厦门市), by level,
 * direct parent or any ancestor. Ranked: exact matches, then prefixes, then the rest; higher levels first.
 */
@Service
@Transactional(readOnly = true)
class DivisionSearch {
    public enum Match { AUTO, EXACT, PREFIX, FUZZY }

    /** @param within any ancestor's code (its descendants are searched) */
    public record Query(String q, String code, Integer level, String parent, String within, String kind, Match match,
                        boolean includeAbolished) {}

    private final DivisionSearchRepository repo;

    DivisionSearch(DivisionSearchRepository repo) { this.repo = repo; }

    public Paging.Page<Division> search(Query query, Paging paging) {
        String q = query.q() == null ? null : query.q().strip();
        validate(query, q);

        StringBuilder where = new StringBuilder(" where true");
        String rank = "0";
        Map<String, Object> p = new LinkedHashMap<>(); // named parameters of where and rank
        if (!query.includeAbolished()) where.append(" and status = 'active'");
        if (query.code() != null) { where.append(" and code like :code"); p.put("code", query.code() + "%"); }
        if (query.level() != null) { where.append(" and level = :level"); p.put("level", query.level()); }
        if (query.parent() != null) { where.append(" and parent_code = :parent"); p.put("parent", query.parent()); }
        if (query.within() != null) {
            where.append(" and code like :within and code <> :withinCode");
            p.put("within", DivisionCode.significant(query.within()) + "%");
            p.put("withinCode", query.within());
        }
        if (query.kind() != null) { where.append(" and kind = :kind"); p.put("kind", query.kind()); }
        Match m = query.match() == null ? Match.AUTO : query.match();
        if (q != null) {
            if (q.matches("\\d+")) {
                if (q.length() > 12) throw ApiException.badField("q", "a code has at most 12 digits");
                where.append(" and code like :qcode");
                p.put("qcode", q + "%");
                rank = "case when code = :qexact then 0 else 1 end";
                p.put("qexact", q);
            } else if (q.matches("[A-Za-z' ]+")) {
                String py = DivisionPinyin.normalise(q);
                if (py.isEmpty()) throw ApiException.badField("q", "has no letters");
                p.put("py", py);
                p.put("pyp", py + "%");
                if (m == Match.EXACT) where.append(" and (pinyin = :py or initials = :py)");
                else where.append(" and (pinyin like :pyp or initials like :pyp)");
                rank = "case when initials = :py or pinyin = :py then 0 else 1 end";
            } else {
                String like = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                p.put("q", q);
                p.put("qp", like + "%");
                p.put("qc", "%" + like + "%");
                switch (m) {
                    case EXACT -> where.append(" and (name = :q or short_name = :q)");
                    case PREFIX -> where.append(" and (name like :qp or short_name like :qp)");
                    default -> where.append(" and (name like :qc or name % :q)");
                }
                rank = "case when name = :q or short_name = :q then 0 when name like :qp then 1 when name like :qc then 2 else 3 end";
            }
        }
        String order = q != null && !q.matches("\\d+") && !q.matches("[A-Za-z' ]+")
                ? " order by r, level, similarity(name, :q) desc, code" : " order by r, level, code";
        List<Division> items = repo.page(where.toString(), rank, order, p, paging.limit(), paging.offset());
        long total = repo.count(where.toString(), p);
        return paging.page(items, total);
    }


    /** Every bad field of the query at once (400 naming them). */
    private static void validate(Query query, String q) {
        Validation v = new Validation();
        v.require(q == null || (q.length() >= 1 && q.length() <= 50), "q", "must be 1 to 50 characters");
        v.require(query.code() == null || query.code().matches("\\d{1,12}"), "code", "must be 1 to 12 digits (a code prefix)");
        v.require(query.level() == null || (query.level() >= 1 && query.level() <= 5), "level", "must be 1 to 5");
        v.require(query.parent() == null || DivisionNames.levelOf(query.parent()) > 0, "parent", "must be a division code");
        v.require(query.within() == null || DivisionNames.levelOf(query.within()) > 0, "within", "must be a division code");
        v.require(q != null || query.code() != null || query.parent() != null || query.within() != null || query.level() != null,
                "q", "give q, code, parent, within or level");
        v.throwIfInvalid();
    }

    static Match match(String value) {
        if (value == null || value.isBlank()) return Match.AUTO;
        try {
            return Match.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("match", "must be auto, exact, prefix or fuzzy");
        }
    }
}
