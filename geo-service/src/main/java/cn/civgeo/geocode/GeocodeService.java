package cn.civgeo.geocode;

import cn.civgeo.common.crs.LocalMetres;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.code.DivisionCode;
import cn.civgeo.common.crs.CoordinateConverter;
import cn.civgeo.common.crs.Crs;
import cn.civgeo.geocode.GeocodeModels.Candidate;
import cn.civgeo.geocode.GeocodeModels.DivisionRef;
import cn.civgeo.geocode.GeocodeModels.Forward;
import cn.civgeo.geocode.GeocodeModels.Nearby;
import cn.civgeo.geocode.GeocodeModels.Point;
import cn.civgeo.geocode.GeocodeModels.Reverse;
import cn.civgeo.geocode.GeocodeModels.Suggestion;
import cn.civgeo.geocode.parse.AddressParser;
import cn.civgeo.geocode.parse.Component;
import cn.civgeo.geocode.parse.InMemoryGazetteer;
import cn.civgeo.geocode.parse.ShortForms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Forward, reverse and suggest. Everything division-related is answered from the in-memory {@link GeocodeIndex};
 * standard addresses and place names come from the {@link NearbyDirectory}. Pure reads, thread-safe.
 */
@Service
public class GeocodeService {
    public static final int MAX_QUERY = AddressParser.MAX_LENGTH;
    public static final int MAX_RADIUS = 5_000;
    static final String[] DIRECTIONS = {"北", "东北", "东", "东南", "南", "西南", "西", "西北"};

    private final GeocodeIndex index;
    private final CoordinateConverter converter;
    private final NearbyDirectory directory;
    private final NearbyIndex nearbyIndex;
    private final double confident;
    private final Calibration calibration;

    GeocodeService(GeocodeIndex index, CoordinateConverter converter, java.util.Optional<NearbyDirectory> directory,
                   NearbyIndex nearbyIndex, @Value("${civgeo.geocode.confident:0.8}") double confident, Calibration calibration) {
        this.index = index;
        this.calibration = calibration;
        this.nearbyIndex = nearbyIndex;
        this.converter = converter;
        this.directory = directory.orElse(NearbyDirectory.EMPTY);
        this.confident = confident;
    }

    /** Forward geocoding of free text; candidates below {@code minConfidence} are left out. */
    public Forward forward(String q, Crs crs, int limit, double minConfidence) {
        return forward(q, crs, limit, minConfidence, null);
    }

    /**
     * Forward geocoding with an area bias: {@code area} (a division code, e.g. from {@code near=lon,lat} or the caller's
     * default area) is read as written before the text when the text alone gives no confident answer (溪秀路3号 with
     * near= a point in 厦门市). The bias is noted; spans stay those of the caller's text.
     */
    public Forward forward(String q, Crs crs, int limit, double minConfidence, String area) {
        return forward(q, crs, limit, minConfidence, area, false);
    }

    /** As above; {@code raw} answers the parser's uncalibrated confidence (for fitting the calibration table). */
    public Forward forward(String q, Crs crs, int limit, double minConfidence, String area, boolean raw) {
        return forward(q, crs, limit, minConfidence, area, raw, null);
    }

