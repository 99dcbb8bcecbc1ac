package cn.civgeo.geocode;

import cn.civgeo.geocode.parse.Component;
import java.util.List;

/** The geocoding API's answers. Field names are the JSON names. */
final class GeocodeModels {
    private GeocodeModels() {}

    /** A GeoJSON point in the answer's {@code crs} (x/y in metres for Gauss–Krüger). */
    public record Point(String type, double[] coordinates) {
        static Point of(double x, double y) { return new Point("Point", new double[]{x, y}); }
    }

    /** One division of the chain. */
    public record DivisionRef(int level, String code, String name) {}

    /**
     * A ranked forward answer. {@code confidence} is the calibrated probability that the answer is right at
     * {@code matchLevel}; {@code location} is the matched object's point, or the deepest unit's representative
     * point ({@code locationLevel} says which level), or null when no unit of the chain has geometry. {@code matchLevel}
     * is the deepest level the registries confirmed; {@code unmatched} the components of the text they did not confirm
     * (a doorplate or suffix not in the standard-address registry, unexplained words), with their spans.
     * {@code answerKind} (match level : evidence, e.g. county:former) is the kind the confidence is calibrated for.
     * {@code geometrySource} says where a division location comes from ({@code synthetic} demo geometry, an import,
     * a change event, or {@code echarts-2017-gcj02-converted}: the approximate county outlines nationwide) and
     * {@code geometryAccuracy} how far it can be trusted (null when the location is a doorplate or place name).
     */
    public record Candidate(int rank, double confidence, String matchLevel, String code, String name, String address,
                            List<DivisionRef> divisions, String addressCode, Point location, String locationLevel,
                            List<Component> components, List<Component> unmatched, List<String> notes, String answerKind,
                            String geometrySource, String geometryAccuracy) {
        /** The same candidate with another confidence and rank. */
        Candidate with(int newRank, double newConfidence) {
            return new Candidate(newRank, newConfidence, matchLevel, code, name, address, divisions, addressCode, location,
                    locationLevel, components, unmatched, notes, answerKind, geometrySource, geometryAccuracy);
        }
    }

    /**
     * A forward answer: {@code status} is matched (the best candidate is confident), uncertain (only low or
     * competing candidates: check them) or not-found.
     */
    public record Forward(String query, String normalized, String crs, String status, List<Candidate> candidates) {}

    /** Something near a reverse-geocoded point. {@code bearing} in degrees clockwise from north, as seen from the point. */
    public record Nearby(String kind, String id, String name, String address, Point location, double distanceM,
                         double bearing, String direction) {}

    /**
     * A reverse answer: the division chain at the point, the nearest standard address and place names.
     * {@code location} echoes the input in {@code crs}; {@code cgcs2000} is the same point as stored (EPSG:4490).
     * {@code geometrySource} and {@code geometryAccuracy}: the geometry that placed the point in its finest division
     * (e.g. {@code echarts-2017-gcj02-converted} outside the demo city: county level, approximate near borders).
     */
    public record Reverse(Point location, String crs, double[] cgcs2000, List<DivisionRef> divisions, String address, String matchLevel,
                          Nearby nearestAddress, List<Nearby> placeNames, Integer radius, String geometrySource,
                          String geometryAccuracy) {}

    /** A type-ahead suggestion. */
    public record Suggestion(String kind, String code, String name, String address, int level, String matchedBy) {}
}
