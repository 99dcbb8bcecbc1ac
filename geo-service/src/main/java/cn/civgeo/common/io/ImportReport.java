package cn.civgeo.common.io;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.ProblemType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What happened to every row of an import. In STRICT mode (the default) one rejected row rejects the import:
 * {@link #throwIfRejected()} answers 400 {@code import-rejected} naming each bad row, and the caller's transaction
 * rolls back. In PARTIAL mode good rows are written and bad ones reported.
 */
public record ImportReport(Mode mode, int total, int accepted, int rejected, boolean written, List<RowOutcome> rows) {

    public enum Mode {
        STRICT, PARTIAL;

        /** Parses the {@code mode} request parameter: null/"strict"/"all-or-nothing" or "partial". */
        public static Mode parse(String value) {
            if (value == null || value.isBlank()) return STRICT;
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "strict", "all-or-nothing", "all" -> STRICT;
                case "partial" -> PARTIAL;
                default -> throw ApiException.badField("mode", "must be 'strict' (all-or-nothing, default) or 'partial'");
            };
        }
    }

    /** One row: {@code status} is "accepted" or "rejected"; {@code id} what was created, if anything. */
    public record RowOutcome(int row, String status, Object id, List<FieldProblem> errors, Map<String, Object> info) {}

    public static Builder builder(Mode mode) { return new Builder(mode); }

    /** 400 with every rejected row when in STRICT mode and anything was rejected. */
    public void throwIfRejected() {
        if (mode == Mode.STRICT && rejected > 0) {
            List<FieldProblem> errors = rows.stream().filter(r -> "rejected".equals(r.status()))
                    .flatMap(r -> r.errors().stream()).toList();
            ImportReport notWritten = new ImportReport(mode, total, accepted, rejected, false, rows);
            throw new ApiException(ProblemType.IMPORT_REJECTED,
                    rejected + " of " + total + " rows are invalid; nothing was written (use mode=partial to import the valid rows)",
                    errors, Map.of("report", notWritten));
        }
    }

    public static final class Builder {
        private final Mode mode;
        private final List<RowOutcome> rows = new ArrayList<>();
        private int accepted;
        private int rejected;

        private Builder(Mode mode) { this.mode = mode; }

        public Mode mode() { return mode; }

        public Builder accept(int row, Object id) { return accept(row, id, Map.of()); }

        public Builder accept(int row, Object id, Map<String, Object> info) {
            rows.add(new RowOutcome(row, "accepted", id, List.of(), info == null ? Map.of() : new LinkedHashMap<>(info)));
            accepted++;
            return this;
        }

        public Builder reject(int row, String field, String message) {
            return reject(row, List.of(new FieldProblem(field, message, row)));
        }

        public Builder reject(int row, List<FieldProblem> errors) {
            List<FieldProblem> withRow = errors.stream().map(e -> new FieldProblem(e.field(), e.message(), row)).toList();
            rows.add(new RowOutcome(row, "rejected", null, withRow, Map.of()));
            rejected++;
            return this;
        }

        public int rejected() { return rejected; }

        public int accepted() { return accepted; }

        /** {@code written}: whether accepted rows were stored (false for a dry run or a rejected strict import). */
        public ImportReport build(boolean written) {
            return new ImportReport(mode, accepted + rejected, accepted, rejected, written, List.copyOf(rows));
        }
    }
}