    /**
     * As above; {@code areaOrigin} names where the bias came from in the note (e.g. the API client's default area; null
     * for a request parameter). With no bias at all and a text that names no division, road + number is searched
     * nationwide by the exact road name ({@link #nationwideRoad}).
     */
    public Forward forward(String q, Crs crs, int limit, double minConfidence, String area, boolean raw, String areaOrigin) {
        if (q == null || q.isBlank()) throw ApiException.badField("q", "must not be empty");
        if (q.length() > MAX_QUERY) throw ApiException.badField("q", "must be at most " + MAX_QUERY + " characters");
        GeocodeIndex.Snapshot s = index.snapshot();
        if (PinyinReader.romanised(q)) return romanised(s, q, crs, limit, minConfidence, raw);
        AddressParser.Result r = s.parser().parse(q, Math.max(limit, 3));
        List<Candidate> out = answer(s, r, limit, minConfidence, crs, 0, null);
        int a = area == null ? -1 : s.gazetteer().find(area);
        if (area != null && a < 0) throw ApiException.badField("within", "is not a known division code");
        if (a >= 0 && (out.isEmpty() || out.get(0).confidence() < confident)) {
            String prefix = divisionAddress(s.gazetteer(), chainOf(s.gazetteer(), a)) + " ";
            AddressParser.Result biased = s.parser().parse(prefix + q, Math.max(limit, 3));
            List<Candidate> b = answer(s, biased, limit, minConfidence, crs, prefix.length(),
                    "area bias: read within " + s.gazetteer().name(a) + " (" + area + ")" + (areaOrigin == null ? "" : ", " + areaOrigin));
            if (!b.isEmpty() && (out.isEmpty() || b.get(0).confidence() > out.get(0).confidence())) out = b;
        }
        if (a < 0 && (out.isEmpty() || (out.get(0).confidence() < confident && namesNoDivision(out)))) {
            // No bias and no confident reading: a road of exactly that name in the standard-address registry is better
            // evidence than a loose reading of the words as a division (桃李路7号 is not 桃李村): those answers instead.
            List<Candidate> roads = nationwideRoad(s, q, limit, minConfidence, crs);
            if (!roads.isEmpty()) out = roads;
        }
        out = calibrated(out, raw);
        String status = out.isEmpty() ? "not-found" : out.get(0).confidence() >= confident ? "matched" : "uncertain";
        return new Forward(q, r.normalized().strip(), crs.id(), status, out);
    }

    /**
     * Pinyin or English input: each reading (Chinese names of a consistent chain) parsed as Chinese text, the spans
     * moved back to the romanised words they came from; a little less confident than the same text in Chinese.
     */
    private Forward romanised(GeocodeIndex.Snapshot s, String q, Crs crs, int limit, double minConfidence, boolean raw) {
        List<Candidate> out = new ArrayList<>();
        String normalized = q.strip();
        for (PinyinReader.Reading reading : s.pinyin().read(q)) {
            AddressParser.Result r = s.parser().parse(reading.text(), Math.max(limit, 3));
            for (Candidate c : answer(s, r, limit, minConfidence, crs, 0, null)) {
                List<Component> comps = new ArrayList<>();
                for (Component x : c.components()) {
                    int[] span = x.code() == null ? null : reading.spans().get(x.code());
                    if (span != null) comps.add(new Component(x.kind(), q.substring(span[0], span[1]), span[0], span[1], x.value(), x.code(), "pinyin"));
                }
                List<String> notes = new ArrayList<>(c.notes());
                notes.add(0, "pinyin: " + q.strip() + " read as " + reading.text());
                double conf = Math.round(c.confidence() * 0.97 * 1000) / 1000.0;
                out.add(new Candidate(0, conf, c.matchLevel(), c.code(), c.name(), c.address(), c.divisions(), c.addressCode(),
                        c.location(), c.locationLevel(), comps, List.of(), notes, null, c.geometrySource(), c.geometryAccuracy()));
            }
            if (out.isEmpty()) continue;
            normalized = reading.text();
        }
        out = calibrated(out, raw);
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Candidate> ranked = new ArrayList<>();
        for (Candidate c : out) {
            if (ranked.size() >= limit || !seen.add(c.code())) continue;
            ranked.add(c.with(ranked.size() + 1, c.confidence()));
        }
        // Several readings that each look sure are a guess between them: none is confident.
        if (ranked.size() > 1 && ranked.get(1).confidence() >= confident) {
            ranked = ranked.stream().map(c -> c.with(c.rank(), Math.min(c.confidence(), 0.6))).toList();
        }
        String status = ranked.isEmpty() ? "not-found" : ranked.get(0).confidence() >= confident ? "matched" : "uncertain";
        return new Forward(q, normalized, crs.id(), status, ranked);
    }

