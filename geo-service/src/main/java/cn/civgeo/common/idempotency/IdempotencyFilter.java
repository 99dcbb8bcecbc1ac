package cn.civgeo.common.idempotency;

import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.ProblemType;
import cn.civgeo.common.Problems;
import cn.civgeo.common.idempotency.IdempotencyKeyRepository.Stored;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on API writes (POST, PUT, PATCH, DELETE under {@code /api/}, sign-in excepted): a client
 * that retries a write with the same key gets the first answer again and the write is applied once.
 *
 * <p>How: the request runs inside one database transaction that first inserts the key's row in
 * {@code idempotency_key} (per caller: the signed-in user or API client, else the client address); every
 * {@code @Transactional} service the request calls joins it, and the answer (status, body, Location/ETag/...)
 * is written to the row before the commit, and sent to the client only after it. So the key, the write and the
 * stored answer commit together or not at all: a request cut off by a failover (or an instance killed) leaves no
 * key behind and its retry runs afresh; a retry of a committed one is answered from the row, marked
 * {@code Idempotency-Replayed: true}. A second request with the key while the first runs waits on the row's lock
 * and then gets the stored answer. An answer of 400 or above is not stored and whatever the request wrote is rolled
 * back (a refused write changes nothing), so its retry runs again. The same key with another method, path or body
 * is 422 problem+json naming {@code Idempotency-Key}. Keys expire after {@code civgeo.idempotency.ttl-hours} (24).
 */
