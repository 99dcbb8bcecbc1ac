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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Exports streamed from the database and paged. The rows are read through a cursor ({@value #FETCH_SIZE} at a
 * time, in a read-only transaction so the PostgreSQL driver does not load the whole result) and written to the
 * answer as they come: CSV leaves at once, xlsx goes through SXSSF (200 rows in memory, the rest on disk), so
 * memory does not grow with the export. Paging is by key ({@code limit} rows after the cursor {@code after}, in the
 * export's unique key order); when more rows follow, the answer carries {@code Link: <…after=…>; rel="next"}, the
 * key of its last row, so rows written between pages neither repeat nor get skipped. Before the first byte, the
 * page's keys are read (up to limit + 1, to know whether a next page exists and where it starts), so the caller's
 * bound and fair-use cost are decided on the real number of rows before anything is written.
 */
@Component
public class StreamedExport {
    public static final int FETCH_SIZE = 1000;

    /** One row of the result set as cell values. */
    @FunctionalInterface
    public interface Columns {
        List<?> row(ResultSet rs) throws SQLException;
    }

    /**
     * One column of the export's order: an output column of the query (never null: coalesce it), compared as
     * {@code text} or {@code bigint}. The keys together are unique (end in the id).
     */
    public record Key(String column, String type) {
        public Key {
            if (!column.matches("[a-z_][a-z0-9_]*") || !(type.equals("text") || type.equals("bigint"))) {
                throw new IllegalArgumentException("key " + column + " " + type);
            }
        }
        public static Key text(String column) { return new Key(column, "text"); }
        public static Key bigint(String column) { return new Key(column, "bigint"); }
    }

    /**
     * An export query: SQL without order/limit whose output columns include the {@code keys} (extra trailing columns
     * that {@code columns} does not read), its parameters and how a row becomes cells. The rows come in key order.
     */
    public record Query(String sql, Map<String, ?> params, Columns columns, List<Key> keys) {
        public Query {
            if (keys.isEmpty()) throw new IllegalArgumentException("an export needs a unique order");
            keys = List.copyOf(keys);
        }
    }

    /**
     * The rows asked for: after the cursor {@code after} (the key of the previous page's last row, from its Link), at
     * most {@code limit}; {@code offset} (the older way to page) skips rows after that.
     */
    public record Page(long offset, int limit, List<String> after) {
        /** {@code limit} defaults to (and is capped at) {@code max}, the caller's bound for one answer. */
        public static Page of(Integer limit, Long offset, int max) { return of(limit, offset, null, max); }

        public static Page of(Integer limit, Long offset, String after, int max) {
            if (limit != null && limit < 1) throw ApiException.badField("limit", "must be at least 1");
            if (offset != null && offset < 0) throw ApiException.badField("offset", "must not be negative");
            return new Page(offset == null ? 0 : offset, limit == null ? max : Math.min(limit, max), Cursor.decode(after));
        }
    }

    /** How many rows the page holds (at most limit + 1: more than limit means another page follows) and its last row's key. */
    public record Counted(long rows, List<String> lastKey) {}

    private final StreamedExportRepository pages;
    private final TransactionTemplate readOnly;

    StreamedExport(StreamedExportRepository pages, PlatformTransactionManager transactions) {
        this.pages = pages;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /** Rows of the page, counting at most limit + 1 (more than limit: another page follows), and the key of its last row. */
    public Counted count(Query q, Page p) {
        long[] n = {0};
        List<String>[] last = new List[]{null};
        readOnly.executeWithoutResult(s -> pages.keys(q, p, p.limit() + 1L, rs -> {
            if (++n[0] > p.limit()) return;
            List<String> key = new java.util.ArrayList<>(q.keys().size());
            for (int i = 1; i <= q.keys().size(); i++) key.add(rs.getString(i));
            last[0] = key;
        }));
        return new Counted(n[0], last[0]);
    }

    /**
     * Writes the page as CSV (UTF-8 with BOM, formula starts neutralised) or xlsx, with the Link to the next page
     * when {@code counted} (from {@link #count}) says there is one.
     */
    public void write(HttpServletResponse res, String base, String format, List<String> headers, Query q, Page p, Counted counted)
            throws IOException {
        String fmt = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("csv") && !fmt.equals("xlsx")) throw ApiException.badField("format", "must be csv or xlsx");
        if (counted.rows() > p.limit()) {
            // Keyset paging: the next page starts after this page's last row, so rows written meanwhile before it
            // neither repeat nor push rows out of the next page (as an offset would).
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("offset").replaceQueryParam("after", Cursor.encode(counted.lastKey()))
                    .replaceQueryParam("limit", p.limit()).build().toUriString();
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
        readOnly.executeWithoutResult(s -> pages.rows(q, p, rs -> sink.accept(q.columns().row(rs))));
    }

    /** The cursor in URLs: the key's values as a JSON array of strings, base64url without padding. */
    public static final class Cursor {
        private Cursor() {}

        private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

        public static String encode(List<String> key) {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(key));
        }

        public static List<String> decode(String after) {
            if (after == null || after.isBlank()) return null;
            try {
                tools.jackson.databind.JsonNode n = JSON.readTree(java.util.Base64.getUrlDecoder().decode(after.strip()));
                if (!n.isArray() || n.isEmpty()) throw new IllegalArgumentException();
                List<String> out = new java.util.ArrayList<>();
                for (tools.jackson.databind.JsonNode v : n) {
                    if (!v.isString()) throw new IllegalArgumentException();
                    out.add(v.asString());
                }
                return out;
            } catch (RuntimeException e) {
                throw ApiException.badField("after", "is not a cursor of this export (take it from the Link rel=next)");
            }
        }
    }
}
