package cn.civgeo.common.staging;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Scratch space of imports that outlives nothing: temporary folders and the staging tables and schemas that
 * external tools (ogr2ogr, osm2pgrouting) write before an import copies what it accepts in one transaction.
 *
 * <p>A process killed in the middle of an import (kill -9, power cut) cannot clean up after itself, and with
 * several instances on one database or one machine an instance cannot tell a left-over from another instance's
 * import in progress by its name. So each piece of scratch space is held while in use:
 * <ul>
 * <li>folders live under {@code <tmp>/civgeo-work/<instance>/}, and the instance holds an OS file lock on
 *     {@code <instance>/.lock} for its lifetime (released by the kernel when the process dies);</li>
 * <li>a staging table or schema is held by a session-level advisory lock ({@link #hold}) on a connection of its
 *     own for the duration of the import (released by PostgreSQL when the session ends, however it ends).</li>
 * </ul>
 * At start-up {@link #sweep()} removes every folder and staging object whose lock nobody holds: what interrupted
 * imports left, never another instance's work in progress.
 */
@Component
public class Staging implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(Staging.class);
    /** First key of the advisory locks on staging objects (second key: hashtext of the object's name). */
    static final int LOCK_CLASS = 0x43475354; // "CGST"
    /** Schemas that hold staging tables, and the prefix of scratch schemas. */
    static final String IMPORT_SCHEMA = "division_import";
    static final String SCRATCH_SCHEMA_PREFIX = "road_import_";

    private final DataSource dataSource;
    private final Path root;
    private final Path mine;
    private FileChannel lockChannel;
    private FileLock lock;

    public Staging(DataSource dataSource, @Value("${civgeo.staging.dir:${java.io.tmpdir}/civgeo-work}") String dir) throws IOException {
        this.dataSource = dataSource;
        this.root = Path.of(dir);
        this.mine = root.resolve(UUID.randomUUID().toString());
        HELD_HERE.add(mine.toAbsolutePath().normalize());
        Files.createDirectories(mine);
        lockChannel = FileChannel.open(mine.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.lock();
    }

    /**
     * The folders of this JVM's instances (several application contexts in tests). A sweep never opens their lock
     * files: on Linux, closing any channel of a file drops every lock this process holds on it (FileChannel's
     * documented caveat), so a sweep that only looked would make another context's folder look free to others.
     */
    private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A new empty folder for one import's files, under this instance's folder. Delete it when done. */
    public Path tempDir(String prefix) throws IOException {
        return Files.createTempDirectory(mine, prefix);
    }

    /** A new empty file under this instance's folder. Delete it when done. */
    public Path tempFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(mine, prefix, suffix);
    }

    /** A fresh scratch schema name (unique across instances). */
    public static String scratchSchemaName() {
        return SCRATCH_SCHEMA_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /**
     * Holds the staging object {@code name} (a table {@code schema.table} or a schema) until the returned hold is
     * closed, so no instance's start-up sweep removes it meanwhile. Take it before creating the object.
     */
    public Hold hold(String name) {
        try {
            Connection c = dataSource.getConnection();
            try (PreparedStatement s = c.prepareStatement("select pg_advisory_lock(?, hashtext(?))")) {
                s.setInt(1, LOCK_CLASS);
                s.setString(2, name);
                s.execute();
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            return new Hold(c, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hold staging object " + name, e);
        }
    }

    /** A held staging object; closing releases the lock (it does not drop the object). */
    public static final class Hold implements AutoCloseable {
        private final Connection connection;
        private final String name;

        Hold(Connection connection, String name) {
            this.connection = connection;
            this.name = name;
        }

        public String name() { return name; }

        @Override
        public void close() {
            try (Connection c = connection; PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
                s.setInt(1, LOCK_CLASS);
                s.setString(2, name);
                s.execute();
            } catch (SQLException e) {
                log.debug("releasing staging hold {}: {}", name, e.toString());
            }
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    void atStartup() {
        Report r = sweep();
        if (r.total() > 0) {
            log.info("removed what interrupted imports left: {} staging tables, {} scratch schemas, {} folders",
                    r.tables().size(), r.schemas().size(), r.folders());
        }
    }

    /** What a sweep removed. */
    public record Report(List<String> tables, List<String> schemas, int folders) {
        public int total() { return tables.size() + schemas.size() + folders; }
    }

    /** Removes every staging table, scratch schema and instance folder that nobody holds. */
    public Report sweep() {
        List<String> tables = new ArrayList<>();
        List<String> schemas = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (String t : names(c, "select table_name from information_schema.tables where table_schema = ?", IMPORT_SCHEMA)) {
                String name = IMPORT_SCHEMA + "." + t;
                if (dropIfUnheld(c, name, "drop table if exists " + IMPORT_SCHEMA + "." + quote(t))) tables.add(name);
            }
            for (String s : names(c, "select nspname from pg_namespace where nspname like ? escape '!'",
                    SCRATCH_SCHEMA_PREFIX.replace("_", "!_") + "%")) {
                if (dropIfUnheld(c, s, "drop schema if exists " + quote(s) + " cascade")) schemas.add(s);
            }
        } catch (SQLException e) {
            log.warn("staging sweep skipped: {}", e.toString());
        }
        return new Report(tables, schemas, sweepFolders());
    }

    private static List<String> names(Connection c, String sql, String param) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static boolean dropIfUnheld(Connection c, String name, String drop) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
            s.setInt(1, LOCK_CLASS);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) return false; // an import somewhere is using it
            }
        }
        try (PreparedStatement d = c.prepareStatement(drop)) {
            d.execute();
            return true;
        } finally {
            try (PreparedStatement u = c.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
                u.setInt(1, LOCK_CLASS);
                u.setString(2, name);
                u.execute();
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Instance folders whose lock is free (their process is gone), and old-style civgeo-* temp entries a day old. */
    int sweepFolders() {
        int removed = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path dir : ds) {
                if (dir.equals(mine) || !Files.isDirectory(dir) || HELD_HERE.contains(dir.toAbsolutePath().normalize())) continue;
                // a folder made a moment ago may not have its lock file yet (another instance starting)
                if (Files.getLastModifiedTime(dir).toInstant().isAfter(Instant.now().minus(Duration.ofMinutes(1)))) continue;
                if (unheld(dir)) {
                    deleteTree(dir);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("staging folder sweep of {}: {}", root, e.toString());
        }
        // Versions before this one made their folders straight under the temp directory.
        Path tmp = root.getParent();
        if (tmp != null) {
            Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp, "civgeo-{survey,roads,division-import,osm2pgrouting,ogr2ogr}*")) {
                for (Path p : ds) {
                    FileTime t = Files.getLastModifiedTime(p);
                    if (t.toInstant().isBefore(dayAgo)) {
                        deleteTree(p);
                        removed++;
                    }
                }
            } catch (IOException e) {
                log.debug("old temp entries in {}: {}", tmp, e.toString());
            }
        }
        return removed;
    }

    private static boolean unheld(Path dir) {
        Path lockFile = dir.resolve(".lock");
        if (!Files.exists(lockFile)) return true;
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) return false;
            l.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // held by this JVM (another context in tests)
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException e) {
                    log.debug("cannot delete {}: {}", x, e.toString());
                }
            });
        } catch (IOException e) {
            log.debug("cannot walk {}: {}", p, e.toString());
        }
    }

    @Override
    public void destroy() {
        try {
            if (lock != null) lock.release();
            if (lockChannel != null) lockChannel.close();
        } catch (IOException e) {
            log.debug("releasing {}: {}", mine, e.toString());
        }
        deleteTree(mine);
        HELD_HERE.remove(mine.toAbsolutePath().normalize());
    }
}
