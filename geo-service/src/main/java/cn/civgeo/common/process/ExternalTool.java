package cn.civgeo.common.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one way the service runs an external program (GDAL's ogr2ogr, ogrinfo and gdalsrsinfo, osm2pgrouting):
 * output (stdout and stderr) goes to a temporary file, not a pipe, so the time limit holds even while the program
 * writes nothing or too much; a program over its limit is killed with its children; secrets go through the
 * environment ({@code PGPASSWORD}), never into the returned output. Callers turn the outcome into their own answers.
 */
public final class ExternalTool {
    private ExternalTool() {}

    /** How the program ended: its exit code and everything it printed. */
    public record Result(int exit, String output) {
        public boolean ok() { return exit == 0; }

        /** The first non-blank line, at most 200 characters, temporary paths replaced by {@code <file>}. */
        public String firstLine() {
            for (String l : output.split("\n")) {
                if (l.isBlank()) continue;
                String s = l.strip().replaceAll("/tmp/\\S+", "<file>");
                return s.length() > 200 ? s.substring(0, 200) : s;
            }
            return "no output";
        }
    }

    /** The program could not be started (not installed, not executable). */
    public static final class Missing extends RuntimeException {
        Missing(String program, IOException cause) { super("cannot run " + program + ": " + cause.getMessage(), cause); }
    }

    /** The program did not finish within its limit and was killed. */
    public static final class TimedOut extends RuntimeException {
        TimedOut(String program, Duration limit) { super(program + " did not finish within " + limit.toSeconds() + " s"); }
    }

    public static Result run(List<String> command, Duration timeout) { return run(command, timeout, Map.of()); }

    public static Result run(List<String> command, Duration timeout, Map<String, String> environment) {
        String program = command.get(0);
        Path log = null;
        try {
            log = Files.createTempFile("civgeo-tool-", ".log");
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(environment);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new Missing(program, e);
            }
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    kill(p);
                    throw new TimedOut(program, timeout);
                }
            } catch (InterruptedException e) {
                kill(p);
                Thread.currentThread().interrupt();
                throw new IllegalStateException(program + " was interrupted", e);
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            for (String secret : environment.values()) {
                if (secret != null && secret.length() >= 4) out = out.replace(secret, "***");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (log != null) {
                try { Files.deleteIfExists(log); } catch (IOException ignored) { /* a temp file left is harmless */ }
            }
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** Host, port and database of a {@code jdbc:postgresql://host:port/db?params} URL. */
    public record PgTarget(String host, int port, String database) {}

    public static PgTarget pgTarget(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String db = slash < 0 ? "" : rest.substring(slash + 1);
        if (db.contains("?")) db = db.substring(0, db.indexOf('?'));
        String first = hosts.split(",")[0];                 // a multi-host URL: the first host (a proxy in front is usual)
        int colon = first.lastIndexOf(':');
        String host = colon < 0 ? first : first.substring(0, colon);
        int port = colon < 0 ? 5432 : Integer.parseInt(first.substring(colon + 1));
        return new PgTarget(host.isEmpty() ? "127.0.0.1" : host, port, db);
    }
}
