package cn.civgeo.ogc;

import cn.civgeo.common.ApiException;
import cn.civgeo.map.MapLayer;
import cn.civgeo.map.MapLayerRegistry;
import cn.civgeo.map.TileService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * TileJSON 3.0.0 for each vector tileset of {@code /api/map/tiles}: tile URL template, zooms, bounds (the extent of
 * the matching OGC collection) and vector_layers with their fields, named as in the GeoJSON collections.
 */
@RestController
@Tag(name = "Map")
class TileJsonController {
    /** The fields of each tile layer (see resources/sql/map/*.tile.sql) and the collection giving its extent. */
    static final Map<String, Map<String, String>> FIELDS = Map.of(
            "divisions", fields("code", "String", "name", "String", "shortName", "String", "level", "Number", "kind", "String",
                    "parentCode", "String", "population", "Number", "urbanRural", "String"),
            "boundary-lines", fields("id", "Number", "code", "String", "name", "String", "level", "Number", "status", "String",
                    "condition", "String"));
    static final Map<String, String> EXTENT_OF = Map.of("divisions", "divisions-province", "boundary-lines", "boundary-lines");

    private final MapLayerRegistry layers;
    private final OgcCatalog catalog;
    private final OgcRepository repo;

    TileJsonController(MapLayerRegistry layers, OgcCatalog catalog, OgcRepository repo) {
        this.layers = layers;
        this.catalog = catalog;
        this.repo = repo;
    }

    private static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @GetMapping(value = "/api/map/tiles/{layer}/tilejson.json", produces = "application/json")
    @Operation(summary = "TileJSON 3.0.0 of a vector tileset", description = "Tile URL, min/max zoom, bounds and "
            + "vector_layers with their fields (MVT feature ids: division code, line id).")
    Map<String, Object> tileJson(@Parameter(description = "Tileset", example = "divisions") @PathVariable String layer) {
        MapLayer l = layers.get(layer);
        if (!l.tiled() || !FIELDS.containsKey(layer)) throw ApiException.notFound("Vector tiles for layer", layer);
        String root = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        double[] b = null;
        try {
            b = repo.extent(catalog.get(EXTENT_OF.get(layer))).bbox();
        } catch (ApiException e) {
            // the collection is not deployed: world bounds
        }
        if (b == null) b = new double[] {-180, -85.0511, 180, 85.0511};
        Map<String, Object> vl = new LinkedHashMap<>();
        vl.put("id", layer);
        vl.put("description", l.titleEn() + " (" + l.titleZh() + ")");
        vl.put("minzoom", 0);
        vl.put("maxzoom", TileService.MAX_ZOOM);
        vl.put("fields", FIELDS.get(layer));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tilejson", "3.0.0");
        out.put("name", l.titleZh() + " " + l.titleEn());
        out.put("scheme", "xyz");
        out.put("tiles", List.of(root + "/api/map/tiles/" + layer + "/{z}/{x}/{y}.mvt"));
        out.put("minzoom", 0);
        out.put("maxzoom", TileService.MAX_ZOOM);
        out.put("bounds", List.of(b[0], b[1], b[2], b[3]));
        out.put("center", List.of((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 10));
        out.put("vector_layers", List.of(vl));
        return out;
    }
}
