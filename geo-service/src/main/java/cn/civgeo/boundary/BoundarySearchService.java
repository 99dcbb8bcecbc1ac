package cn.civgeo.boundary;

import cn.civgeo.common.ApiException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * The search box's boundary hits: line code (prefix), line name (contains; any dash between the two division names
 * matches: 思明区-湖里区线, 思明区—湖里区线, 思明区–湖里区线) and marker number (prefix). Lines answer their middle
 * point (along the line) and extent; markers their position. Superseded lines and removed markers are not found.
 */
@Service
class BoundarySearchService {
    public record Hit(String kind, long id, String code, String name, Long lineId, double lon, double lat, double[] bbox) {}

    private static final String DASHES = "[-‐‑‒–—―－~～]";
    private final BoundarySearchRepository repo;

    BoundarySearchService(BoundarySearchRepository repo) { this.repo = repo; }

    public List<Hit> search(String q, Integer limit) {
        if (q == null || q.isBlank()) throw ApiException.badField("q", "is required");
        if (q.length() > 100) throw ApiException.badField("q", "must be at most 100 characters");
        int n = limit == null ? 10 : Math.max(1, Math.min(limit, 50));
        String s = q.strip();
        String code = s.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        String name = s.replaceAll(DASHES, "—");
        // LIKE wildcards in the query are taken literally
        code = code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        name = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return repo.search(code, name, DASHES, n)
                .stream().limit(n).toList();
    }
}
