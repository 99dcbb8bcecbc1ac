package cn.civgeo.common;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns exceptions into RFC 9457 problem details. A user's mistake is always a 4xx naming
 * the field; anything unexpected is a 500 whose body carries no stack trace, SQL or message.
 */
@RestControllerAdvice
class GlobalExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    private final DatabaseGate database;

    public GlobalExceptionHandler(DatabaseGate database) {
        this.database = database;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        HttpHeaders h = null;
        if (e.extra().get("retryAfterSeconds") instanceof Number n) {
            h = new HttpHeaders();
            h.set(HttpHeaders.RETRY_AFTER, Long.toString(n.longValue()));
        }
        return Problems.response(e.type(), e.getMessage(), e.errors(), e.extra(), h);
    }

    @ExceptionHandler(AuthorizationDeniedException.class)
    ResponseEntity<Object> denied(AuthorizationDeniedException e) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return Problems.response(ProblemType.UNAUTHENTICATED,
                    "Sign in (Authorization: Bearer or Basic) to do this", null, null, null);
        }
        return Problems.response(ProblemType.FORBIDDEN,
                "Your roles " + auth.getAuthorities() + " do not allow this action", null, null, null);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return Problems.response(ProblemType.VALIDATION, summary(errors), errors, null, null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        // A unique or check constraint the service did not pre-check: still the user's input, never a 500.
        String msg = String.valueOf(e.getMostSpecificCause().getMessage());
        log.info("integrity violation: {}", msg);
        if (msg.contains("duplicate key")) {
            return Problems.response(ProblemType.DUPLICATE, "A record with the same key already exists", null, null, null);
        }
        return Problems.response(ProblemType.VALIDATION, "The data breaks a rule of the registry", null, null, null);
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<Object> dbDown(DataAccessResourceFailureException e) {
        return unavailable(e);
    }

    private ResponseEntity<Object> unavailable(Exception e) {
        log.warn("database unavailable: {}", e.toString());
        database.markDown(e);
        HttpHeaders h = new HttpHeaders();
        h.set(HttpHeaders.RETRY_AFTER, String.valueOf(database.retryAfterSeconds()));
        return Problems.response(ProblemType.UNAVAILABLE, "The database is not reachable; try again in a few seconds", null,
                Map.of("retryAfterSeconds", database.retryAfterSeconds()), h);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        // Connection failures come wrapped in many types (CannotCreateTransactionException, UncategorizedSQLException
        // with SQL state 08..., a job's RuntimeException): a database that went away is a 503, never a 500.
        if (DatabaseGate.isUnavailable(e)) return unavailable(e);
        log.error("unexpected error", e);
        return Problems.response(ProblemType.INTERNAL, "Something went wrong on our side; it has been logged", null, null,
                null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(fe.getField(), fe.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(new FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
        return Problems.response(ProblemType.VALIDATION, summary(errors), errors, null, null);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return Problems.response(ProblemType.VALIDATION, summary(errors), errors, null, null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // a value of the wrong type (text for a number): the field is named in errors[] too, as for any bad field
        String field = badField(ex);
        List<FieldProblem> errors = field == null ? null : List.of(new FieldProblem(field, "has the wrong type or format"));
        return Problems.response(ProblemType.MALFORMED_BODY, readableReason(ex), errors, null, null);
    }

    private static String badField(HttpMessageNotReadableException ex) {
        String r = readableReason(ex);
        int i = r.indexOf(": has the wrong type or format");
        return i > 0 ? r.substring(0, i) : null;
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = List.of(new FieldProblem(ex.getParameterName(), "is required"));
        return Problems.response(ProblemType.VALIDATION, summary(errors), errors, null, null);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = List.of(new FieldProblem(ex.getRequestPartName(), "is required"));
        return Problems.response(ProblemType.VALIDATION, summary(errors), errors, null, null);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.response(ProblemType.TOO_LARGE, "The upload is larger than the limit of this service", null, null,
                null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        List<FieldProblem> errors = List.of(new FieldProblem(e.getName(), "'" + e.getValue() + "' is not a valid " + expected));
        return Problems.response(ProblemType.VALIDATION, summary(errors), errors, null, null);
    }

    /** Everything else Spring MVC raises (404 no handler, 405, 415, ...) keeps its status and gets our type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemType type = Problems.forStatus(statusCode.value());
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : type.title();
        ResponseEntity<Object> r = Problems.response(type, detail, null, null, headers);
        return ResponseEntity.status(statusCode).headers(r.getHeaders()).body(r.getBody());
    }

    private static String readableReason(HttpMessageNotReadableException ex) {
        Throwable c = ex.getMostSpecificCause();
        String name = c.getClass().getSimpleName();
        if (name.contains("Parse") || name.contains("EOF") || name.contains("StreamRead")) {
            return "The body is not valid JSON";
        }
        if (c instanceof tools.jackson.databind.DatabindException de && !de.getPath().isEmpty()) {
            String field = de.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            return field + ": has the wrong type or format";
        }
        return "The body could not be read";
    }

    private static String lastNode(String path) {
        int i = path.lastIndexOf('.');
        return i < 0 ? path : path.substring(i + 1);
    }

    private static String summary(List<FieldProblem> errors) {
        if (errors.isEmpty()) return ProblemType.VALIDATION.title();
        if (errors.size() == 1) return errors.get(0).field() + ": " + errors.get(0).message();
        return errors.size() + " fields are invalid: " + String.join(", ", errors.stream().map(FieldProblem::field).toList());
    }

    static Map<String, Object> none() { return Map.of(); }
}
