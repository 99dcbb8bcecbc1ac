package cn.civgeo.coverage.network;

import cn.civgeo.common.staging.Staging;
import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import cn.civgeo.coverage.CoverageProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports walking networks. External tools (osm2pgrouting, ogr2ogr) write into a scratch schema outside the
 * transaction; the copy into road_node/road_edge, the statistics and the audit row are one transaction, so a
 * failed import leaves the previous network as it was.
 */
@Service
public class RoadNetworkService {
    static final String ENTITY = "road_network";
    public static final List<String> FORMATS = List.of("osm", "geojson", "shapefile", "gpkg");

    private final RoadNetworkRepository repo;
    private final ExternalTools tools;
    private final Staging staging;
    private final CoverageProperties props;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    RoadNetworkService(RoadNetworkRepository repo, ExternalTools tools, CoverageProperties props, AuditService audit,
                       ApplicationEventPublisher events, TransactionTemplate tx, Staging staging) {
        this.staging = staging;
        this.repo = repo;
        this.tools = tools;
        this.props = props;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
    }

    public List<RoadNetwork> all() { return repo.all(); }

    public RoadNetwork get(long id) { return repo.byId(id).orElseThrow(() -> ApiException.notFound("Road network", id)); }

    public Optional<RoadNetwork> byName(String name) { return repo.byName(name); }

    /**
     * The active network whose extent contains the point, if any (the most recently updated first, as
     * {@link RoadNetworkRepository#covering}). Answered from the active networks' extents kept in memory: a planner
     * model asks this for every unit and a site suggestion for every candidate, thousands of database round trips
     * before. The extents are read again after any network change (this instance's or, through RoadNetworkWatch,
     * another's).
     */
    public Optional<Long> covering(double lon, double lat) {
        List<RoadNetworkRepository.Extent> ex = extents;
        if (ex == null) extents = ex = repo.activeExtents();
        for (RoadNetworkRepository.Extent e : ex) if (e.contains(lon, lat)) return Optional.of(e.id());
        return Optional.empty();
    }

    private volatile List<RoadNetworkRepository.Extent> extents;

    @org.springframework.context.event.EventListener
    void networkChanging(RoadNetworkChangedEvent e) { extents = null; }

