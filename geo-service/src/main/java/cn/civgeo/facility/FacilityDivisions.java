package cn.civgeo.facility;

import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which division a facility lies in, through the division feature's service. */
@Component
class FacilityDivisions {
    private final DivisionService divisions;

    FacilityDivisions(DivisionService divisions) { this.divisions = divisions; }

    boolean exists(String code) { return divisions.find(code).isPresent(); }

    /** The deepest active division whose polygon covers the point (EPSG:4490). */
    Optional<String> deepestAt(double lon, double lat) {
        List<Division> chain = divisions.chainAt(lon, lat);
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1).code());
    }
}
