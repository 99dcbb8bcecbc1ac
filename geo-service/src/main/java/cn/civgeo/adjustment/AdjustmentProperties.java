package cn.civgeo.adjustment;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Establishment standards (设立标准) a resulting unit is checked against, by key (e.g. a province's 镇设立标准 or
 * 街道设立标准). Each applies to units of the listed kinds; a null minimum is not checked. The figures are entered
 * values of the province's standard, not national law: set them per deployment ({@code civgeo.adjustment.standards}).
 */
@ConfigurationProperties("civgeo.adjustment")
record AdjustmentProperties(Map<String, Standard> standards, Integer recentDays) {
    public AdjustmentProperties {
        standards = standards == null ? Map.of() : Map.copyOf(standards);
        recentDays = recentDays == null ? 90 : recentDays;
    }

    /**
     * @param label           shown name of the standard
     * @param kinds           unit kinds it applies to (镇, 街道, 乡, 市辖区, 县级市 …)
     * @param minPopulation   least population
     * @param minAreaKm2      least area in km²
     * @param minGdpShare     least share of non-agricultural GDP (entered per unit as {@code entered.<unit>.gdpShare})
     * @param maxSeatDistanceKm greatest distance from a community to the proposed seat
     * @param minCommunities  least number of communities/villages
     */
    public record Standard(String label, List<String> kinds, Long minPopulation, Double minAreaKm2, Double minGdpShare,
                           Double maxSeatDistanceKm, Integer minCommunities) {}
}
