package cn.civgeo.common;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Errors raised outside Spring MVC (a filter parsing an oversized multipart body, Tomcat refusing a request) reach
 * the servlet container's {@code /error} page: answer those as problem details too, instead of Boot's own JSON.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class ProblemErrorController implements ErrorController {
    private final DatabaseGate database;

    ProblemErrorController(DatabaseGate database) {
        this.database = database;
    }

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest req) {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Called directly (GET /error), there is no error to report.
        int status = code instanceof Integer i ? i : 404;
        Throwable t = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (t != null && DatabaseGate.isUnavailable(t)) {
            // A filter (sign-in, fair use) found the database away: 503 with Retry-After, as everywhere else.
            database.markDown(t);
            ResponseEntity<Object> r = Problems.response(ProblemType.UNAVAILABLE,
                    "The database is not reachable; try again in a few seconds", null,
                    java.util.Map.of("retryAfterSeconds", database.retryAfterSeconds()), null);
            return ResponseEntity.status(503).headers(r.getHeaders())
                    .header("Retry-After", String.valueOf(database.retryAfterSeconds())).body(r.getBody());
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MaxUploadSizeExceededException || c.getClass().getSimpleName().contains("SizeLimitExceeded")
                    || c.getClass().getSimpleName().contains("FileCountLimitExceeded")) {
                status = 413;
                break;
            }
        }
        ProblemType type = Problems.forStatus(status);
        String detail = switch (status) {
            case 413 -> "The upload is larger than the limit of this service";
            case 404 -> "No such resource";
            default -> type.title();
        };
        ResponseEntity<Object> r = status == 413
                ? Problems.response(ProblemType.TOO_LARGE, detail, java.util.List.of(new FieldProblem("file", detail)), null, null)
                : Problems.response(type, detail, null, null, null);
        return ResponseEntity.status(status).headers(r.getHeaders()).body(r.getBody());
    }
}
