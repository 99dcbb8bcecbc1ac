package cn.civgeo.common;

import java.util.List;
import java.util.Map;

/** A user-facing failure, answered as a problem detail of the given type. */
public class ApiException extends RuntimeException {
    private final ProblemType type;
    private final List<FieldProblem> errors;
    private final Map<String, Object> extra;

    public ApiException(ProblemType type, String detail) { this(type, detail, List.of(), Map.of()); }

    public ApiException(ProblemType type, String detail, List<FieldProblem> errors) { this(type, detail, errors, Map.of()); }

    public ApiException(ProblemType type, String detail, List<FieldProblem> errors, Map<String, Object> extra) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.extra = Map.copyOf(extra);
    }

    public static ApiException badField(String field, String message) {
        return new ApiException(ProblemType.VALIDATION, field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    public static ApiException invalid(List<FieldProblem> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiException(ProblemType.VALIDATION, detail, errors);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ApiException staleVersion(String what, Object id, long expected) {
        return new ApiException(ProblemType.VERSION_CONFLICT,
                what + " " + id + " is not at version " + expected + "; reload it and apply your change again");
    }

    public static ApiException conflict(String detail) { return new ApiException(ProblemType.STATE_CONFLICT, detail); }

    public static ApiException duplicate(String detail) { return new ApiException(ProblemType.DUPLICATE, detail); }

    public ProblemType type() { return type; }
    public List<FieldProblem> errors() { return errors; }
    public Map<String, Object> extra() { return extra; }
}
