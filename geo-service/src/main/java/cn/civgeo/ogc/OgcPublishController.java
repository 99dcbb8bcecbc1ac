package cn.civgeo.ogc;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import java.util.ArrayList;
import java.util.Map;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishing the public layers to classic OGC servers: SLD 1.0 styles (public) and a MapServer mapfile (ADMIN: it
 * holds database credentials) over the read-only views.
 */
@RestController
@Tag(name = "OGC publishing", description = "SLD styles and a MapServer mapfile for the published layers")
class OgcPublishController {
    static final String SLD = "application/vnd.ogc.sld+xml";

    private final OgcCatalog catalog;
    private final OgcRepository repo;
    private final MapfileWriter.Connection db;
    private final GeoServerPublisher geoserver;
    private final AuditService audit;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    /** Where to publish: GeoServer's URL (…/geoserver), an administrator of it, workspace and store names. */
    record GeoServerRequest(String url, String user, String password, String workspace, String store) {}

    OgcPublishController(OgcCatalog catalog, OgcRepository repo, GeoServerPublisher geoserver, AuditService audit,
                         org.springframework.transaction.support.TransactionTemplate tx,
                         @Value("${spring.datasource.url}") String url,
                         @Value("${civgeo.ogc.publish.db-user:${spring.datasource.username}}") String user,
                         @Value("${civgeo.ogc.publish.db-password:${spring.datasource.password}}") String password) {
        this.catalog = catalog;
        this.repo = repo;
        this.geoserver = geoserver;
        this.audit = audit;
        this.tx = tx;
        URI u = URI.create(url.substring("jdbc:".length()));
        String path = u.getPath();
        this.db = new MapfileWriter.Connection(u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), path.substring(1), user, password);
    }

    MapfileWriter.Connection connection() { return db; }

    @GetMapping(value = OgcController.BASE + "/styles/{collectionId}", produces = {SLD, MediaType.APPLICATION_XML_VALUE, MediaType.ALL_VALUE})
    @Operation(summary = "SLD 1.0 style of a layer", description = "The web map's style of the layer as an OGC Styled "
            + "Layer Descriptor 1.0.0 (for GeoServer, MapServer, QGIS).")
    ResponseEntity<String> style(@Parameter(description = "Collection id", example = "divisions-county") @PathVariable String collectionId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SLD)).body(SldWriter.sld(catalog.get(collectionId)));
    }

    @GetMapping(value = OgcController.BASE + "/publish/mapfile", produces = {MediaType.TEXT_PLAIN_VALUE, MediaType.ALL_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "MapServer mapfile of every public layer (ADMIN)", description = "A MapServer 8 mapfile "
            + "(WMS 1.3.0) reading the read-only PostGIS views; it contains the database credentials of "
            + "civgeo.ogc.publish.db-user (set it to the civgeo_reader role).")
    ResponseEntity<String> mapfile(@Parameter(description = "The URL WMS clients call (mapserv with map=…)",
            example = "http://gis.example/cgi-bin/mapserv?map=/etc/mapserver/civgeo.map")
                                   @RequestParam(required = false) String onlineResource) {
        if (onlineResource != null && !onlineResource.matches("https?://[^\\s\"]+")) {
            throw ApiException.badField("onlineResource", "must be an http(s) URL");
        }
        List<OgcCollection> cols = catalog.collections();
        double[] ext = {180, 90, -180, -90};
        for (OgcCollection c : cols) {
            double[] b = repo.extent(c).bbox();
            if (b == null || c.id().equals("divisions-province")) continue; // provinces reach far beyond the city
            ext = new double[] {Math.min(ext[0], b[0]), Math.min(ext[1], b[1]), Math.max(ext[2], b[2]), Math.max(ext[3], b[3])};
        }
        if (ext[0] > ext[2]) ext = new double[] {73, 18, 135, 54};
        String online = onlineResource == null ? "http://localhost/cgi-bin/mapserv" : onlineResource;
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(MapfileWriter.mapfile(cols, db, ext, online));
    }

    @PostMapping(value = OgcController.BASE + "/publish/geoserver", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Publish every layer to a GeoServer (ADMIN)", description = "Through GeoServer's REST API, "
            + "idempotently (GET, then POST or PUT): workspace, a PostGIS store on the read-only views (with "
            + "civgeo.ogc.publish.db-user), one feature type and SLD style per layer, a layer group. Answers the REST "
            + "calls made; 503 naming the failed call when GeoServer refuses one.")
    Map<String, Object> publishGeoServer(@RequestBody GeoServerRequest r) {
        List<FieldProblem> bad = new ArrayList<>();
        if (r.url() == null || !r.url().matches("https?://[^\\s]+")) bad.add(new FieldProblem("url", "must be GeoServer's http(s) URL, e.g. http://gis:8080/geoserver"));
        if (r.user() == null || r.user().isBlank()) bad.add(new FieldProblem("user", "is required"));
        if (r.password() == null || r.password().isEmpty()) bad.add(new FieldProblem("password", "is required"));
        String ws = r.workspace() == null ? "civgeo" : r.workspace();
        String store = r.store() == null ? "civgeo_public" : r.store();
        if (!ws.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) bad.add(new FieldProblem("workspace", "letters, digits and _ (start with a letter)"));
        if (!store.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) bad.add(new FieldProblem("store", "letters, digits and _ (start with a letter)"));
        if (!bad.isEmpty()) throw ApiException.invalid(bad);
        List<GeoServerPublisher.Step> steps = geoserver.publish(
                new GeoServerPublisher.Target(r.url(), r.user(), r.password(), ws, store), db);
        // the GeoServer calls run outside any transaction; the audit row is written in its own
        tx.executeWithoutResult(st -> audit.record(AuditService.Action.UPDATE, "geoserver_publication", r.url() + "#" + ws,
                null, Map.of("workspace", ws, "store", store, "calls", steps.size())));
        return Map.of("workspace", ws, "store", store, "steps", steps);
    }
}
