package cn.civgeo.map;

import cn.civgeo.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Vector tiles and OGC-API-Features-like collections for the web map. */
@RestController
@RequestMapping("/api/map")
@Tag(name = "Map")
class MapController {
    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    private final MapLayerRegistry layers;
    private final TileService tiles;
    private final FeatureService features;
    private final MapProperties props;

    MapController(MapLayerRegistry layers, TileService tiles, FeatureService features, MapProperties props) {
        this.layers = layers;
        this.tiles = tiles;
        this.features = features;
        this.props = props;
    }

    record Collection(String id, String title, String titleZh, String titleEn, String geometryType, boolean available,
                      String tiles, String items) {}

    record MapConfig(String rasterUrl, String rasterAttribution, String rasterSubdomains, double centerLon,
                     double centerLat, int zoom, List<Integer> levelMinZooms, int maxDivisionLevel, List<Collection> layers) {}

    @GetMapping("/config")
    @Operation(summary = "What the web map needs to start: centre, zoom, optional raster base URL, the layers")
    MapConfig config() {
        return new MapConfig(props.rasterUrl(), props.rasterAttribution(), props.rasterSubdomains(), props.centerLon(),
                props.centerLat(), props.zoom(), props.levelMinZooms(), tiles.maxDivisionLevel(), collectionList());
    }

    @GetMapping("/collections")
    @Operation(summary = "The map's layers (OGC API Features collections); unavailable ones belong to features not deployed")
    Map<String, Object> collections() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("collections", collectionList());
        return out;
    }

    @GetMapping("/collections/{id}")
    Collection collection(@PathVariable String id) { return describe(layers.get(id)); }

    private List<Collection> collectionList() {
        List<Collection> out = new ArrayList<>();
        for (MapLayer l : layers.all()) out.add(describe(l));
        return out;
    }

    private Collection describe(MapLayer l) {
        return new Collection(l.id(), l.titleZh(), l.titleZh(), l.titleEn(), l.geometryType(), layers.available(l),
                l.tiled() ? "/api/map/tiles/" + l.id() + "/{z}/{x}/{y}.mvt" : null,
                "/api/map/collections/" + l.id() + "/items");
    }

    @GetMapping(value = "/collections/{id}/items", produces = {"application/geo+json", "application/json"})
    @Operation(summary = "Features of a layer as GeoJSON, filtered by bbox and level, simplified for zoom, paged")
    ResponseEntity<String> items(@PathVariable String id,
                                 @Parameter(description = "minLon,minLat,maxLon,maxLat (EPSG:4490)") @RequestParam(required = false) String bbox,
                                 @Parameter(description = "simplify for this web-map zoom; absent = full detail") @RequestParam(required = false) Integer zoom,
                                 @Parameter(description = "division level 1..5 (division layers)") @RequestParam(required = false) Integer level,
                                 @Parameter(description = "name contains / pinyin starts with (layers that support it)") @RequestParam(required = false) String q,
                                 @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        FeatureService.Query query = FeatureService.Query.of(id, bbox, zoom, level, q, limit, offset);
        FeatureService.Result r = features.find(query);
        StringBuilder sb = new StringBuilder(1024 + r.features().size() * 256);
        sb.append("{\"type\":\"FeatureCollection\",\"numberMatched\":").append(r.total())
                .append(",\"numberReturned\":").append(r.features().size()).append(",\"features\":[");
        for (int i = 0; i < r.features().size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(r.features().get(i));
        }
        sb.append("],\"links\":[");
        String self = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("offset", query.offset()).build().toUriString();
        sb.append("{\"rel\":\"self\",\"type\":\"application/geo+json\",\"href\":\"").append(self).append("\"}");
        if (query.offset() + r.features().size() < r.total()) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("offset", query.offset() + query.limit()).build().toUriString();
            sb.append(",{\"rel\":\"next\",\"type\":\"application/geo+json\",\"href\":\"").append(next).append("\"}");
        }
        sb.append("]}");
        return ResponseEntity.ok().contentType(GEOJSON).body(sb.toString());
    }

    @GetMapping(value = "/collections/{id}/items/{featureId}", produces = {"application/geo+json", "application/json"})
    ResponseEntity<String> item(@PathVariable String id, @PathVariable String featureId,
                                @RequestParam(required = false) Integer zoom) {
        String f = features.one(id, featureId, zoom);
        if (f == null) throw ApiException.notFound("Feature", id + "/" + featureId);
        return ResponseEntity.ok().contentType(GEOJSON).body(f);
    }

    @GetMapping("/tiles/{layer}/{z}/{x}/{y}.mvt")
    @Operation(summary = "A Mapbox vector tile (XYZ scheme). Divisions show the level that follows the zoom unless level is given")
    ResponseEntity<byte[]> tile(@PathVariable String layer, @PathVariable int z, @PathVariable int x, @PathVariable int y,
                                @RequestParam(required = false) Integer level, WebRequest request) {
        TileService.Tile t = tiles.tile(layer, z, x, y, level);
        CacheControl cc = CacheControl.maxAge(props.tileMaxAgeSeconds(), TimeUnit.SECONDS).cachePublic();
        if (request.checkNotModified(t.etag())) {
            return ResponseEntity.status(304).eTag(t.etag()).cacheControl(cc).build();
        }
        return ResponseEntity.ok().contentType(MVT).cacheControl(cc).eTag(t.etag())
                .header("X-Division-Level", String.valueOf(t.level())).body(t.bytes());
    }
}
