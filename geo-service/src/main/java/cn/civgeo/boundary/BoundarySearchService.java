package cn.civgeo.boundary;

import cn.civgeo.common.ApiException;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The search box's boundary hits: line code (prefix), line name (contains; any dash between the two division names
 * matches: 思明区-湖里区线, 思明区—湖里区线, 思明区–湖里区线) and marker number (prefix). Lines answer their middle
 * point (along the line) and extent; markers their position. Superseded lines and removed markers are not found.
 */
@Service
public class BoundarySearchService {
    public record Hit(String kind, long id, String code, String name, Long lineId, double lon, double lat, double[] bbox) {}

    private static final String DASHES = "[-‐‑‒–—―－~～]";
    private static final String SQL = """
            (select 'line' as kind, l.id, l.code, l.name, l.id as line_id,
                    ST_X(ST_LineInterpolatePoint(boundary_line_path(l.geom), 0.5)) as lon,
                    ST_Y(ST_LineInterpolatePoint(boundary_line_path(l.geom), 0.5)) as lat,
                    ST_XMin(l.geom) x0, ST_YMin(l.geom) y0, ST_XMax(l.geom) x1, ST_YMax(l.geom) y1
               from boundary_line l
              where l.status <> 'superseded'
                and (l.code like :code || '%' or regexp_replace(l.name, :dashes, '—', 'g') like '%' || :name || '%')
              order by (l.code = :code) desc, l.level, l.code limit :limit)
            union all
            (select 'marker', k.id, k.number, l.name, k.line_id, ST_X(k.geom), ST_Y(k.geom),
                    ST_X(k.geom), ST_Y(k.geom), ST_X(k.geom), ST_Y(k.geom)
               from boundary_marker k join boundary_line l on l.id = k.line_id
              where k.status <> 'removed' and k.number like :code || '%' and length(:code) >= 4
              order by (k.number = :code) desc, k.number limit :limit)""";

    private final JdbcClient jdbc;

    BoundarySearchService(JdbcClient jdbc) { this.jdbc = jdbc; }

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
        return jdbc.sql(SQL).param("code", code).param("name", name).param("dashes", DASHES).param("limit", n)
                .query((rs, i) -> new Hit(rs.getString("kind"), rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getLong("line_id"), rs.getDouble("lon"), rs.getDouble("lat"),
                        new double[] {rs.getDouble("x0"), rs.getDouble("y0"), rs.getDouble("x1"), rs.getDouble("y1")}))
                .list().stream().limit(n).toList();
    }
}
