package cn.civgeo.division;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements of {@link DivisionSearch}: one page of the units matching its filter (a {@code where} clause with
 * named parameters, built there from fixed fragments, never from request text) and their number.
 */
@Repository
class DivisionSearchRepository {
    private final JdbcClient jdbc;

    DivisionSearchRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** The units matching {@code where}, ranked by {@code rank} then {@code order}, one page of them. */
    List<Division> page(String where, String rank, String order, Map<String, Object> params, int limit, int offset) {
        String sql = "select " + DivisionRepository.COLS + ", " + rank + " as r from division d" + where + order
                + " limit :limit offset :offset";
        JdbcClient.StatementSpec s = apply(jdbc.sql(sql), params).param("limit", limit).param("offset", offset);
        return s.query(DivisionRepository::map).list();
    }

    /** How many units match {@code where}. */
    long count(String where, Map<String, Object> params) {
        return apply(jdbc.sql("select count(*) from division d" + where), params).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec apply(JdbcClient.StatementSpec s, Map<String, Object> params) {
        for (var e : params.entrySet()) s = s.param(e.getKey(), e.getValue());
        return s;
    }
}
