package cn.civgeo.ogc;

import cn.civgeo.common.process.ExternalTool;
import java.time.Duration;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.crs.Crs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Converts a collection's GeoJSON (CRS84 coordinates = CGCS2000 lon/lat) to desktop GIS formats with GDAL's
 * ogr2ogr: GeoPackage, zipped Shapefile (.prj, .cpg; UTF-8 or GBK), KMZ, FlatGeobuf, DXF (in the data's CGCS2000
 * 3-degree Gauss–Krüger zone, zipped with its .prj) and XLSX (attributes in text cells, so long codes stay text
 * in Excel). Every file with geometry declares its CRS: EPSG:4490, except KMZ (KML is WGS 84 by definition) and
 * DXF (the zone, in the .prj beside it).
 */
@Component
class OgcExporter {
    private static final Logger log = LoggerFactory.getLogger(OgcExporter.class);

    enum Format {
        GPKG("gpkg", "application/geopackage+sqlite3"), SHP("zip", "application/zip"),
        KMZ("kmz", "application/vnd.google-earth.kmz"), FGB("fgb", "application/flatgeobuf"),
        DXF("zip", "application/zip"), XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        final String extension;
        final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        static Format parse(String s) {
            if (s == null || s.isBlank()) throw ApiException.badField("format", "is required: gpkg, shp, kmz, fgb, dxf or xlsx");
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badField("format", "'" + s + "' is not one of gpkg, shp, kmz, fgb, dxf, xlsx");
            }
        }
    }

    record Export(byte[] bytes, String fileName, String mediaType) {}

    private final cn.civgeo.common.process.Gdal gdal;

    OgcExporter(cn.civgeo.common.process.Gdal gdal) { this.gdal = gdal; }

    /**
     * @param geojson  a FeatureCollection in CRS84
     * @param layer    the layer (and file) name
     * @param gbk      Shapefile attributes in GBK (CP936) for old desktop software instead of UTF-8
     * @param centreLon longitude whose 3-degree zone the DXF is projected to
     */
    Export export(String geojson, String layer, Format f, boolean gbk, double centreLon) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("civgeo-export");
            Path in = dir.resolve("in.geojson");
            Files.writeString(in, geojson, StandardCharsets.UTF_8);
            Path outDir = Files.createDirectory(dir.resolve("out"));
            String name = layer.replace('-', '_');
            List<String> cmd = new ArrayList<>(List.of("-nln", name));
            switch (f) {
                case GPKG -> cmd.addAll(List.of("-f", "GPKG", "-a_srs", "EPSG:4490", outDir.resolve(name + ".gpkg").toString()));
                case FGB -> cmd.addAll(List.of("-f", "FlatGeobuf", "-a_srs", "EPSG:4490", outDir.resolve(name + ".fgb").toString()));
                case KMZ -> cmd.addAll(List.of("-f", "LIBKML", outDir.resolve(name + ".kmz").toString()));
                case SHP -> cmd.addAll(List.of("-f", "ESRI Shapefile", "-a_srs", "EPSG:4490", "-lco",
                        "ENCODING=" + (gbk ? "CP936" : "UTF-8"), outDir.resolve(name + ".shp").toString()));
                case DXF -> {
                    Crs zone = Crs.gaussKruger3For(centreLon);
                    cmd.addAll(List.of("-f", "DXF", "-s_srs", "EPSG:4490", "-t_srs", zone.id(), outDir.resolve(name + ".dxf").toString()));
                    Files.writeString(outDir.resolve(name + ".prj"), wkt(zone.id()), StandardCharsets.UTF_8);
                }
                case XLSX -> cmd.addAll(List.of("-f", "XLSX", outDir.resolve(name + ".xlsx").toString()));
            }
            cmd.add(in.toString());
            if (f == Format.XLSX) cmd.addAll(List.of("-nlt", "NONE"));
            check("ogr2ogr", gdal.ogr2ogr(cmd, Duration.ofSeconds(120)));
            String file = layer + (f == Format.SHP ? "-shp" : f == Format.DXF ? "-dxf" : "") + "." + f.extension;
            if (f == Format.SHP || f == Format.DXF) return new Export(zip(outDir), file, f.mediaType);
            try (Stream<Path> s = Files.list(outDir)) {
                Path only = s.findFirst().orElseThrow(() -> new IllegalStateException("ogr2ogr wrote nothing"));
                return new Export(Files.readAllBytes(only), file, f.mediaType);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private String wkt(String srs) {
        String wkt = check("gdalsrsinfo", gdal.gdalsrsinfo(List.of("-o", "wkt_esri", "--single-line", srs), Duration.ofSeconds(120))).strip();
        if (!wkt.startsWith("PROJCS[")) throw new IllegalStateException("gdalsrsinfo gave no ESRI WKT for " + srs + ": " + wkt);
        return wkt;
    }

    private static String check(String program, ExternalTool.Result r) {
        if (!r.ok()) {
            log.error("{} failed: {}", program, r.output());
            throw new IllegalStateException(program + " failed (exit " + r.exit() + ")");
        }
        return r.output();
    }


    private static byte[] zip(Path dir) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                z.putNextEntry(new ZipEntry(p.getFileName().toString()));
                Files.copy(p, (OutputStream) z);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void delete(Path dir) {
        if (dir == null) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}", dir, e);
        }
    }
}
