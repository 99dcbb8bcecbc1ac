package cn.civgeo.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps non-multipart request bodies (JSON, CSV) at {@code civgeo.http.max-body-bytes}: 413 before the body is
 * read when Content-Length says so, and a cut-off with 413 when a chunked body runs past the limit.
 * Multipart uploads are capped by Spring's multipart settings instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;
    private final long maxUploadBytes;
    private final JsonMapper json;

    public BodySizeLimitFilter(@Value("${civgeo.http.max-body-bytes}") long maxBytes,
                               @Value("${spring.servlet.multipart.max-request-size:64MB}") org.springframework.util.unit.DataSize maxUpload,
                               JsonMapper json) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUpload.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String ct = req.getContentType();
        if (ct != null && ct.toLowerCase().startsWith("multipart/")) {
            // Refuse a declared oversized upload before reading a byte of it (a client sending Expect: 100-continue
            // never sends the body); chunked uploads are still cut by Spring's multipart limit.
            if (maxUploadBytes > 0 && req.getContentLengthLong() > maxUploadBytes) {
                writeTooLarge(res, maxUploadBytes, "file");
                return;
            }
            chain.doFilter(req, res);
            return;
        }
        if (req.getContentLengthLong() > maxBytes) {
            writeTooLarge(res, maxBytes, "body");
            return;
        }
        chain.doFilter(new LimitedRequest(req, maxBytes), res);
    }

    private void writeTooLarge(HttpServletResponse res, long max, String field) throws IOException {
        res.setStatus(ProblemType.TOO_LARGE.status().value());
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        String msg = "is larger than " + max + " bytes";
        json.writeValue(res.getOutputStream(), Problems.detail(ProblemType.TOO_LARGE, "The request " + field + " " + msg,
                java.util.List.of(new FieldProblem(field, msg)), java.util.Map.of("maxBytes", max)));
    }

    /** Thrown when a body without Content-Length grows past the limit; mapped to 413 by the handler. */
    public static class BodyTooLargeException extends ApiException {
        BodyTooLargeException(long max) {
            super(ProblemType.TOO_LARGE, "The request body is larger than " + max + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest req, long max) {
            super(req);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new Counting(super.getInputStream(), max);
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long count;

        Counting(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) bump(1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) bump(n);
            return n;
        }

        private void bump(long n) {
            count += n;
            if (count > max) throw new BodyTooLargeException(max);
        }

        @Override public boolean isFinished() { return in.isFinished(); }
        @Override public boolean isReady() { return in.isReady(); }
        @Override public void setReadListener(ReadListener l) { in.setReadListener(l); }
    }
}
