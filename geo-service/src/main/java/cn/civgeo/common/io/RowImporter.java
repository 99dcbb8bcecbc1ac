package cn.civgeo.common.io;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the rows of an import one by one in a single transaction, each row in its own savepoint, so a bad row
 * is reported without losing the others' work in partial mode, and a strict import with any bad row rolls back
 * whole (400 naming every bad row).
 */
@Component
public class RowImporter {
    /** What a stored row produced: its id and a few fields for the report. */
    public record Stored(Object id, Map<String, Object> info) {}

    private final TransactionTemplate outer;
    private final TransactionTemplate savepoint;

    public RowImporter(PlatformTransactionManager tm) {
        this.outer = new TransactionTemplate(tm);
        this.savepoint = new TransactionTemplate(tm);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public ImportReport run(Tabular table, ImportReport.Mode mode, Function<Tabular.DataRow, Stored> write) {
        return outer.execute(status -> {
            ImportReport.Builder b = ImportReport.builder(mode);
            for (Tabular.DataRow row : table.rows()) {
                try {
                    Stored s = savepoint.execute(tx -> write.apply(row));
                    b.accept(row.rowNumber(), s.id(), s.info());
                } catch (ApiException e) {
                    b.reject(row.rowNumber(), e.errors().isEmpty() ? List.of(new FieldProblem("row", e.getMessage())) : e.errors());
                } catch (RuntimeException e) {
                    b.reject(row.rowNumber(), "row", reason(e));
                }
            }
            ImportReport report = b.build(mode == ImportReport.Mode.PARTIAL || b.rejected() == 0);
            report.throwIfRejected();
            return report;
        });
    }

    /** Why a row failed without leaking SQL or constraint names into the answer. */
    private static String reason(RuntimeException e) {
        if (e instanceof DataIntegrityViolationException) return "conflicts with an existing record or a registry rule";
        return "could not be stored (" + e.getClass().getSimpleName() + ")";
    }
}
