package cn.civgeo.common.io;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.io.StreamedExport.Key;
import cn.civgeo.common.io.StreamedExport.Page;
import cn.civgeo.common.io.StreamedExport.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of a streamed export's page: the export's query wrapped with its key order, the cursor's condition and
 * limit/offset, read through a cursor of {@value StreamedExport#FETCH_SIZE} rows (inside the caller's read-only
 * transaction, so the driver does not load the whole result).
 */
@Repository
class StreamedExportRepository {
    private final NamedParameterJdbcTemplate jdbc;

    StreamedExportRepository(DataSource dataSource) {
        JdbcTemplate t = new JdbcTemplate(dataSource);
        t.setFetchSize(StreamedExport.FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(t);
    }

    /** The page's key columns, at most {@code limit} rows (the caller asks one more to know whether a page follows). */
    void keys(Query q, Page p, long limit, RowCallbackHandler each) {
        String keys = keyList(q);
        jdbc.query("select " + keys + " from (" + q.sql() + ") page" + where(q, p)
                + " order by " + keys + " limit :pageLimit offset :pageOffset", params(q, p, limit), each);
    }

    /** The page's rows, one at a time. */
    void rows(Query q, Page p, RowCallbackHandler each) {
        String keys = keyList(q);
        jdbc.query("select * from (" + q.sql() + ") page" + where(q, p) + " order by " + keys
                + " limit :pageLimit offset :pageOffset", params(q, p, p.limit()), each);
    }

    private static String keyList(Query q) {
        return String.join(", ", q.keys().stream().map(k -> "page." + k.column()).toList());
    }

    private static String where(Query q, Page p) {
        if (p.after() == null) return "";
        if (p.after().size() != q.keys().size()) throw ApiException.badField("after", "is not a cursor of this export (take it from the Link rel=next)");
        StringBuilder cols = new StringBuilder(), vals = new StringBuilder();
        for (int i = 0; i < q.keys().size(); i++) {
            Key k = q.keys().get(i);
            if (k.type().equals("bigint") && !p.after().get(i).matches("-?\\d{1,18}")) {
                throw ApiException.badField("after", "is not a cursor of this export (take it from the Link rel=next)");
            }
            cols.append(i == 0 ? "" : ", ").append("page.").append(k.column());
            vals.append(i == 0 ? "" : ", ").append(":pageAfter").append(i).append("::").append(k.type());
        }
        return " where (" + cols + ") > (" + vals + ")";
    }

    private static Map<String, Object> params(Query q, Page p, long limit) {
        Map<String, Object> m = new HashMap<>(q.params());
        m.put("pageLimit", limit);
        m.put("pageOffset", p.offset());
        if (p.after() != null) for (int i = 0; i < p.after().size(); i++) m.put("pageAfter" + i, p.after().get(i));
        return m;
    }
}
