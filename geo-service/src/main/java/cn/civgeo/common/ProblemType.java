package cn.civgeo.common;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the API answers with, its HTTP status and its human title: the one list of error texts.
 * The {@code type} URI is stable; clients may switch on it.
 */
public enum ProblemType {
    VALIDATION(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "请求有误"),
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", "请求体格式有误"),
    IMPORT_REJECTED(HttpStatus.BAD_REQUEST, "import-rejected", "Import rejected; nothing was written", "导入被拒绝，未写入任何数据"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", "需要登录"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your role", "您的角色无权执行此操作"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found", "不存在"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed", "不支持该请求方法"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable", "无法提供所请求的格式"),
    VERSION_CONFLICT(HttpStatus.CONFLICT, "version-conflict", "Stale version: the record was changed by someone else", "版本已过期：该记录已被他人修改"),
    DUPLICATE(HttpStatus.CONFLICT, "duplicate", "Already exists", "已存在"),
    STATE_CONFLICT(HttpStatus.CONFLICT, "state-conflict", "Not possible in the record's current state", "记录当前的状态不允许此操作"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.valueOf(422), "idempotency-key-reused", "Idempotency-Key already used for another request", "该 Idempotency-Key 已用于另一个请求"),
    TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", "请求过大"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", "不支持的媒体类型"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Rate limit exceeded", "超出调用频率限制"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable", "暂时无法提供服务"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", "服务端内部错误");

    private static final String BASE = "https://civgeo.cn/problems/";

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final String titleZh;

    ProblemType(HttpStatus status, String slug, String title, String titleZh) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
        this.titleZh = titleZh;
    }

    public HttpStatus status() { return status; }
    public URI type() { return type; }
    public String title() { return title; }
    /** The title in Chinese (answers to requests whose Accept-Language prefers zh). */
    public String titleZh() { return titleZh; }
}
