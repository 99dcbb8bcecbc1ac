package cn.civgeo.common;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the API answers with, its HTTP status and its human title: the one list of error texts.
 * The {@code type} URI is stable; clients may switch on it.
 */
public enum ProblemType {
    VALIDATION(HttpStatus.BAD_REQUEST, "validation", "Invalid request"),
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body"),
    IMPORT_REJECTED(HttpStatus.BAD_REQUEST, "import-rejected", "Import rejected; nothing was written"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your role"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    VERSION_CONFLICT(HttpStatus.CONFLICT, "version-conflict", "Stale version: the record was changed by someone else"),
    DUPLICATE(HttpStatus.CONFLICT, "duplicate", "Already exists"),
    STATE_CONFLICT(HttpStatus.CONFLICT, "state-conflict", "Not possible in the record's current state"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.valueOf(422), "idempotency-key-reused", "Idempotency-Key already used for another request"),
    TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Rate limit exceeded"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");

    private static final String BASE = "https://civgeo.cn/problems/";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    public HttpStatus status() { return status; }
    public URI type() { return type; }
    public String title() { return title; }
}
