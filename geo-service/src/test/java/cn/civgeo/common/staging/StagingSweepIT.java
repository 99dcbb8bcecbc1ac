package cn.civgeo.common.staging;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Restart hygiene: what an interrupted import left (a staging table, a scratch schema, a temp folder of a dead
 * process) goes at the next start-up sweep; what an import in progress holds stays, whichever instance runs it.
 */
class StagingSweepIT extends IntegrationTest {
    @Autowired
    Staging staging;

    private boolean tableExists(String schema, String table) {
        return jdbc.sql("select count(*) from information_schema.tables where table_schema = :s and table_name = :t")
                .param("s", schema).param("t", table).query(Long.class).single() > 0;
    }

    private boolean schemaExists(String schema) {
        return jdbc.sql("select count(*) from pg_namespace where nspname = :s").param("s", schema).query(Long.class).single() > 0;
    }

    @Test
    void sweepRemovesLeftOversAndKeepsWhatIsHeld() throws Exception {
        String left = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String held = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String scratch = Staging.scratchSchemaName();
        jdbc.sql("create table division_import." + left + " (fid int)").update();
        jdbc.sql("create schema " + scratch).update();
        jdbc.sql("create table " + scratch + ".lines (id int)").update();

        Path root = staging.tempDir("probe").getParent().getParent();
        Path dead = root.resolve(UUID.randomUUID().toString());
        Files.createDirectories(dead.resolve("roads123"));
        Files.writeString(dead.resolve(".lock"), "");
        Files.writeString(dead.resolve("roads123/input.osm"), "<osm/>");
        Path mineFile = staging.tempFile("keep", ".log");

        try (Staging.Hold h = staging.hold("division_import." + held)) {
            jdbc.sql("create table division_import." + held + " (fid int)").update();
            Staging.Report r = staging.sweep();
            assertThat(r.tables()).contains("division_import." + left).doesNotContain("division_import." + held);
            assertThat(r.schemas()).contains(scratch);
            assertThat(tableExists("division_import", left)).isFalse();
            assertThat(schemaExists(scratch)).isFalse();
            assertThat(tableExists("division_import", held)).as("held by an import in progress").isTrue();
            assertThat(Files.exists(dead)).as("folder of a process that is gone").isFalse();
            assertThat(Files.exists(mineFile)).as("this instance's own folder").isTrue();
        }
        staging.sweep();
        assertThat(tableExists("division_import", held)).as("no longer held: a left-over now").isFalse();
        Files.deleteIfExists(mineFile);
    }
}
