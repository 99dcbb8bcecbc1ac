package cn.civgeo.division.imports;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.process.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs GDAL's {@code ogr2ogr} to copy one vector layer (GeoJSON, zipped Shapefile, GeoPackage) into a staging
 * table {@code division_import.<name>}: geometry column {@code geom} promoted to multi-geometries, coordinates
 * untouched (the declared CRS, if any, becomes the column's SRID). The database password goes through the
 * environment, never the command line.
 */
@Component
class OgrStaging {
    private final String datasource;
    private final String password;
    private final cn.civgeo.common.process.Gdal gdal;

    OgrStaging(@Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username}") String user,
               @Value("${spring.datasource.password}") String password, cn.civgeo.common.process.Gdal gdal) {
        this.datasource = cn.civgeo.common.process.Gdal.postgres(url, user);
        this.password = password;
        this.gdal = gdal;
    }

    /** The format of an upload by its file name: geojson, shapefile (zip) or gpkg; 400 otherwise. */
    static String format(String filename) {
        String f = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (f.endsWith(".geojson") || f.endsWith(".json")) return "geojson";
        if (f.endsWith(".zip")) return "shapefile";
        if (f.endsWith(".gpkg")) return "gpkg";
        throw ApiException.badField("file", "must be GeoJSON (.geojson/.json), a zipped Shapefile (.zip) or a GeoPackage (.gpkg)");
    }

    /** The path GDAL should open: a zip is read in place through /vsizip/, pointing at its (first) .shp. */
    static String source(Path file, String format) throws IOException {
        if (!format.equals("shapefile")) return file.toString();
        cn.civgeo.common.io.ZipGuard.check(file, "file");
        List<String> shps = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().toLowerCase(Locale.ROOT).endsWith(".shp")) shps.add(e.getName());
            }
        } catch (IOException e) {
            throw ApiException.badField("file", "is not a readable zip file");
        }
        if (shps.isEmpty()) throw ApiException.badField("file", "the zip holds no .shp file");
        return "/vsizip/" + file + "/" + shps.get(0);
    }

    /** Layer names in the source (first is used unless the caller names one). */
    List<String> layers(String source) {
        ExternalTool.Result r = installed("ogrinfo", () -> gdal.ogrinfo(List.of("-ro", "-q", source), Duration.ofSeconds(120), env()));
        if (!r.ok()) throw ApiException.badField("file", "GDAL cannot read it: " + r.firstLine());
        List<String> out = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            // "1: name (Multi Polygon)"
            var m = java.util.regex.Pattern.compile("^\\s*\\d+: (.+?)(?: \\(.*\\))?$").matcher(line);
            if (m.find()) out.add(m.group(1));
        }
        return out;
    }

    /** Copies the layer into division_import.{table}. */
    void load(String source, String layer, String table) {
        List<String> cmd = new ArrayList<>(List.of("-f", "PostgreSQL",
                datasource, source));
        if (layer != null) cmd.add(layer);
        cmd.addAll(List.of("-nln", "division_import." + table, "-nlt", "PROMOTE_TO_MULTI", "-dim", "XY",
                "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-lco", "SPATIAL_INDEX=NONE", "-lco", "PRECISION=NO",
                "--config", "PG_USE_COPY", "YES", "-oo", "FLATTEN_NESTED_ATTRIBUTES=YES"));
        ExternalTool.Result r = installed("ogr2ogr", () -> gdal.ogr2ogr(cmd, Duration.ofSeconds(600), env()));
        if (!r.ok()) throw ApiException.badField("file", "GDAL could not import it: " + r.firstLine());
    }

    private Map<String, String> env() { return Map.of("PGPASSWORD", password, "PGCLIENTENCODING", "UTF8"); }

    private static ExternalTool.Result installed(String program, java.util.function.Supplier<ExternalTool.Result> run) {
        try {
            return run.get();
        } catch (ExternalTool.Missing e) {
            throw new IllegalStateException("cannot run " + program + " (GDAL installed?): " + e.getMessage(), e);
        }
    }

}