    @org.springframework.transaction.event.TransactionalEventListener(
            phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void networkChanged(RoadNetworkChangedEvent e) { extents = null; }

    /**
     * Imports a file as network {@code name}. {@code format}: osm (OSM XML, optionally gzipped), geojson, shapefile
     * (a .zip with .shp/.dbf/.shx/.prj) or gpkg. {@code replace}: re-import into an existing network of that name.
     */
    public RoadNetwork importFile(String name, String format, InputStream in, String filename, Double snapToleranceM, boolean replace) {
        Validation v = new Validation();
        v.require(name != null && !name.isBlank() && name.length() <= 200, "name", "must be 1 to 200 characters");
        v.require(format != null && FORMATS.contains(format), "format", "must be one of " + FORMATS);
        v.require(snapToleranceM == null || (snapToleranceM >= 0 && snapToleranceM <= 50), "snapToleranceM", "must be between 0 and 50 m");
        v.throwIfInvalid();
        Path dir = null;
        try {
            dir = staging.tempDir("roads");
            Path file = dir.resolve(switch (format) {
                case "osm" -> "input.osm";
                case "geojson" -> "input.geojson";
                case "shapefile" -> "input.zip";
                default -> "input.gpkg";
            });
            // Any gzip (.osm.gz, or gzip bytes under another name) is inflated with its size and ratio bounded
            // before osm2pgrouting or GDAL sees it.
            InputStream src = in.markSupported() ? in : new java.io.BufferedInputStream(in);
            if (cn.civgeo.common.io.ZipGuard.isGzip(src)) {
                if (format.equals("shapefile") || format.equals("gpkg")) {
                    throw ApiException.badField("file", "is gzip-compressed; send the " + (format.equals("gpkg") ? ".gpkg" : ".zip") + " itself");
                }
                cn.civgeo.common.io.ZipGuard.gunzip(src, file, "file");
            } else {
                Files.copy(src, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return importPath(name.strip(), format, file, filename, snapToleranceM == null ? 1.0 : snapToleranceM, replace);
        } catch (IOException e) {
            throw ApiException.badField("file", "could not be read: " + e.getMessage());
        } finally {
            deleteTree(dir);
        }
    }

    RoadNetwork importPath(String name, String format, Path file, String ref, double snapTolerance, boolean replace) {
        Optional<RoadNetwork> existing = repo.byName(name);
        if (existing.isPresent() && !replace) {
            throw ApiException.duplicate("Road network '" + name + "' already exists; send replace=true to re-import it");
        }
        // Unique across instances, and held while in use: a start-up sweep drops it only if this import died.
        String schema = Staging.scratchSchemaName();
        try (Staging.Hold hold = staging.hold(schema)) {
            repo.createSchema(schema);
            try {
                if (format.equals("osm")) {
                    Path config = mapconfig(file.getParent());
                    tools.osm2pgrouting(file, config, schema);
                } else {
                    if (format.equals("shapefile")) cn.civgeo.common.io.ZipGuard.check(file, "file");
                    String source = format.equals("shapefile") ? "/vsizip/" + file : file.toString();
                    tools.ogr2ogr(source, schema);
                }
                return tx.execute(s -> {
                    long id = existing.map(RoadNetwork::id).orElseGet(() -> repo.insert(name, sourceFormat(format), ref, snapTolerance));
                    RoadNetwork before = existing.orElse(null);
                    if (before != null) repo.clearEdges(id);
                    int edges;
                    if (format.equals("osm")) {
                        edges = repo.ingestOsm(id, schema, cn.civgeo.common.io.SqlFiles.load("coverage/ingest-osm.sql"), props.stepsFactor());
                    } else {
                        List<String> cols = repo.columns(schema, "lines");
                        String key = UUID.randomUUID().toString();
                        repo.stageFromTable(key, schema + ".lines", pick(cols, "name", "名称", "NAME", "road_name", "Name"),
                                pick(cols, "highway", "fclass", "type", "class", "HIGHWAY"));
                        edges = repo.build(id, key, props.stepsFactor());
                    }
                    if (edges == 0) throw ApiException.badField("file", "contains no walkable lines");
                    repo.stats(id);
                    RoadNetwork after = get(id);
                    if (before == null) audit.created(ENTITY, id, after); else audit.updated(ENTITY, id, before, after);
                    events.publishEvent(new RoadNetworkChangedEvent(id, before == null ? "created" : "replaced"));
                    return after;
                });
            } finally {
                repo.dropSchema(schema);
            }
        }
    }

    /**
     * Builds a network from lines given as WKT (EPSG:4490) with names and highway kinds: the demo data and tests.
     * Lines are noded at crossings and endpoints within {@code snapToleranceM} merged.
     */
    public RoadNetwork importLines(String name, String sourceFormat, String ref, double snapToleranceM, List<Line> lines, boolean replace) {
        return tx.execute(s -> {
            Optional<RoadNetwork> existing = repo.byName(name);
            if (existing.isPresent() && !replace) throw ApiException.duplicate("Road network '" + name + "' already exists");
            long id = existing.map(RoadNetwork::id).orElseGet(() -> repo.insert(name, sourceFormat, ref, snapToleranceM));
            existing.ifPresent(e -> repo.clearEdges(id));
            String key = UUID.randomUUID().toString();
            for (Line l : lines) repo.stageLine(key, l.name(), l.highway(), l.wkt());
            int edges = repo.build(id, key, props.stepsFactor());
            if (edges == 0) throw ApiException.badField("lines", "contain no walkable lines");
            repo.stats(id);
            RoadNetwork after = get(id);
            if (existing.isEmpty()) audit.created(ENTITY, id, after); else audit.updated(ENTITY, id, existing.get(), after);
            events.publishEvent(new RoadNetworkChangedEvent(id, existing.isEmpty() ? "created" : "replaced"));
            return after;
        });
    }

    /** A line to import: WKT LineString or MultiLineString in EPSG:4490. */
    public record Line(String name, String highway, String wkt) {}

    public void delete(long id, Integer version) {
        if (version == null) throw ApiException.badField("version", "is required: send the version you read");
        tx.executeWithoutResult(s -> {
            RoadNetwork before = get(id);
            events.publishEvent(new RoadNetworkChangedEvent(id, "deleted"));
            if (!repo.delete(id, version)) throw ApiException.staleVersion("Road network", id, version);
            audit.deleted(ENTITY, id, before);
        });
    }

    private static String sourceFormat(String format) { return format; }

    private static String pick(List<String> columns, String... names) {
        for (String n : names) if (columns.contains(n)) return n;
        return null;
    }

    private static Path mapconfig(Path dir) throws UncheckedIOException {
        try (InputStream in = new ClassPathResource("coverage/osm-walk-mapconfig.xml").getInputStream()) {
            Path p = dir.resolve("mapconfig.xml");
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static void deleteTree(Path dir) {
        if (dir == null) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp directory
        }
    }
}
