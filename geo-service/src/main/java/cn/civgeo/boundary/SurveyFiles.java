package cn.civgeo.boundary;

import cn.civgeo.common.process.ExternalTool;
import java.time.Duration;
import cn.civgeo.common.staging.Staging;
import cn.civgeo.common.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads line geometry from survey files with GDAL's {@code ogr2ogr}: GeoJSON, zipped Shapefile, GeoPackage, KML.
 * Everything is reprojected to EPSG:4490 by GDAL from the file's own CRS (a Shapefile needs its .prj; a file
 * without CRS is taken as EPSG:4490 unless {@code sourceSrid} says otherwise). Returns each feature's geometry as
 * GeoJSON text.
 */
@Component
public class SurveyFiles {
    private final JsonMapper json;

    private final Staging staging;
    private final cn.civgeo.common.process.Gdal gdal;

    SurveyFiles(JsonMapper json, Staging staging, cn.civgeo.common.process.Gdal gdal) {
        this.json = json;
        this.staging = staging;
        this.gdal = gdal;
    }

    List<String> lineGeometries(InputStream in, String filename, Integer sourceSrid) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        String ext = name.endsWith(".geojson") || name.endsWith(".json") ? ".geojson"
                : name.endsWith(".zip") ? ".zip" : name.endsWith(".gpkg") ? ".gpkg" : name.endsWith(".kml") ? ".kml" : null;
        if (ext == null) {
            throw ApiException.badField("file", "must be .geojson/.json, a zipped Shapefile (.zip), a GeoPackage (.gpkg) or .kml");
        }
        Path dir = null;
        try {
            dir = staging.tempDir("survey");
            Path src = dir.resolve("in" + ext);
            Files.copy(in, src);
            if (ext.equals(".zip")) cn.civgeo.common.io.ZipGuard.check(src, "file");
            Path out = dir.resolve("out.geojson");
            List<String> cmd = new ArrayList<>(List.of("-f", "GeoJSON", "-t_srs", "EPSG:4490"));
            if (sourceSrid != null) cmd.addAll(List.of("-s_srs", "EPSG:" + sourceSrid));
            cmd.addAll(List.of("-lco", "COORDINATE_PRECISION=9", out.toString(),
                    ext.equals(".zip") ? "/vsizip/" + src : src.toString()));
            ExternalTool.Result r;
            try {
                r = gdal.ogr2ogr(cmd, Duration.ofSeconds(120));
            } catch (ExternalTool.TimedOut e) {
                throw ApiException.badField("file", "GDAL took too long to read the file");
            }
            if (!r.ok() || !Files.exists(out)) {
                throw ApiException.badField("file", "GDAL could not read the file: " + r.firstLine());
            }
            JsonNode fc = json.readTree(Files.readString(out));
            List<String> geoms = new ArrayList<>();
            for (JsonNode f : fc.path("features")) {
                JsonNode g = f.get("geometry");
                if (g == null || g.isNull()) continue;
                String type = g.path("type").asString();
                if (!type.equals("LineString") && !type.equals("MultiLineString")) {
                    throw ApiException.badField("file", "feature " + (geoms.size() + 1) + " is a " + type + ", not a line");
                }
                geoms.add(json.writeValueAsString(g));
            }
            if (geoms.isEmpty()) throw ApiException.badField("file", "holds no line features");
            return geoms;
        } catch (IOException e) {
            throw ApiException.badField("file", "could not be read: " + e.getMessage());
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    /**
     * Writes a GeoJSON FeatureCollection (EPSG:4490) as a GeoPackage ({@code GPKG}, layer {@code layer}) or a DXF
     * drawing ({@code DXF}) reprojected by GDAL to {@code srid} (a Gauss–Krüger zone for survey offices' CAD: x = the
     * easting with zone prefix, y = the northing, as DXF has no axis metadata).
     */
    public byte[] write(String geojson, String driver, int srid, String layer) {
        if (!driver.equals("GPKG") && !driver.equals("DXF")) throw new IllegalArgumentException(driver);
        Path dir = null;
        try {
            dir = staging.tempDir("survey-out");
            Path src = dir.resolve("in.geojson");
            Files.writeString(src, geojson);
            Path out = dir.resolve(driver.equals("GPKG") ? "out.gpkg" : "out.dxf");
            List<String> cmd = new ArrayList<>(List.of("-f", driver, "-s_srs", "EPSG:4490", "-t_srs", "EPSG:" + srid));
            if (driver.equals("GPKG")) cmd.addAll(List.of("-nln", layer));
            else cmd.addAll(List.of("-skipfailures"));
            cmd.addAll(List.of(out.toString(), src.toString()));
            ExternalTool.Result r = gdal.ogr2ogr(cmd, Duration.ofSeconds(120));
            if (!r.ok() || !Files.exists(out)) throw new IllegalStateException("ogr2ogr failed writing " + driver + ": " + r.firstLine());
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }


    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files; the OS cleans up the rest
        }
    }
}
