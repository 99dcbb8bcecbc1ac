package cn.civgeo.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One bad field or row: {@code field} is a JSON-pointer-like path ({@code name}, {@code rows[3].lon}),
 * {@code row} the 1-based data row of an import (null otherwise), {@code label} the field's name in the user's
 * language (only in answers in Chinese; see {@link ProblemTexts}).
 */
public record FieldProblem(String field, String message, Integer row,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String label) {
    public FieldProblem(String field, String message) { this(field, message, null, null); }

    public FieldProblem(String field, String message, Integer row) { this(field, message, row, null); }
}
