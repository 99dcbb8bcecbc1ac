package cn.civgeo.facility;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.crs.Crs;
import cn.civgeo.geocode.GeocodeService;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The import's geocoder: the project's own forward geocoding (GeocodeService), best candidate in EPSG:4490. */
@Component
class ProjectGeocoder implements FacilityGeocoder {
    private final GeocodeService geocode;

    ProjectGeocoder(GeocodeService geocode) { this.geocode = geocode; }

    @Override
    public Optional<Located> locate(String address) {
        try {
            var answer = geocode.forward(address, Crs.CGCS2000, 1, 0.0);
            if (answer.candidates().isEmpty()) return Optional.empty();
            var c = answer.candidates().get(0);
            if (c.location() == null) return Optional.empty();
            String level = c.locationLevel() != null ? c.locationLevel() : c.matchLevel();
            return Optional.of(new Located(c.location().coordinates()[0], c.location().coordinates()[1], c.confidence(), level,
                    c.address()));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }
}