    /**
     * Each candidate's answer kind set and its confidence mapped through the fitted calibration table (unless
     * {@code raw}); then ranked by that confidence.
     */
    private List<Candidate> calibrated(List<Candidate> in, boolean raw) {
        List<Candidate> out = new ArrayList<>(in.size());
        Map<Candidate, Double> rawOf = new java.util.IdentityHashMap<>();
        for (Candidate c : in) {
            String kind = Calibration.kind(c.matchLevel(), c.notes());
            double conf = raw ? c.confidence() : Math.round(calibration.apply(kind, c.confidence()) * 1000) / 1000.0;
            Candidate x = new Candidate(c.rank(), conf, c.matchLevel(), c.code(), c.name(), c.address(), c.divisions(), c.addressCode(),
                    c.location(), c.locationLevel(), c.components(), c.unmatched(), c.notes(), kind, c.geometrySource(), c.geometryAccuracy());
            out.add(x);
            rawOf.put(x, c.confidence());
        }
        // Calibrated confidence first; equal ones (a flat step) keep the parser's order.
        out.sort(java.util.Comparator.comparingDouble((Candidate c) -> -c.confidence()).thenComparingDouble(c -> -rawOf.get(c)));
        List<Candidate> ranked = new ArrayList<>(out.size());
        for (Candidate c : out) ranked.add(c.with(ranked.size() + 1, c.confidence()));
        return ranked;
    }

    private List<Candidate> answer(GeocodeIndex.Snapshot s, AddressParser.Result r, int limit, double minConfidence, Crs crs,
                                   int shift, String note) {
        List<Candidate> out = new ArrayList<>();
        for (AddressParser.Candidate c : r.candidates()) {
            if (out.size() >= limit) break;
            if (c.confidence() < minConfidence) continue;
            Candidate x = candidate(s.gazetteer(), s.geometrySources(), c, out.size() + 1, crs);
            out.add(shift == 0 ? x : shifted(x, shift, note));
        }
        return out;
    }

    /** A candidate of the text with the bias prefix: components of the prefix left out, spans moved back to the caller's text. */
    private static Candidate shifted(Candidate c, int shift, String note) {
        java.util.function.Function<List<Component>, List<Component>> move = l -> l.stream().filter(x -> x.start() >= shift)
                .map(x -> new Component(x.kind(), x.text(), x.start() - shift, x.end() - shift, x.value(), x.code(), x.match())).toList();
        List<String> notes = new ArrayList<>(c.notes());
        notes.add(0, note);
        return new Candidate(c.rank(), c.confidence(), c.matchLevel(), c.code(), c.name(), c.address(), c.divisions(), c.addressCode(),
                c.location(), c.locationLevel(), move.apply(c.components()), move.apply(c.unmatched()), notes, null,
                c.geometrySource(), c.geometryAccuracy());
    }

    private static List<Integer> chainOf(InMemoryGazetteer g, int unit) {
        List<Integer> ids = new ArrayList<>();
        for (int u = unit; u >= 0; u = g.parent(u)) ids.add(0, u);
        return ids;
    }

    /** The prefecture (else the finest unit) at a point given in {@code crs}, for {@code near=}; null outside every unit. */
    public String areaAt(double x, double y, Crs crs) {
        double[] ll = converter.toStorage(x, y, crs);
        GeocodeIndex.Snapshot s = index.snapshot();
        int u = s.locator().finest(ll[0], ll[1]);
        if (u < 0) return null;
        InMemoryGazetteer g = s.gazetteer();
        while (g.level(u) > 2 && g.parent(u) >= 0) u = g.parent(u);
        return g.code(u);
    }

