package cn.civgeo.map;

import cn.civgeo.common.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the map shows at a clicked point: the division chain (province first). */
@RestController
@RequestMapping("/api/map")
@Tag(name = "Map")
class IdentifyController {
    private final JdbcClient jdbc;
    private final MapLayerRegistry layers;

    IdentifyController(JdbcClient jdbc, MapLayerRegistry layers) {
        this.jdbc = jdbc;
        this.layers = layers;
    }

    record Unit(String code, String name, int level, String kind) {}

    @GetMapping("/identify")
    @Operation(summary = "Divisions containing a point (EPSG:4490 lon/lat), province first")
    Map<String, Object> identify(@RequestParam double lon, @RequestParam double lat) {
        new Validation().require(lon >= -180 && lon <= 180, "lon", "must be between -180 and 180")
                .require(lat >= -90 && lat <= 90, "lat", "must be between -90 and 90").throwIfInvalid();
        layers.get("divisions");
        List<Unit> chain = jdbc.sql("""
                select code, name, level, kind from division
                where status = 'active' and geom && ST_SetSRID(ST_MakePoint(:lon, :lat), 4490)
                  and ST_Intersects(geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4490))
                order by level""").param("lon", lon).param("lat", lat).query(Unit.class).list();
        return Map.of("lon", lon, "lat", lat, "divisions", chain);
    }
}
