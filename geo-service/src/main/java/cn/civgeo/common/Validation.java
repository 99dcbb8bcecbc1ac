package cn.civgeo.common;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems so a request reports all of them at once, then throws if any. */
public final class Validation {
    private final List<FieldProblem> problems = new ArrayList<>();

    public Validation require(boolean ok, String field, String message) {
        if (!ok) problems.add(new FieldProblem(field, message));
        return this;
    }

    public Validation notBlank(String value, String field) {
        return require(value != null && !value.isBlank(), field, "must not be blank");
    }

    public Validation add(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    public boolean ok() { return problems.isEmpty(); }

    public List<FieldProblem> problems() { return List.copyOf(problems); }

    public void throwIfInvalid() {
        if (!problems.isEmpty()) throw ApiException.invalid(problems);
    }
}
