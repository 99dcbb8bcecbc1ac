package cn.civgeo.apiuse;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_code_use} table: requests per UTC day, caller and division code asked about. */
@Repository
class ApiUseRepository {
    private final JdbcClient jdbc;

    ApiUseRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Adds a batch of counts ({@code {LocalDate day, String client, String code, Long n}} per row) in one statement. */
    void add(List<Object[]> rows) {
        jdbc.sql("""
                insert into api_code_use(day, client, code, requests, last_at)
                select d, c, k, n, now() from unnest(cast(:days as date[]), cast(:clients as text[]), cast(:codes as text[]), cast(:ns as bigint[])) as u(d, c, k, n)
                on conflict (day, client, code) do update set requests = api_code_use.requests + excluded.requests, last_at = excluded.last_at""")
                .param("days", rows.stream().map(r -> java.sql.Date.valueOf((LocalDate) r[0])).toArray(java.sql.Date[]::new))
                .param("clients", rows.stream().map(r -> (String) r[1]).toArray(String[]::new))
                .param("codes", rows.stream().map(r -> (String) r[2]).toArray(String[]::new))
                .param("ns", rows.stream().map(r -> (Long) r[3]).toArray(Long[]::new))
                .update();
    }

    /** Requests per caller and code for codes starting with any of {@code codes} since the day, most first. */
    List<ApiUseService.Use> callers(Collection<String> codes, LocalDate since, int limit) {
        return jdbc.sql("""
                select client, code, sum(requests) as n, max(last_at) as last_at from api_code_use
                 where day >= :since and code like any (cast(:prefixes as text[]))
                 group by client, code order by n desc, client, code limit :limit""")
                .param("since", since).param("prefixes", codes.stream().map(c -> c + "%").toArray(String[]::new)).param("limit", limit)
                .query((rs, i) -> new ApiUseService.Use(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getObject(4, OffsetDateTime.class))).list();
    }
}
