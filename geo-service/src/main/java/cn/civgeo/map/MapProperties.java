package cn.civgeo.map;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code civgeo.map} (see application.yml for each one's meaning).
 *
 * @param rasterUrl           optional XYZ raster template (e.g. Tianditu with a key); empty = offline base from own data
 * @param rasterAttribution   attribution shown for the raster layer
 * @param rasterSubdomains    subdomains for {s} in the raster URL
 * @param centerLon           initial map centre
 * @param centerLat           initial map centre
 * @param zoom                initial zoom
 * @param levelMinZooms       minimum zoom at which division level i+1 is shown (index 0 = province)
 * @param tileMaxAgeSeconds   Cache-Control max-age sent with tiles
 * @param tileCacheSeconds    how long the server keeps a built tile
 * @param tileCacheEntries    how many built tiles the server keeps
 * @param warmupMaxZoom       the start-up warm-up builds the division tiles of the opening view from the opening zoom
 *                            down to this map zoom (0 = no warm-up); see {@link MapWarmup}
 */
@ConfigurationProperties("civgeo.map")
record MapProperties(String rasterUrl, String rasterAttribution, String rasterSubdomains, double centerLon,
                            double centerLat, int zoom, List<Integer> levelMinZooms, int tileMaxAgeSeconds,
                            int tileCacheSeconds, int tileCacheEntries, int warmupMaxZoom) {
    public MapProperties {
        if (rasterUrl == null) rasterUrl = "";
        if (rasterAttribution == null) rasterAttribution = "";
        if (rasterSubdomains == null) rasterSubdomains = "";
        if (levelMinZooms == null || levelMinZooms.isEmpty()) levelMinZooms = List.of(0, 6, 9, 11, 14);
        if (zoom <= 0) zoom = 10;
        if (centerLon == 0 && centerLat == 0) {
            centerLon = 118.11;
            centerLat = 24.55;
        }
        if (tileCacheEntries <= 0) tileCacheEntries = 4000;
        if (warmupMaxZoom < 0) warmupMaxZoom = 0;
    }

    /** The division level a zoom shows: the deepest level whose minimum zoom is reached. */
    public int levelForZoom(int z) {
        int level = 1;
        for (int i = 0; i < levelMinZooms.size(); i++) if (z >= levelMinZooms.get(i)) level = i + 1;
        return level;
    }
}