    private Candidate candidate(InMemoryGazetteer g, Map<String, String> sources, AddressParser.Candidate c, int rank, Crs crs) {
        List<Integer> ids = c.chain();
        List<String> notes = new ArrayList<>(c.notes());
        String addressCode = null;
        String standard = divisionAddress(g, ids);
        String matchLevel = c.matchLevel();
        double confidence = c.confidence();
        Point location = null;
        String locationLevel = null;
        String geometrySource = null;
        // What the registry confirmed of the street parts; everything else of the text is reported as unmatched.
        java.util.Set<String> verified = new java.util.HashSet<>();
        NearbyDirectory.Street street = new NearbyDirectory.Street(value(c, "road"), value(c, "doorplate"), value(c, "suffix"),
                value(c, "building"), value(c, "unit"), value(c, "room"), value(c, "poi"));
        if (street.road() != null || street.poi() != null) {
            List<NearbyDirectory.Feature> f = directory.findAddress(divisionPrefix(g.code(c.unit()), g.level(c.unit())), street);
            if (f.size() == 1) {
                NearbyDirectory.Feature hit = f.get(0);
                matchLevel = hit.kind();
                if (hit.roadReadAs() != null) {
                    notes.add("typo: " + street.road() + " read as " + hit.roadReadAs());
                    confidence = Math.round(confidence * 0.9 * 1000) / 1000.0;
                }
                location = point(hit.lon(), hit.lat(), crs);
                locationLevel = hit.kind().equals("road") && street.number() != null ? "road-nearest-doorplate" : hit.kind();
                addressCode = hit.kind().equals("placename") || hit.kind().equals("road") ? null : hit.id();
                // The address knows its community: extend the chain down to it when it lies under what the text named.
                int deeper = hit.divisionCode() == null ? -1 : g.find(hit.divisionCode());
                if (deeper >= 0 && deeper != c.unit() && isUnder(g, deeper, c.unit())) ids = chainOf(g, deeper);
                if (hit.kind().equals("placename")) verified.add("poi");
                else {
                    verified.addAll(List.of("road", "doorplate", "suffix", "building", "unit", "room"));
                    verified.removeAll(hit.unverified());
                }
                if (hit.kind().equals("road")) standard = divisionAddress(g, ids) + hit.name();
                else if (hit.address() != null && !hit.kind().equals("placename")) standard = hit.address();
                else standard = divisionAddress(g, ids) + hit.name();
                for (String k : hit.unverified()) notes.add(k + " " + value(c, k) + " is not in the standard-address registry; answered at " + matchLevel + " level");
            } else if (street.road() != null) {
                notes.add(f.isEmpty() ? "no standard address " + street.road() + (street.number() == null ? "" : street.number() + "号") + " in "
                        + g.name(c.unit()) + "; answered at " + matchLevel + " level"
                        : f.size() + " standard addresses fit; answered at " + matchLevel + " level");
            }
        }
        if (location == null) {
            Located at = divisionLocation(g, sources, ids, crs, notes);
            location = at.location();
            locationLevel = at.level();
            geometrySource = at.geometrySource();
        }
        List<DivisionRef> chain = new ArrayList<>();
        for (int u : ids) chain.add(new DivisionRef(g.level(u), g.code(u), g.name(u)));
        int deepest = ids.get(ids.size() - 1);
        return new Candidate(rank, confidence, matchLevel, g.code(deepest), g.name(deepest), standard,
                chain, addressCode, location, locationLevel, c.components(), unmatched(c, verified), notes, null,
                geometrySource, accuracyOf(geometrySource));
    }

    /** Where a division answer lies: its point, the level that point is of, and the source of that unit's geometry. */
    private record Located(Point location, String level, String geometrySource) {}

    /**
     * The point of the deepest unit of the chain that has one (noted when it comes from the approximate county
     * outlines); none when no unit has geometry (noted too).
     */
    private Located divisionLocation(InMemoryGazetteer g, Map<String, String> sources, List<Integer> ids, Crs crs, List<String> notes) {
        for (int i = ids.size() - 1; i >= 0; i--) {
            double[] p = g.point(ids.get(i));
            if (p == null) continue;
            String locationLevel = Component.LEVEL_KINDS[g.level(ids.get(i))];
            String geometrySource = sources.get(g.code(ids.get(i)));
            if (CountyOutlines.GEOMETRY_SOURCE.equals(geometrySource)) {
                notes.add("location from the approximate county outlines (" + CountyOutlines.SOURCE + "): " + locationLevel + " level");
            }
            return new Located(point(p[0], p[1], crs), locationLevel, geometrySource);
        }
        notes.add("no geometry for this division: location is null");
        return new Located(null, null, null);
    }

    /** The components of the text that name no division, are not noise and were not confirmed by the registry. */
    private static List<Component> unmatched(AddressParser.Candidate c, java.util.Set<String> verified) {
        List<Component> unmatched = new ArrayList<>();
        for (Component x : c.components()) {
            if (x.code() == null && !x.kind().equals("noise") && !verified.contains(x.kind())) unmatched.add(x);
        }
        return unmatched;
    }

    /** True when no candidate found a division name as written (only loose typo readings): the text names none. */
    private static boolean namesNoDivision(List<Candidate> out) {
        for (Candidate c : out) {
            for (Component x : c.components()) if (x.code() != null && !"typo".equals(x.match())) return false;
        }
        return true;
    }

