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
    @Autowired
    javax.sql.DataSource dataSource;

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
        java.nio.file.Files.setLastModifiedTime(dead, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(7200)));
        Path starting = root.resolve(UUID.randomUUID().toString()); // another instance starting: no lock file yet
        Files.createDirectories(starting);
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
            assertThat(Files.exists(starting)).as("a folder made a moment ago, its lock not yet taken").isTrue();
        }
        Files.deleteIfExists(starting);
        staging.sweep();
        assertThat(tableExists("division_import", held)).as("no longer held: a left-over now").isFalse();
        Files.deleteIfExists(mineFile);
    }

    /**
     * Two instances in one JVM (test contexts): a sweep by one must leave the other's folder locked as seen from
     * another process (python's lockf, the same POSIX record locks as Java's FileLock on Linux). Before the fix the
     * sweep opened and closed the other's lock file, which on Linux drops the lock, and another process's sweep
     * then deleted the folder under a running import.
     */
    @Test
    void aSweepLeavesTheFolderOfAnotherInstanceInThisJvmLocked() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("sh", "-c", "command -v python3").start().waitFor() == 0,
                "python3 checks the lock from outside");
        Path root = staging.tempDir("probe2").getParent().getParent();
        Staging other = new Staging(dataSource, root.toString());
        try {
            Path otherFile = other.tempFile("busy", ".osm");
            Path lock = otherFile.getParent().resolve(".lock");
            staging.sweep();
            assertThat(Files.exists(otherFile)).isTrue();
            Process p = new ProcessBuilder("python3", "-c",
                    "import fcntl,sys\nf=open(sys.argv[1],'w')\ntry:\n fcntl.lockf(f, fcntl.LOCK_EX|fcntl.LOCK_NB); print('free')\n"
                            + "except OSError:\n print('held')", lock.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            assertThat(out).as("the other instance's lock, seen from another process").isEqualTo("held");
        } finally {
            other.destroy();
        }
    }
}
