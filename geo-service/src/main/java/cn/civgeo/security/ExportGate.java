package cn.civgeo.security;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.ProblemType;
import cn.civgeo.common.io.StreamedExport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Bulk exports: anonymous callers get at most {@code civgeo.fair-use.anonymous-export-rows} rows per export (413
 * naming the filter to narrow otherwise: sign in for more), and every export costs one fair-use unit per
 * {@value FairUse#ROWS_PER_UNIT} rows.
 */
@Component
public class ExportGate {
    /** What a streamed, paged export does, for the OpenAPI description of each export endpoint that uses {@link #stream}. */
    public static final String STREAMED_EXPORT_DOC = "The same columns import again. Rows are streamed from a database cursor "
            + "(memory does not grow with the export). Paging by key: `limit` rows after the cursor `after`; when more rows "
            + "follow, the answer carries `Link: <...after=...>; rel=\"next\"` (rows written between pages neither repeat nor get "
            + "skipped; `offset` still skips rows). Anonymous callers get at most 5,000 rows per answer (413 "
            + "naming `division` beyond); every 100 rows cost one more fair-use unit (429 with Retry-After when the caller's "
            + "budget does not hold them). Without `limit`, one answer holds up to 200,000 rows.";

    private final FairUse fairUse;
    private final int anonymousRows;
    private final StreamedExport streamed;

    ExportGate(FairUse fairUse, @Value("${civgeo.fair-use.anonymous-export-rows:5000}") int anonymousRows, StreamedExport streamed) {
        this.fairUse = fairUse;
        this.anonymousRows = anonymousRows;
        this.streamed = streamed;
    }

    /**
     * A streamed, paged export (csv or xlsx): the page ({@code limit}, default and cap the caller's bound;
     * {@code offset}) is counted first, refused over the anonymous bound or charged per row like {@link #check},
     * then streamed from a database cursor with {@code Link rel=next} when more rows follow.
     */
    public void stream(HttpServletRequest req, HttpServletResponse res, StreamedExport.Query query, Integer limit, Long offset,
                       String after, int max, String field, String base, String format, List<String> headers) throws IOException {
        String fmt = format == null ? "csv" : format.toLowerCase(java.util.Locale.ROOT);
        if (!fmt.equals("csv") && !fmt.equals("xlsx")) throw ApiException.badField("format", "must be csv or xlsx");
        StreamedExport.Page page = StreamedExport.Page.of(limit, offset, after, fetchLimit(max));
        StreamedExport.Counted counted = streamed.count(query, page);
        check(req, res, (int) Math.min(counted.rows(), page.limit()), field);
        streamed.write(res, base, fmt, headers, query, page, counted);
    }

    /** The most rows this caller may fetch: the export's own maximum, or the anonymous bound (+1 to detect more). */
    public int fetchLimit(int max) { return anonymous() ? Math.min(max, anonymousRows + 1) : max; }

    /** Refuses an anonymous export over the bound; charges the rows. {@code field} is the filter to narrow. */
    public void check(HttpServletRequest req, HttpServletResponse res, int rows, String field) {
        if (anonymous() && rows > anonymousRows) {
            String msg = "an anonymous export holds at most " + anonymousRows + " rows: narrow '" + field + "' or sign in";
            throw new ApiException(ProblemType.TOO_LARGE, field + ": " + msg, List.of(new FieldProblem(field, msg)),
                    Map.of("maxRows", anonymousRows));
        }
        fairUse.charge(req, res, FairUse.rowUnits(rows), "an export of " + rows + " rows");
    }

    private static boolean anonymous() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated();
    }
}
