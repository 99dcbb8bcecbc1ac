package cn.civgeo.division;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public API of the division feature for other features: look-ups by code, children, the chain of units at a
 * point, and successors of abolished codes. Coordinates are EPSG:4490 (lon, lat). An {@code asOf} date answers
 * as the registry stood on that day; null means today.
 */
@Service
@Transactional(readOnly = true)
public class DivisionService {
    private final DivisionRepository repository;

    public DivisionService(DivisionRepository repository) { this.repository = repository; }

    /** The unit with this code (active or abolished), or empty; a malformed code is a 400 naming {@code code}. */
    public Optional<Division> find(String code) { return find(code, null); }

    public Optional<Division> find(String code, LocalDate asOf) {
        requireCode(code, "code");
        return repository.find(code, asOf);
    }

    /** The units with these codes (active or abolished; unknown codes left out), in code order: one query. */
    public List<Division> findAll(List<String> codes) {
        for (String c : codes) requireCode(c, "codes");
        return repository.findAll(codes);
    }

    /** The unit, or 404. */
    public Division get(String code) { return get(code, null); }

    public Division get(String code, LocalDate asOf) {
        return find(code, asOf).orElseThrow(() -> asOf == null ? ApiException.notFound("division", code)
                : new ApiException(cn.civgeo.common.ProblemType.NOT_FOUND, "division " + code + " did not exist on " + asOf));
    }

    /** Active children of a unit, by code (all of them; a township has at most a few hundred). */
    public List<Division> children(String code) {
        requireCode(code, "code");
        return repository.children(code, null, false, Integer.MAX_VALUE, 0);
    }

    public Paging.Page<Division> children(String code, LocalDate asOf, boolean includeAbolished, Paging paging) {
        get(code, asOf);
        return paging.page(repository.children(code, asOf, includeAbolished, paging.limit(), paging.offset()),
                repository.countChildren(code, asOf, includeAbolished));
    }

    /**
     * The units containing the point, province first, down to the finest level that has geometry there; levels
     * above it come from the hierarchy even where they have no geometry. Empty when no unit's geometry contains it.
     */
    public List<Division> chainAt(double lon, double lat) { return chainAt(lon, lat, null); }

    public List<Division> chainAt(double lon, double lat, LocalDate asOf) {
        Optional<String> finest = asOf == null ? repository.finestAt(lon, lat) : repository.finestAt(lon, lat, asOf);
        return finest.map(c -> repository.chain(c, asOf)).orElse(List.of());
    }

    /**
     * {@link #chainAt} for many points (EPSG:4490) in one query through the spatial index: one chain per point,
     * in input order (empty where no geometry contains the point).
     */
    public List<List<Division>> chainsAt(double[] lons, double[] lats) {
        java.util.Map<Integer, String> hits = repository.finestAt(lons, lats);
        java.util.Map<String, Division> units = repository.withAncestors(new java.util.HashSet<>(hits.values()));
        List<List<Division>> out = new java.util.ArrayList<>(lons.length);
        for (int i = 0; i < lons.length; i++) {
            java.util.LinkedList<Division> chain = new java.util.LinkedList<>();
            for (Division d = units.get(hits.get(i)); d != null; d = d.parentCode() == null ? null : units.get(d.parentCode())) {
                chain.addFirst(d);
            }
            out.add(chain);
        }
        return out;
    }

    /** The unit and its ancestors, province first. */
    public List<Division> chain(String code, LocalDate asOf) {
        get(code, asOf);
        return repository.chain(code, asOf);
    }

    /**
     * Today's active unit(s) for a code: the unit itself when active, otherwise the active units its territory
     * passed to (following merges, splits and re-parents), empty if it was abolished without successor.
     */
    public List<Division> successors(String code) {
        Division d = get(code);
        if (d.active()) return List.of(d);
        return repository.findAll(repository.activeSuccessors(code));
    }

    /** The unit's geometry (EPSG:4490 MultiPolygon) if it has one. */
    public Optional<Geometry> geometry(String code) { return geometry(code, null); }

    /** The unit's geometry as it was on {@code asOf} (null = today). */
    public Optional<Geometry> geometry(String code, LocalDate asOf) {
        requireCode(code, "code");
        return repository.geometryWkb(code, asOf).map(b -> {
            try {
                Geometry g = new WKBReader().read(b);
                g.setSRID(4490);
                return g;
            } catch (ParseException e) {
                throw new IllegalStateException("bad geometry of division " + code, e);
            }
        });
    }

    /** GeoJSON (RFC 7946 geometry, EPSG:4490 lon/lat) of the unit as it was on {@code asOf} (null = today). */
    public Optional<String> geometryGeoJson(String code, LocalDate asOf) {
        requireCode(code, "code");
        return repository.geometryGeoJson(code, asOf);
    }

    static void requireCode(String code, String field) {
        if (DivisionNames.levelOf(code) < 0) {
            throw ApiException.badField(field, "must be a division code of 6, 9 or 12 digits (GB/T 2260, GB/T 10114)");
        }
    }
}
