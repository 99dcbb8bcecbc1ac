package cn.civgeo.common;

/**
 * One bad field or row: {@code field} is a JSON-pointer-like path ({@code name}, {@code rows[3].lon}),
 * {@code row} the 1-based data row of an import (null otherwise).
 */
public record FieldProblem(String field, String message, Integer row) {
    public FieldProblem(String field, String message) { this(field, message, null); }
}