@Component
@Order(10) // after Spring Security's filter chain (-100): the caller is known; inside DatabaseGate (first)
class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Answer headers kept with the stored answer (per-request ones such as RateLimit-* are not). */
    private static final List<String> KEPT = List.of("Location", "ETag", "Last-Modified", "Content-Disposition",
            "Content-Language", "X-Total-Rows");

    private final IdempotencyKeyRepository keys;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final int ttlHours;

    IdempotencyFilter(IdempotencyKeyRepository keys, PlatformTransactionManager transactions, JsonMapper json,
                             @Value("${civgeo.idempotency.ttl-hours:24}") int ttlHours) {
        this.keys = keys;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.ttlHours = Math.max(1, ttlHours);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) {
        String p = req.getRequestURI();
        return req.getHeader(HEADER) == null || !METHODS.contains(req.getMethod()) || !p.startsWith("/api/")
                || p.startsWith("/api/auth/"); // sign-in failures must count (LoginThrottle), never be rolled back
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() { return true; }

    /** The request to hand on (its body read once for the fingerprint) and the fingerprint of method, path and body. */
    private record Fingerprinted(HttpServletRequest request, String fingerprint) {}

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String key = key(req);
        if (key == null) {
            problem(res, ProblemType.VALIDATION, "Idempotency-Key must be 1-255 visible ASCII characters (e.g. a UUID) / "
                    + "Idempotency-Key 须为 1-255 个可见 ASCII 字符（如 UUID）");
            return;
        }
        String caller = caller(req);
        String path = req.getRequestURI();
        Fingerprinted f = fingerprint(req, path);
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(res);
        if (ThreadLocalRandom.current().nextInt(100) == 0) keys.deleteExpired();
        Stored replay;
        try {
            replay = tx.execute(status -> once(status, chain, f, wrapper, caller, key, req.getMethod(), path));
        } catch (WrappedServletException e) {
            throw (ServletException) e.getCause();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            // The commit (or the key's insert) failed: nothing was applied, and the client must not see the answer.
            wrapper.resetBuffer();
            throw e;
        }
        if (replay != null) {
            replay(res, replay, req, f.fingerprint(), key);
            return;
        }
        wrapper.copyBodyToResponse();
    }

    /** The key without surrounding quotes, or null when it is not 1-255 visible ASCII characters. */
    private static String key(HttpServletRequest req) {
        String key = req.getHeader(HEADER).strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) key = key.substring(1, key.length() - 1);
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) return null;
        return key;
    }

    /** SHA-256 of method, path, query and body (multipart: each part's name, file name and bytes; forms: sorted fields). */
    private static Fingerprinted fingerprint(HttpServletRequest req, String path) throws ServletException, IOException {
        HttpServletRequest request = req;
        MessageDigest digest = sha256();
        digest.update((req.getMethod() + " " + path + "?" + (req.getQueryString() == null ? "" : req.getQueryString()) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            for (Part part : req.getParts()) { // parsed once by the container; the controller reads the same parts
                digest.update((part.getName() + "\0" + part.getSubmittedFileName() + "\0").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = part.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            new TreeMap<>(req.getParameterMap()).forEach((k, v) -> digest.update((k + "=" + String.join(",", v) + "&")
                    .getBytes(StandardCharsets.UTF_8)));
        } else {
            byte[] body = req.getInputStream().readAllBytes();
            digest.update(body);
            request = new Replay(req, body);
        }
        return new Fingerprinted(request, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * Inside the request's transaction: the key's row inserted, then the request run and its answer stored (null
     * returned); or, when the key exists, its stored answer (to replay). An answer of 400 or above rolls back.
     */
    private Stored once(TransactionStatus status, FilterChain chain, Fingerprinted f, ContentCachingResponseWrapper wrapper,
                        String caller, String key, String method, String path) {
        keys.deleteExpired(caller, key);
        // Waits here while a request with the same key is running, then sees its stored answer.
        int fresh = keys.insert(caller, key, f.fingerprint(), method, path, ttlHours);
        if (fresh == 0) return keys.stored(caller, key);
        try {
            chain.doFilter(f.request(), wrapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new WrappedServletException(e);
        }
        int code = wrapper.getStatus();
        if (code >= 400 || status.isRollbackOnly()) {
            status.setRollbackOnly();
            return null;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String h : KEPT) if (wrapper.getHeader(h) != null) kept.put(h, wrapper.getHeader(h));
        keys.storeAnswer(caller, key, code, wrapper.getContentType(), json.writeValueAsString(kept), wrapper.getContentAsByteArray());
        return null;
    }

    private void replay(HttpServletResponse res, Stored s, HttpServletRequest req, String fingerprint, String key) throws IOException {
        if (!s.fingerprint().equals(fingerprint)) {
            res.setStatus(422);
            res.setContentType("application/problem+json");
            res.setCharacterEncoding("UTF-8");
            json.writeValue(res.getOutputStream(), Problems.detail(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key " + key + " was used for another request (" + s.method() + " " + s.path() + " or another body); "
                            + "use a new key for a new request / 该 Idempotency-Key 已用于另一请求，新请求请用新键",
                    List.of(new FieldProblem(HEADER, "already used for a different request / 已用于不同的请求", null)), null));
            return;
        }
        res.setStatus(s.status());
        if (s.contentType() != null) res.setContentType(s.contentType());
        if (s.headers() != null) {
            json.readTree(s.headers()).properties().forEach(e -> res.setHeader(e.getKey(), e.getValue().asString()));
        }
        res.setHeader("Idempotency-Replayed", "true");
        if (s.body() != null) {
            res.setContentLength(s.body().length);
            res.getOutputStream().write(s.body());
        }
    }

    private void problem(HttpServletResponse res, ProblemType type, String detail) throws IOException {
        res.setStatus(type.status().value());
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        json.writeValue(res.getOutputStream(), Problems.detail(type, detail, List.of(new FieldProblem(HEADER, detail, null)), null));
    }

    private static String caller(HttpServletRequest req) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken) && a.getName() != null) {
            return "user:" + a.getName();
        }
        return "address:" + req.getRemoteAddr();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class WrappedServletException extends RuntimeException {
        WrappedServletException(ServletException e) { super(e); }
    }

    /** The request with its body read once (for the fingerprint) and handed on again. */
    private static final class Replay extends HttpServletRequestWrapper {
        private final byte[] body;

        Replay(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException(); }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), getCharacterEncoding() == null
                    ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }

        @Override
        public int getContentLength() { return body.length; }

        @Override
        public long getContentLengthLong() { return body.length; }
    }
}
