package cn.civgeo.coverage.network;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import cn.civgeo.common.process.ExternalTool;
import cn.civgeo.coverage.CoverageProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    private final cn.civgeo.common.process.Gdal gdal;
    private final ExternalTool.PgTarget target;
    private final String gdalTarget;
    private final String user;
    private final String password;

    ExternalTools(CoverageProperties props, cn.civgeo.common.process.Gdal gdal, @Value("${spring.datasource.url}") String url,
                  @Value("${spring.datasource.username}") String user, @Value("${spring.datasource.password}") String password) {
        this.props = props;
        this.gdal = gdal;
        this.target = ExternalTool.pgTarget(url);
        this.gdalTarget = cn.civgeo.common.process.Gdal.postgres(url, user);
        this.user = user;
        this.password = password;
    }

    /** Imports an OSM XML file into {@code schema} (tables ways, ways_vertices_pgr, configuration). */
    void osm2pgrouting(Path osmFile, Path mapconfig, String schema) {
        List<String> cmd = List.of(props.osm2pgrouting(), "-f", osmFile.toString(), "-c", mapconfig.toString(), "--schema", schema,
                "-d", target.database(), "-U", user, "-W", password, "-h", target.host(), "-p", String.valueOf(target.port()), "--clean");
        run(() -> ExternalTool.run(cmd, Duration.ofMinutes(TIMEOUT_MINUTES), Map.of("PGPASSWORD", password)), "osm2pgrouting");
    }

    /** Loads the first layer of a GDAL-readable file into {@code schema.lines} (geometry column geom, EPSG:4490). */
    void ogr2ogr(String source, String schema) {
        List<String> args = List.of("-f", "PostgreSQL", gdalTarget, source, "-nln", schema + ".lines", "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=ogc_fid",
                "-t_srs", "EPSG:4490", "-nlt", "PROMOTE_TO_MULTI", "-overwrite");
        run(() -> gdal.ogr2ogr(args, Duration.ofMinutes(TIMEOUT_MINUTES), Map.of("PGPASSWORD", password)), "ogr2ogr");
    }

    private void run(java.util.function.Supplier<ExternalTool.Result> command, String tool) {
        ExternalTool.Result r;
        try {
            r = command.get();
        } catch (ExternalTool.TimedOut e) {
            throw new ApiException(ProblemType.UNAVAILABLE, tool + " did not finish within " + TIMEOUT_MINUTES + " minutes");
        } catch (ExternalTool.Missing e) {
            throw new ApiException(ProblemType.UNAVAILABLE, tool + " is not available on this server: " + e.getMessage());
        }
        // osm2pgrouting has the password on its command line (it ignores PGPASSWORD): never let it into a message.
        String text = r.output().replace(password, "***");
        if (!r.ok() || text.contains("Failed to open") || text.contains("ERROR")) {
            log.warn("{} failed: {}", tool, text);
            String tail = text.length() > 600 ? text.substring(text.length() - 600) : text;
            throw ApiException.badField("file", tool + " could not read the file: " + tail.strip());
        }
    }

}
