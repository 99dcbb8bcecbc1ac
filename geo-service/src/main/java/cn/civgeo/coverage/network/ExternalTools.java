package cn.civgeo.coverage.network;

import cn.civgeo.common.staging.Staging;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import cn.civgeo.coverage.CoverageProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs osm2pgrouting and ogr2ogr against the application's own database (connection from spring.datasource.*),
 * always into a scratch schema the service names itself. osm2pgrouting ignores PGPASSWORD, so the password goes
 * on its command line; ogr2ogr gets it through the environment.
 */
@Component
class ExternalTools {
    private static final Logger log = LoggerFactory.getLogger(ExternalTools.class);
    private static final long TIMEOUT_MINUTES = 30;

    private final CoverageProperties props;
    private final Staging staging;
    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    ExternalTools(CoverageProperties props, @Value("${spring.datasource.url}") String url,
                  @Value("${spring.datasource.username}") String user, @Value("${spring.datasource.password}") String password,
                  Staging staging) {
        this.props = props;
        this.staging = staging;
        URI u = URI.create(url.substring("jdbc:".length()));
        this.host = u.getHost() == null ? "127.0.0.1" : u.getHost();
        this.port = u.getPort() < 0 ? 5432 : u.getPort();
        String path = u.getPath();
        this.database = path.startsWith("/") ? path.substring(1) : path;
        this.user = user;
        this.password = password;
    }

    /** Imports an OSM XML file into {@code schema} (tables ways, ways_vertices_pgr, configuration). */
    void osm2pgrouting(Path osmFile, Path mapconfig, String schema) {
        run(List.of(props.osm2pgrouting(), "-f", osmFile.toString(), "-c", mapconfig.toString(), "--schema", schema,
                "-d", database, "-U", user, "-W", password, "-h", host, "-p", String.valueOf(port), "--clean"), "osm2pgrouting");
    }

    /** Loads the first layer of a GDAL-readable file into {@code schema.lines} (geometry column geom, EPSG:4490). */
    void ogr2ogr(String source, String schema) {
        run(List.of(props.ogr2ogr(), "-f", "PostgreSQL",
                "PG:host=" + host + " port=" + port + " dbname=" + database + " user=" + user,
                source, "-nln", schema + ".lines", "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=ogc_fid",
                "-t_srs", "EPSG:4490", "-nlt", "PROMOTE_TO_MULTI", "-overwrite"), "ogr2ogr");
    }

    private void run(List<String> command, String tool) {
        Path out = null;
        try {
            out = staging.tempFile(tool, ".log");
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("PGPASSWORD", password);
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new ApiException(ProblemType.UNAVAILABLE, tool + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || text.contains("Failed to open") || text.contains("ERROR")) {
                log.warn("{} failed: {}", tool, text.replace(password, "***"));
                String tail = text.length() > 600 ? text.substring(text.length() - 600) : text;
                throw ApiException.badField("file", tool + " could not read the file: " + tail.replace(password, "***").strip());
            }
        } catch (IOException e) {
            throw new ApiException(ProblemType.UNAVAILABLE, tool + " is not available on this server: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ProblemType.UNAVAILABLE, tool + " was interrupted");
        } finally {
            if (out != null) try { Files.deleteIfExists(out); } catch (IOException ignored) { /* temp file */ }
        }
    }
}
