package cn.civgeo.geocode;

import cn.civgeo.address.Address;
import cn.civgeo.address.AddressService;
import cn.civgeo.common.GeoJson;
import cn.civgeo.common.Paging;
import cn.civgeo.geocode.parse.EditDistance;
import cn.civgeo.placename.PlaceNameHit;
import cn.civgeo.placename.PlaceNameSearch;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;

/** Standard addresses and place names through the address and place-name features' public services. */
@Component
class PlaceDirectory implements NearbyDirectory {
    private final AddressService addresses;
    private final PlaceNameSearch placeNames;

    PlaceDirectory(AddressService addresses, PlaceNameSearch placeNames) {
        this.addresses = addresses;
        this.placeNames = placeNames;
    }

    @Override
    public List<Feature> findAddress(String divisionCode, String road, String number, String poi) {
        if (road == null) return placeNames(divisionCode, poi);
        List<Feature> out = onRoad(divisionCode, road, number);
        if (out.isEmpty() && road.length() >= 3) {
            // Of the roads as close as any to the misspelling, the one that has this doorplate (莲泉X路76号: 东路 or 西路).
            List<Feature> found = List.of();
            String fixed = null;
            for (String candidate : closestRoads(divisionCode, road)) {
                List<Feature> f = onRoad(divisionCode, candidate, number);
                if (f.isEmpty()) continue;
                if (fixed != null) return List.of(); // two roads fit: no guess
                fixed = candidate;
                found = f;
            }
            String readAs = fixed;
            out = found.stream().map(f -> f.readAs(readAs)).toList();
        }
        return out;
    }

    /**
     * The roads with doorplates in the division (a county or below) nearest to {@code road} within one edit (two from
     * six characters), at most five; none when the road exists as written (then the doorplate is what is missing).
     */
    private List<String> closestRoads(String divisionCode, String road) {
        if (divisionCode == null || divisionCode.length() < 6) return List.of();
        int max = road.length() >= 6 ? 4 : 2; // half edits
        List<String> best = new ArrayList<>();
        int bestD = max + 1;
        for (String name : addresses.roadNames(divisionCode)) {
            int d = EditDistance.halfEdits(road, name, max, (a, b) -> false);
            if (d == 0) return List.of();
            if (d < bestD) { best.clear(); bestD = d; }
            if (d == bestD && d <= max) best.add(name);
        }
        return best.size() > 5 ? List.of() : best;
    }

    private List<Feature> onRoad(String divisionCode, String road, String number) {
        List<Feature> out = new ArrayList<>();
        Integer n = number == null ? null : parseNumber(number);
        for (Address a : addresses.byRoadAndNumber(road, n, null, divisionCode, 20)) out.add(feature(a));
        if (n != null && !out.isEmpty()) {
            // The doorplate itself (no building/unit/room) stands for the address when the text names no more.
            List<Feature> plain = out.stream().filter(f -> f.kind().equals("doorplate")).toList();
            if (!plain.isEmpty()) return plain.subList(0, 1);
        }
        if (n == null && !out.isEmpty()) {
            Feature first = out.get(0);
            return List.of(new Feature("road", first.id(), road, first.address(), first.divisionCode(), first.lon(), first.lat()));
        }
        return out;
    }

    private List<Feature> placeNames(String divisionCode, String poi) {
        List<Feature> out = new ArrayList<>();
        if (poi != null) {
            var page = placeNames.search(new PlaceNameSearch.Query(poi, "exact", null, divisionCode, null, null, null, null, null, false, true),
                    Paging.of(5, 0));
            for (PlaceNameHit h : page.items()) {
                Feature f = feature(h);
                if (f != null) out.add(f);
            }
        }
        return out;
    }

    private static Integer parseNumber(String number) {
        String digits = number.replaceAll("[^0-9].*$", "");
        try {
            return digits.isEmpty() ? null : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Feature feature(Address a) {
        String kind = a.room() != null ? "room" : a.unit() != null ? "unit" : a.building() != null ? "building" : "doorplate";
        return new Feature(kind, a.code(), a.road() + a.doorplate(), a.fullText(), a.communityCode(), a.lon(), a.lat());
    }

    private static Feature feature(PlaceNameHit h) {
        if (h.geometry() == null) return null;
        Geometry g = GeoJson.read(h.geometry(), "geometry");
        Point p = g.getInteriorPoint();
        return new Feature("placename", h.code() != null ? h.code() : String.valueOf(h.id()), h.name(), h.name(), h.divisionCode(), p.getX(), p.getY());
    }

    @Override
    public Feature nearestAddress(double lon, double lat, double radius) {
        List<Address> a = addresses.nearest(lon, lat, radius, 1);
        return a.isEmpty() ? null : feature(a.get(0));
    }

    @Override
    public java.util.Map<Long, Feature> addresses(java.util.Collection<Long> ids) {
        java.util.Map<Long, Feature> out = new java.util.HashMap<>();
        for (Address a : addresses.byIds(ids)) out.put(a.id(), feature(a));
        return out;
    }

    /** Measured to the nearest point of each name's geometry (as the in-memory index does), not to its label point. */
    @Override
    public List<Feature> nearestPlaceNames(double lon, double lat, double radius, int limit) {
        var page = placeNames.search(new PlaceNameSearch.Query(null, null, null, null, null, null, lon, lat, radius, false, true),
                Paging.of(limit, 0));
        List<PlaceNameShapes.Shape> shapes = new ArrayList<>();
        for (PlaceNameHit h : page.items()) {
            if (h.geometry() == null || h.id() == null) continue;
            shapes.add(new PlaceNameShapes.Shape(h.id(), h.code(), h.name(), h.divisionCode(), GeoJson.read(h.geometry(), "geometry")));
        }
        return new PlaceNameShapes(shapes).nearest(lon, lat, radius, limit).stream().map(Feature::placeName).toList();
    }

    @Override
    public List<Feature> suggest(String prefix, int limit) {
        var page = placeNames.search(new PlaceNameSearch.Query(prefix, "prefix", null, null, null, null, null, null, null, false, true),
                Paging.of(limit, 0));
        List<Feature> out = new ArrayList<>();
        for (PlaceNameHit h : page.items()) {
            Feature f = feature(h);
            if (f != null) out.add(f);
        }
        return out;
    }
}
