package cn.civgeo.boundary;

import cn.civgeo.boundary.BoundarySearchService.Hit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@link BoundarySearchService}: lines by code or name, markers by number. */
@Repository
class BoundarySearchRepository {
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

    BoundarySearchRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /**
     * Up to {@code limit} lines and up to {@code limit} markers: {@code code} (LIKE-escaped, upper case) a prefix of
     * the line code or marker number, {@code name} (LIKE-escaped) within the line name once any of {@code dashes} is
     * read as —.
     */
    List<Hit> search(String code, String name, String dashes, int limit) {
        return jdbc.sql(SQL).param("code", code).param("name", name).param("dashes", dashes).param("limit", limit)
                .query((rs, i) -> new Hit(rs.getString("kind"), rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getLong("line_id"), rs.getDouble("lon"), rs.getDouble("lat"),
                        new double[] {rs.getDouble("x0"), rs.getDouble("y0"), rs.getDouble("x1"), rs.getDouble("y1")}))
                .list();
    }
}
