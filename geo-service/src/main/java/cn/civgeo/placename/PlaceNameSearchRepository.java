package cn.civgeo.placename;

import cn.civgeo.common.Paging;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The statements of the place-name search: the bounds of its transaction and the search itself (SQL from PlaceNameSearch). */
@Repository
class PlaceNameSearchRepository {
    private final JdbcClient jdbc;

    PlaceNameSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For the current transaction only: the statement timeout (ms) and, when not null, pg_trgm's similarity threshold
     * (else the current one, or 0.3).
     */
    void boundTransaction(String timeoutMs, String similarityThreshold) {
        jdbc.sql("select set_config('statement_timeout', :t, true), set_config('pg_trgm.similarity_threshold', coalesce(:s,"
                        + " current_setting('pg_trgm.similarity_threshold', true), '0.3'), true)")
                .param("t", timeoutMs).param("s", similarityThreshold, java.sql.Types.VARCHAR)
                .query((rs, i) -> 0).single();
    }

    /** Runs the assembled search SQL with the query's values bound; {@code total[0]} receives the total count. */
    List<PlaceNameHit> hits(String sql, PlaceNameSearch.Query query, String q, String key, Paging paging, boolean near, long[] total) {
        JdbcClient.StatementSpec s = jdbc.sql(sql).param("q", q).param("like", PlaceNameSearch.escape(q)).param("key", key)
                .param("keyLike", PlaceNameSearch.escape(key))
                .param("limit", paging.limit()).param("offset", paging.offset());
        if (query.status() != null) s = s.param("status", query.status());
        if (query.category() != null) s = s.param("category", query.category());
        if (query.division() != null) s = s.param("division", query.division());
        if (query.bbox() != null) {
            s = s.param("minx", query.bbox()[0]).param("miny", query.bbox()[1]).param("maxx", query.bbox()[2]).param("maxy", query.bbox()[3]);
        }
        if (near) s = s.param("lon", query.lon()).param("lat", query.lat()).param("radius", query.radiusM() == null ? 1000.0 : query.radiusM());
        return s.query((rs, i) -> {
            total[0] = rs.getLong("total");
            return new PlaceNameHit(rs.getString("source"), (Long) rs.getObject("id", Long.class), rs.getString("code"), rs.getString("name"),
                    rs.getString("spelling"), rs.getString("pinyin"), rs.getString("category_code"), rs.getString("category_name"),
                    rs.getString("division_code"), rs.getString("status"), rs.getString("matched"), (Double) rs.getObject("score", Double.class),
                    (Double) rs.getObject("dist", Double.class), rs.getString("geometry"));
        }).list();
    }
}
