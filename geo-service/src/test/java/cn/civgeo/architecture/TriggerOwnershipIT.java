package cn.civgeo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In the migrated database, every trigger on a feature's table is the feature's own (its function is named after
 * the table) or the one change signal, {@code civgeo_notify_change} (issue #12): no feature keeps triggers on
 * another's tables, whatever the history of the migrations (MigrationOwnershipTest checks the files).
 */
class TriggerOwnershipIT extends IntegrationTest {

    @Test
    void triggersOnATableBelongToItsOwnerOrAreTheChangeSignal() throws Exception {
        Map<String, String> owners = TableOwnershipTest.owners();
        List<Map<String, Object>> rows = jdbc.sql("""
                select c.relname as table_name, t.tgname as trigger_name, p.proname as function_name
                  from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
                  join pg_namespace n on n.oid = c.relnamespace
                 where not t.tgisinternal and n.nspname = 'public'""").query().listOfRows();
        assertThat(rows).as("the division's own triggers are there").anyMatch(r -> "division_tile_shapes".equals(r.get("function_name")));
        for (Map<String, Object> r : rows) {
            String table = (String) r.get("table_name"), fn = (String) r.get("function_name");
            assertThat(owners).as("owner of " + table).containsKey(table);
            boolean own = fn.startsWith(table) || fn.startsWith(owners.get(table) + "_");
            assertThat(own || fn.equals("civgeo_notify_change"))
                    .as("trigger " + r.get("trigger_name") + " on " + table + " runs " + fn + ", not " + owners.get(table) + "'s")
                    .isTrue();
        }
    }
}
