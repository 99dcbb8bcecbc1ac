package cn.civgeo.geocode;

import java.util.List;

/**
 * Standard addresses and place names for the geocoder: exact look-up of a doorplate and nearest features around a
 * point. Implemented over the place-name feature; until its data exist the answers are empty.
 */
interface NearbyDirectory {
    /** A feature with its EPSG:4490 position; {@code roadReadAs} is the road's standard name when the text misspelt it. */
    record Feature(String kind, String id, String name, String address, String divisionCode, double lon, double lat, String roadReadAs,
                   List<String> unverified) {
        Feature(String kind, String id, String name, String address, String divisionCode, double lon, double lat) {
            this(kind, id, name, address, divisionCode, lon, lat, null, List.of());
        }

        Feature readAs(String road) { return new Feature(kind, id, name, address, divisionCode, lon, lat, road, unverified); }

        /** The same feature with the street parts of the text (component kinds) that the registry did not confirm. */
        Feature unverified(List<String> kinds) { return new Feature(kind, id, name, address, divisionCode, lon, lat, roadReadAs, List.copyOf(kinds)); }

        /** A place name at the point of its geometry nearest to where the search stood. */
        static Feature placeName(PlaceNameShapes.Hit h) {
            PlaceNameShapes.Shape p = h.shape();
            return new Feature("placename", p.code() != null ? p.code() : String.valueOf(p.id()), p.name(), p.name(),
                    p.divisionCode(), h.lon(), h.lat());
        }
    }

    /**
     * The street parts of a parsed address (any may be null): road, doorplate number and suffix (之一, 附1, A), building,
     * unit, room, or a place name ({@code poi}).
     */
    record Street(String road, String number, String suffix, String building, String unit, String room, String poi) {
        static Street of(String road, String number, String poi) { return new Street(road, number, null, null, null, null, poi); }
    }

    /**
     * The standard address that {@code street} names inside the division whose codes start with {@code divisionPrefix}
     * (every county of a named city when the text names no district): the most specific one the registry confirms, with
     * the parts it does not confirm in {@link Feature#unverified}; a doorplate that is not in the registry gives the road
     * ({@code kind} road, unverified doorplate); several roads of that name that fit give one feature each (ambiguous);
     * a misspelt road (one edit, two from six characters) is read as the division's road that close to it which has the
     * doorplate, when exactly one has.
     */
    List<Feature> findAddress(String divisionPrefix, Street street);

    /** Nearest standard address within {@code radius} metres, or null. */
    Feature nearestAddress(double lon, double lat, double radius);

    /** Standard addresses by their database id (those that exist), for ids found in the in-memory index. */
    java.util.Map<Long, Feature> addresses(java.util.Collection<Long> ids);

    /** Nearest place names within {@code radius} metres, nearest first. */
    List<Feature> nearestPlaceNames(double lon, double lat, double radius, int limit);

    /** Addresses and place names whose name starts with {@code prefix}. */
    List<Feature> suggest(String prefix, int limit);

    /** No data: the place-name feature has not landed (or holds nothing). */
    NearbyDirectory EMPTY = new NearbyDirectory() {
        @Override public List<Feature> findAddress(String c, Street s) { return List.of(); }
        @Override public Feature nearestAddress(double lon, double lat, double radius) { return null; }
        @Override public java.util.Map<Long, Feature> addresses(java.util.Collection<Long> ids) { return java.util.Map.of(); }
        @Override public List<Feature> nearestPlaceNames(double lon, double lat, double radius, int limit) { return List.of(); }
        @Override public List<Feature> suggest(String prefix, int limit) { return List.of(); }
    };
}