    /**
     * Road + number with no division in the text and no bias: the standard-address registry searched nationwide by the
     * exact road name (溪秀路3号). One road with that doorplate is answered (the only one the registry has, so a little
     * below a fully named address); several are all given, each at most 0.5 (uncertain: ambiguous, name the city);
     * a road without that doorplate is answered at road level, uncertain.
     */
    private List<Candidate> nationwideRoad(GeocodeIndex.Snapshot s, String q, int limit, double minConfidence, Crs crs) {
        List<Component> comps = AddressParser.streetComponents(q);
        java.util.function.Function<String, String> v = k -> comps.stream().filter(x -> x.kind().equals(k)).map(Component::value)
                .findFirst().orElse(null);
        String road = v.apply("road");
        if (road == null) return List.of();
        NearbyDirectory.Street street = new NearbyDirectory.Street(road, v.apply("doorplate"), v.apply("suffix"),
                v.apply("building"), v.apply("unit"), v.apply("room"), null);
        List<NearbyDirectory.Feature> found = directory.findAddress("", street);
        InMemoryGazetteer g = s.gazetteer();
        List<Candidate> out = new ArrayList<>();
        int n = found.size();
        for (NearbyDirectory.Feature f : found) {
            if (out.size() >= limit) break;
            int u = f.divisionCode() == null ? -1 : g.find(f.divisionCode());
            if (u < 0) continue;
            boolean doorplate = street.number() != null && !f.kind().equals("road");
            double conf = n > 1 ? Math.min(0.5, 0.9 / n) : doorplate ? 0.9 : 0.6;
            if (conf < minConfidence) continue;
            List<String> notes = new ArrayList<>();
            notes.add(n == 1
                    ? "road searched nationwide: the only " + road + " the standard-address registry has" + (doorplate ? " with this doorplate" : "")
                    : "road searched nationwide: " + n + " roads named " + road + (street.number() == null ? "" : " carry " + street.number() + "号")
                      + "; ambiguous, name the city or district (or send near= or within=)");
            AddressParser.Candidate pc = new AddressParser.Candidate(u, chainOf(g, u), comps, 0, conf,
                    Component.LEVEL_KINDS[g.level(u)], notes);
            Candidate c = candidate(g, s.geometrySources(), pc, out.size() + 1, crs);
            if (n > 1) {
                // the feature itself, not what the division's prefix finds again (two roads of one name in one community)
                c = new Candidate(c.rank(), c.confidence(), f.kind(), c.code(), c.name(), f.address() != null ? f.address() : c.address(),
                        c.divisions(), f.kind().equals("road") ? null : f.id(), point(f.lon(), f.lat(), crs),
                        f.kind().equals("road") && street.number() != null ? "road-nearest-doorplate" : f.kind(),
                        c.components(), c.unmatched(), notes, null, null, null);
            }
            out.add(c);
        }
        return out;
    }

    /**
     * The code prefix of everything inside a unit of the gazetteer's level ({@link DivisionCode#significantDigits}):
     * 35 (province), 3502 (prefecture), 350203, 350203001, the village.
     */
    static String divisionPrefix(String code, int level) {
        return code.substring(0, DivisionCode.significantDigits(level));
    }

    private static boolean isUnder(InMemoryGazetteer g, int unit, int ancestor) {
        for (int u = g.parent(unit); u >= 0; u = g.parent(u)) if (u == ancestor) return true;
        return false;
    }

    private static String value(AddressParser.Candidate c, String kind) {
        return c.components().stream().filter(x -> x.kind().equals(kind)).map(Component::value).findFirst().orElse(null);
    }

    /** The division chain without statistical placeholders (市辖区), then the street parts in standard form. */
    static String standardAddress(InMemoryGazetteer g, AddressParser.Candidate c) {
        StringBuilder b = new StringBuilder(divisionAddress(g, c.chain()));
        for (Component x : c.components()) {
            switch (x.kind()) {
                case "road", "compound", "poi" -> b.append(x.value());
                case "doorplate" -> b.append(x.value()).append("号");
                case "building" -> b.append(x.value()).append("号楼");
                case "unit" -> b.append(x.value()).append("单元");
                case "floor" -> b.append(x.value()).append("层");
                case "room" -> b.append(x.value()).append("室");
                case "group" -> b.append(x.value()).append("组");
                default -> { }
            }
        }
        return b.toString();
    }

    static String divisionAddress(InMemoryGazetteer g, List<Integer> chain) {
        StringBuilder b = new StringBuilder();
        String previous = null;
        for (int u : chain) {
            String name = ShortForms.addressForm(g.name(u), g.level(u));
            if (ShortForms.PLACEHOLDERS.contains(name) || name.equals(previous)) continue;
            b.append(name);
            previous = name;
        }
        return b.toString();
    }

