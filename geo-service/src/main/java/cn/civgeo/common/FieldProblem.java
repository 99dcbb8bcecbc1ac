package cn.civgeo.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One bad field or row: {@code field} is a JSON-pointer-like path ({@code name}, {@code rows[3].lon}),
 * {@code row} the 1-based data row of an import (null otherwise), {@code label} the field's name in the user's
 * language (only in answers in Chinese), {@code key} the stable key of the message ({@code messages/problems.tsv};
 * the same in every language). See {@link ProblemTexts}.
 *
 * <p>Written out in the language of the request that reads it: an error without a key yet (a row of a partial
 * import's report, a validation list) gets its key, and in Chinese its translated message and label, when it is
 * serialised. The code builds errors in English and never translates them itself.
 */
@JsonSerialize(using = FieldProblem.Json.class)
public record FieldProblem(String field, String message, Integer row,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String label,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String key) {
    public FieldProblem(String field, String message) { this(field, message, null, null, null); }

    public FieldProblem(String field, String message, Integer row) { this(field, message, row, null, null); }

    /** Writes the error in the current request's language (English outside a request). */
    static final class Json extends ValueSerializer<FieldProblem> {
        @Override
        public void serialize(FieldProblem value, JsonGenerator g, SerializationContext ctxt) {
            FieldProblem e = ProblemTexts.localize(value, ProblemTexts.requestLang());
            g.writeStartObject();
            if (e.field() != null) g.writeStringProperty("field", e.field());
            if (e.message() != null) g.writeStringProperty("message", e.message());
            if (e.row() != null) g.writeNumberProperty("row", e.row().intValue());
            if (e.label() != null) g.writeStringProperty("label", e.label());
            if (e.key() != null) g.writeStringProperty("key", e.key());
            g.writeEndObject();
        }
    }
}
