package cn.civgeo.common.io;

import cn.civgeo.common.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Exports streamed from the database and paged. The rows are read through a cursor ({@value #FETCH_SIZE} at a
 * time, in a read-only transaction so the PostgreSQL driver does not load the whole result) and written to the
 * answer as they come: CSV leaves at once, xlsx goes through SXSSF (200 rows in memory, the rest on disk), so
 * memory does not grow with the export. Paging is {@code limit} + {@code offset} over the export's total order
 * (which ends in a unique key); when more rows follow, the answer carries {@code Link: <…offset=…>; rel="next"}.
 * Before the first byte, the page's rows are counted (up to limit + 1, to know whether a next page exists), so the
 * caller's bound and fair-use cost are decided on the real number of rows before anything is written.
 */
@Component
public class StreamedExport {
    public static final int FETCH_SIZE = 1000;

    /** One row of the result set as cell values. */
    @FunctionalInterface
    public interface Columns {
        List<?> row(ResultSet rs) throws SQLException;
    }

    /** An export query: SQL without limit/offset, totally ordered (ending in a unique key), its parameters and columns. */
    public record Query(String sql, Map<String, ?> params, Columns columns) {}

    /** The rows asked for: from {@code offset}, at most {@code limit}. */
    public record Page(long offset, int limit) {
        /** {@code limit} defaults to (and is capped at) {@code max}, the caller's bound for one answer. */
        public static Page of(Integer limit, Long offset, int max) {
            if (limit != null && limit < 1) throw ApiException.badField("limit", "must be at least 1");
            if (offset != null && offset < 0) throw ApiException.badField("offset", "must not be negative");
            return new Page(offset == null ? 0 : offset, limit == null ? max : Math.min(limit, max));
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    StreamedExport(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate t = new JdbcTemplate(dataSource);
        t.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(t);
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /** Rows of the page, counting at most limit + 1 (more than limit: another page follows). */
    public long count(Query q, Page p) {
        Long n = jdbc.queryForObject("select count(*) from (" + q.sql() + " limit :pageLimit offset :pageOffset) page",
                params(q, p.limit() + 1L, p.offset()), Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Writes the page as CSV (UTF-8 with BOM, formula starts neutralised) or xlsx, with the Link to the next page
     * when {@code counted} (from {@link #count}) says there is one.
     */
    public void write(HttpServletResponse res, String base, String format, List<String> headers, Query q, Page p, long counted)
            throws IOException {
        String fmt = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("csv") && !fmt.equals("xlsx")) throw ApiException.badField("format", "must be csv or xlsx");
        if (counted > p.limit()) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("offset", p.offset() + p.limit()).replaceQueryParam("limit", p.limit())
                    .build().toUriString();
            res.addHeader(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        res.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + base + "." + fmt + "\"");
        res.setContentType(fmt.equals("csv") ? "text/csv;charset=UTF-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        OutputStream out = new BufferedOutputStream(res.getOutputStream(), 32 * 1024);
        if (fmt.equals("csv")) {
            out.write(("\uFEFF" + SafeCells.csvLine(headers)).getBytes(StandardCharsets.UTF_8));
            rows(q, p, r -> {
                try {
                    out.write(SafeCells.csvLine(r).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } else {
            Tabular.writeXlsx(out, base, headers, sink -> rows(q, p, sink));
        }
        out.flush();
    }

    /** The page's rows, one at a time, from a cursor. */
    public void rows(Query q, Page p, java.util.function.Consumer<List<?>> sink) {
        readOnly.executeWithoutResult(s -> jdbc.query(q.sql() + " limit :pageLimit offset :pageOffset",
                params(q, p.limit(), p.offset()), (org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(q.columns().row(rs))));
    }

    private static Map<String, Object> params(Query q, long limit, long offset) {
        Map<String, Object> m = new HashMap<>(q.params());
        m.put("pageLimit", limit);
        m.put("pageOffset", offset);
        return m;
    }
}