    private Point point(double lon, double lat, Crs crs) {
        double[] xy = converter.fromStorage(lon, lat, crs);
        return Point.of(round(xy[0], crs.isProjected() ? 3 : 7), round(xy[1], crs.isProjected() ? 3 : 7));
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** A validated reverse request: the point as given ({@code x}, {@code y} in the request's CRS) and as stored. */
    record ReversePoint(double x, double y, double lon, double lat) {}

    /** Reverse geocoding: divisions at the point, nearest standard address and place names within {@code radius} m. */
    public Reverse reverse(Double x, Double y, Crs crs, Integer radius, int limit) {
        return reverseMany(List.of(reversePoint(x, y, crs, radius)), crs, radius(radius), limit).get(0);
    }

    static int radius(Integer radius) { return radius == null ? 200 : radius; }

    /** Checks a reverse request and converts its point to storage coordinates; 400 naming the field otherwise. */
    ReversePoint reversePoint(Double x, Double y, Crs crs, Integer radius) {
        List<FieldProblem> problems = new ArrayList<>();
        if (x == null) problems.add(new FieldProblem("lon", "is required"));
        if (y == null) problems.add(new FieldProblem("lat", "is required"));
        int r = radius(radius);
        if (r < 1 || r > MAX_RADIUS) problems.add(new FieldProblem("radius", "must be between 1 and " + MAX_RADIUS + " metres"));
        if (!problems.isEmpty()) throw ApiException.invalid(problems);
        if (!Double.isFinite(x) || !Double.isFinite(y)) throw ApiException.badField(Double.isFinite(x) ? "lat" : "lon", "must be a finite number");
        if (!crs.isProjected() && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
            throw ApiException.invalid(List.of(new FieldProblem(Math.abs(x) > 180 ? "lon" : "lat", "is out of range for " + crs.id())));
        }
        double[] ll = converter.toStorage(x, y, crs);
        return new ReversePoint(x, y, ll[0], ll[1]);
    }

    /**
     * Reverse answers for many points, in order. Divisions come from the in-memory locator; addresses and place names
     * from the in-memory {@link NearbyIndex} when it matches the database (else from the database), and the
     * addresses' details in one query for all points.
     */
    List<Reverse> reverseMany(List<ReversePoint> points, Crs crs, int radius, int limit) {
        GeocodeIndex.Snapshot s = index.snapshot();
        NearbyIndex.Snapshot near = nearbyIndex.fresh();
        int n = points.size();
        int[] units = new int[n];
        long[] addressIds = new long[n];
        NearbyDirectory.Feature[] addresses = new NearbyDirectory.Feature[n];
        List<List<NearbyDirectory.Feature>> names = new ArrayList<>(java.util.Collections.nCopies(n, List.of()));
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, n);
        (n > 64 ? range.parallel() : range).forEach(i -> {
            ReversePoint p = points.get(i);
            units[i] = s.locator().finest(p.lon(), p.lat());
            if (near != null) {
                PointGrid.Hit a = near.addresses().nearest(p.lon(), p.lat(), radius);
                addressIds[i] = a == null ? -1 : a.id();
                names.set(i, near.placeNames().nearest(p.lon(), p.lat(), radius, limit).stream().map(NearbyDirectory.Feature::placeName).toList());
            } else {
                addressIds[i] = -1;
                addresses[i] = directory.nearestAddress(p.lon(), p.lat(), radius);
                names.set(i, directory.nearestPlaceNames(p.lon(), p.lat(), radius, limit));
            }
        });
        if (near != null) {
            java.util.Map<Long, NearbyDirectory.Feature> found = directory.addresses(
                    java.util.Arrays.stream(addressIds).filter(id -> id >= 0).distinct().boxed().toList());
            for (int i = 0; i < n; i++) if (addressIds[i] >= 0) addresses[i] = found.get(addressIds[i]);
        }
        List<Reverse> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(reverseAnswer(s.gazetteer(), s.geometrySources(), points.get(i), units[i], addresses[i], names.get(i), crs, radius));
        return out;
    }

    private Reverse reverseAnswer(InMemoryGazetteer g, Map<String, String> sources, ReversePoint p, int unit, NearbyDirectory.Feature address,
                                  List<NearbyDirectory.Feature> placeNames, Crs crs, int radius) {
        List<Integer> ids = new ArrayList<>();
        for (int u = unit; u >= 0; u = g.parent(u)) ids.add(0, u);
        List<DivisionRef> chain = new ArrayList<>(ids.size());
        for (int u : ids) chain.add(new DivisionRef(g.level(u), g.code(u), g.name(u)));
        List<Nearby> names = new ArrayList<>(placeNames.size());
        for (NearbyDirectory.Feature f : placeNames) names.add(nearby(f, p.lon(), p.lat(), crs));
        return new Reverse(Point.of(p.x(), p.y()), crs.id(), new double[]{round(p.lon(), 9), round(p.lat(), 9)}, chain,
                ids.isEmpty() ? null : divisionAddress(g, ids), unit < 0 ? null : Component.LEVEL_KINDS[g.level(unit)],
                address == null ? null : nearby(address, p.lon(), p.lat(), crs), names, radius,
                unit < 0 ? null : sources.get(g.code(unit)), unit < 0 ? null : accuracyOf(sources.get(g.code(unit))));
    }

    /** What an answer says of its division geometry's accuracy, by source. */
    static String accuracyOf(String geometrySource) {
        if (geometrySource == null) return null;
        if (geometrySource.equals(CountyOutlines.GEOMETRY_SOURCE)) return CountyOutlines.ACCURACY;
        if (geometrySource.equals("synthetic")) return "synthetic demo geometry: not the real boundary";
        return "as recorded (" + geometrySource + ")";
    }

    private Nearby nearby(NearbyDirectory.Feature f, double lon, double lat, Crs crs) {
        double d = distanceM(lon, lat, f.lon(), f.lat());
        double b = bearing(lon, lat, f.lon(), f.lat());
        return new Nearby(f.kind(), f.id(), f.name(), f.address(), point(f.lon(), f.lat(), crs), Math.round(d * 10) / 10.0,
                Math.round(b * 10) / 10.0, d < 0.5 ? "此处" : DIRECTIONS[(int) Math.round(b / 45.0) % 8]);
    }

    /**
     * Distance in metres: on the ellipsoid's local scales for the short distances of reverse answers (as PostGIS
     * geography measures them), great-circle beyond half a degree.
     */
    static double distanceM(double lon1, double lat1, double lon2, double lat2) {
        if (Math.abs(lon2 - lon1) < 0.5 && Math.abs(lat2 - lat1) < 0.5) return LocalMetres.distance(lon1, lat1, lon2, lat2);
        double r = 6_371_008.8, p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Initial bearing from point 1 to point 2, degrees clockwise from north in [0, 360). */
    static double bearing(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2), dl = Math.toRadians(lon2 - lon1);
        double yv = Math.sin(dl) * Math.cos(p2);
        double xv = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        return (Math.toDegrees(Math.atan2(yv, xv)) + 360) % 360;
    }

    /** Type-ahead: divisions by name, pinyin or initials prefix (optionally within a division), then addresses and place names. */
    public List<Suggestion> suggest(String q, String within, int limit) {
        if (q == null || q.isBlank()) throw ApiException.badField("q", "must not be empty");
        if (q.length() > 64) throw ApiException.badField("q", "must be at most 64 characters");
        GeocodeIndex.Snapshot s = index.snapshot();
        InMemoryGazetteer g = s.gazetteer();
        if (within != null && g.find(within) < 0) throw ApiException.badField("within", "is not a known division code");
        List<Suggestion> out = new ArrayList<>();
        for (Suggester.Hit h : s.suggester().suggest(g, q, within, limit)) {
            List<Integer> chain = new ArrayList<>();
            for (int u = h.unit(); u >= 0; u = g.parent(u)) chain.add(0, u);
            out.add(new Suggestion("division", g.code(h.unit()), g.name(h.unit()), divisionAddress(g, chain),
                    g.level(h.unit()), h.matchedBy()));
        }
        if (out.size() < limit) {
            for (NearbyDirectory.Feature f : directory.suggest(q.strip(), limit - out.size())) {
                out.add(new Suggestion(f.kind(), f.id(), f.name(), f.address(), 0, "name"));
            }
        }
        return out;
    }
}
