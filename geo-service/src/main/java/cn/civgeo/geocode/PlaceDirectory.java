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
    public List<Feature> findAddress(String divisionPrefix, Street street) {
        String road = street.road();
        if (road == null) return placeNames(divisionPrefix, street.poi());
        List<Feature> out = onRoad(divisionPrefix, road, street);
        if (out.isEmpty() && road.length() >= 3) {
            // Of the roads as close as any to the misspelling, the one that has this doorplate (莲泉X路76号: 东路 or 西路).
            List<Feature> found = List.of();
            String fixed = null;
            for (String candidate : closestRoads(divisionPrefix, road)) {
                List<Feature> f = onRoad(divisionPrefix, candidate, street);
                if (f.size() != 1 || f.get(0).kind().equals("road")) continue;
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
    private List<String> closestRoads(String divisionPrefix, String road) {
        if (divisionPrefix == null || divisionPrefix.length() < 6) return List.of();
        int max = road.length() >= 6 ? 4 : 2; // half edits
        List<String> best = new ArrayList<>();
        int bestD = max + 1;
        for (String name : addresses.roadNames(divisionPrefix)) {
            int d = EditDistance.halfEdits(road, name, max, (a, b) -> false);
            if (d == 0) return List.of();
            if (d < bestD) { best.clear(); bestD = d; }
            if (d == bestD && d <= max) best.add(name);
        }
        return best.size() > 5 ? List.of() : best;
    }

    /**
     * The most specific address the registry has for the street: the doorplate with the written suffix, then building,
     * unit, room, each kept only when the registry has it (else listed as unverified, never silently dropped); one
     * feature per road when roads of that name in several places carry the number.
     */
    private List<Feature> onRoad(String divisionPrefix, String road, Street s) {
        Integer n = s.number() == null ? null : parseNumber(s.number());
        if (n == null) return roadOnly(divisionPrefix, road, null, s);
        List<Address> rows = addresses.byRoadAndNumber(road, n, null, divisionPrefix, 200);
        if (rows.isEmpty()) return roadOnly(divisionPrefix, road, n, s);
        java.util.Map<Long, List<Address>> byRoad = new java.util.LinkedHashMap<>();
        for (Address a : rows) byRoad.computeIfAbsent(a.roadId(), k -> new ArrayList<>()).add(a);
        if (byRoad.size() > 1) {
            return byRoad.values().stream().map(l -> feature(l.get(0))).toList(); // the same road name and number in several places
        }
        List<String> unverified = new ArrayList<>();
        List<Address> c = narrow(rows, s.suffix(), Address::numberSuffix, "suffix", unverified);
        // 47号之二 is a doorplate of its own: when the registry lacks it (or has only 7号之一 for 7号), the road is what is verified.
        if (c.isEmpty() || unverified.contains("suffix")) return roadOnly(divisionPrefix, road, n, s);
        c = narrow(c, s.building(), Address::building, "building", unverified);
        c = narrow(c, s.unit(), Address::unit, "unit", unverified);
        c = narrow(c, s.room(), Address::room, "room", unverified);
        if (c.isEmpty()) return roadOnly(divisionPrefix, road, n, s);
        return List.of(feature(c.get(0)).unverified(unverified));
    }

    /** Rows whose part equals the text's; with none (or no text for it), the rows without that part, the text's noted. */
    private static List<Address> narrow(List<Address> rows, String wanted, java.util.function.Function<Address, String> part,
                                        String kind, List<String> unverified) {
        if (wanted != null) {
            List<Address> same = rows.stream().filter(a -> wanted.equals(part.apply(a))).toList();
            if (!same.isEmpty()) return same;
            unverified.add(kind);
        }
        return rows.stream().filter(a -> part.apply(a) == null).toList();
    }

    /**
     * The road without the doorplate (its number is not in the registry, or none was written): located at the doorplate
     * of the nearest number, its division the deepest one holding all its doorplates. Several roads: one feature each.
     */
    private List<Feature> roadOnly(String divisionPrefix, String road, Integer n, Street s) {
        List<Address> rows = addresses.byRoadAndNumber(road, null, null, divisionPrefix, 1000);
        if (rows.isEmpty()) return List.of();
        java.util.Map<Long, List<Address>> byRoad = new java.util.LinkedHashMap<>();
        for (Address a : rows) byRoad.computeIfAbsent(a.roadId(), k -> new ArrayList<>()).add(a);
        List<String> unverified = new ArrayList<>();
        if (n != null) unverified.add("doorplate");
        for (String[] part : new String[][]{{"suffix", s.suffix()}, {"building", s.building()}, {"unit", s.unit()}, {"room", s.room()}}) {
            if (part[1] != null) unverified.add(part[0]);
        }
        List<Feature> out = new ArrayList<>();
        for (List<Address> l : byRoad.values()) {
            Address near = l.get(0);
            if (n != null) for (Address a : l) if (Math.abs(a.number() - n) < Math.abs(near.number() - n)) near = a;
            String common = l.get(0).communityCode();
            for (Address a : l) common = commonPrefix(common, a.communityCode());
            String address = near.fullText();
            int cut = address.lastIndexOf(near.road());
            if (cut > 0) address = address.substring(0, cut + near.road().length());
            out.add(new Feature("road", near.code(), near.road(), address, divisionCode(common), near.lon(), near.lat(), null, List.copyOf(unverified)));
        }
        return out;
    }

    private static String commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        return a.substring(0, i);
    }

    /** The division code that a common prefix of community codes stands for: 12, 9, 6 digits, or a prefecture. */
    private static String divisionCode(String prefix) {
        for (int len : new int[]{12, 9, 6}) if (prefix.length() >= len) return prefix.substring(0, len);
        return prefix.length() >= 4 ? prefix.substring(0, 4) + "00" : null;
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
