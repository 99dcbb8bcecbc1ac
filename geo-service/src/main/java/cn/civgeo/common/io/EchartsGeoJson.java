package cn.civgeo.common.io;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads echarts' map scripts ({@code echarts.registerMap('成都', {...})}) in its compressed GeoJSON
 * ({@code "UTF8Encoding": true}), as documented by echarts ({@code parseGeoJson.decode}): each ring is a string of
 * character pairs (x, y); a character's code minus 64 is a zig-zag encoded delta ({@code (v >> 1) ^ -(v & 1)}), added
 * to the previous point, starting from the ring's {@code encodeOffsets} pair; the sums divided by
 * {@code UTF8Scale} (default 1024) are the coordinates in degrees. Uncompressed GeoJSON is read as it is.
 * Coordinates stay as given (GCJ-02 for the china-cities package); rings are closed when the source leaves them open.
 */
public final class EchartsGeoJson {
    /** One feature: the code in {@code id} (null when the source gives none), the name and the geometry. */
    public record Feature(String id, String name, Geometry geometry) {}

    /** A decoded map script: the map's own name and its features. */
    public record MapScript(String mapName, List<Feature> features) {}

    // registerMap('成都', {...}) in the cities package; registerMap("上海",{...}) in echarts 4's minified province maps
    private static final Pattern REGISTER = Pattern.compile("registerMap\\(\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*,\\s*");
    // echarts 4's province maps write JavaScript object literals: property names without quotes
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES).build();
    private static final GeometryFactory GF = new GeometryFactory();

    private EchartsGeoJson() {}

    /** Parses one script of the package (the JSON object passed to {@code registerMap}). */
    public static MapScript parseScript(String script) {
        Matcher m = REGISTER.matcher(script);
        if (!m.find()) throw new IllegalArgumentException("not an echarts map script: no registerMap('name', {...}) call");
        int start = m.end();
        int end = objectEnd(script, start);
        if (end < 0) throw new IllegalArgumentException("echarts map script without a complete GeoJSON object");
        // minified booleans (UTF8Encoding:!0) become JSON's
        String object = script.substring(start, end + 1).replace(":!0", ":true").replace(":!1", ":false");
        return new MapScript(m.group(1) != null ? m.group(1) : m.group(2), features(JSON.readTree(object)));
    }

    /** The index of the brace closing the JSON object that opens at {@code start} (strings and escapes skipped), or -1. */
    static int objectEnd(String s, int start) {
        if (start >= s.length() || s.charAt(start) != '{') return -1;
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') inString = true;
            else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        return -1;
    }

    /** The features of a (possibly compressed) GeoJSON FeatureCollection. */
    public static List<Feature> features(JsonNode collection) {
        boolean encoded = collection.path("UTF8Encoding").asBoolean(false);
        double scale = collection.path("UTF8Scale").isNumber() ? collection.path("UTF8Scale").asDouble() : 1024;
        List<Feature> out = new ArrayList<>();
        for (JsonNode f : collection.path("features")) {
            JsonNode g = f.path("geometry");
            String type = g.path("type").asString("");
            JsonNode coords = g.path("coordinates");
            JsonNode offsets = g.path("encodeOffsets");
            Geometry geom;
            if (type.equals("Polygon")) {
                geom = polygon(coords, offsets, encoded, scale);
            } else if (type.equals("MultiPolygon")) {
                List<Polygon> parts = new ArrayList<>();
                for (int i = 0; i < coords.size(); i++) {
                    Polygon p = polygon(coords.get(i), encoded ? offsets.get(i) : null, encoded, scale);
                    if (p != null) parts.add(p);
                }
                geom = parts.isEmpty() ? null : GF.createMultiPolygon(parts.toArray(Polygon[]::new));
            } else {
                continue;
            }
            if (geom == null) continue;
            String id = f.path("id").isMissingNode() || f.path("id").isNull() ? null : f.path("id").asString();
            out.add(new Feature(id, f.path("properties").path("name").asString(null), geom));
        }
        return out;
    }

    private static Polygon polygon(JsonNode rings, JsonNode offsets, boolean encoded, double scale) {
        List<LinearRing> rs = new ArrayList<>();
        for (int i = 0; i < rings.size(); i++) {
            double[][] pts = encoded
                    ? decodeRing(rings.get(i).asString(), offsets.get(i).get(0).asInt(), offsets.get(i).get(1).asInt(), scale)
                    : plainRing(rings.get(i));
            LinearRing r = ring(pts);
            if (r == null) {
                if (i == 0) return null; // no shell: nothing to draw
                continue;
            }
            rs.add(r);
        }
        if (rs.isEmpty()) return null;
        return GF.createPolygon(rs.get(0), rs.subList(1, rs.size()).toArray(LinearRing[]::new));
    }

    /** echarts' ring decoding: zig-zag deltas from the offsets pair, divided by the scale. */
    static double[][] decodeRing(String s, int offsetX, int offsetY, double scale) {
        double[][] out = new double[s.length() / 2][];
        int prevX = offsetX, prevY = offsetY;
        for (int i = 0, k = 0; i + 1 < s.length(); i += 2, k++) {
            int x = s.charAt(i) - 64;
            int y = s.charAt(i + 1) - 64;
            x = (x >> 1) ^ (-(x & 1));
            y = (y >> 1) ^ (-(y & 1));
            x += prevX;
            y += prevY;
            prevX = x;
            prevY = y;
            out[k] = new double[] {x / scale, y / scale};
        }
        return out;
    }

    private static double[][] plainRing(JsonNode ring) {
        double[][] out = new double[ring.size()][];
        for (int i = 0; i < ring.size(); i++) out[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
        return out;
    }

    /** A closed ring without repeated points, or null when fewer than three distinct points remain. */
    private static LinearRing ring(double[][] pts) {
        List<Coordinate> cs = new ArrayList<>(pts.length + 1);
        for (double[] p : pts) {
            Coordinate c = new Coordinate(p[0], p[1]);
            if (cs.isEmpty() || !cs.get(cs.size() - 1).equals2D(c)) cs.add(c);
        }
        if (cs.size() > 1 && cs.get(0).equals2D(cs.get(cs.size() - 1))) cs.remove(cs.size() - 1);
        if (cs.size() < 3) return null;
        cs.add(new Coordinate(cs.get(0)));
        return GF.createLinearRing(cs.toArray(Coordinate[]::new));
    }
}
