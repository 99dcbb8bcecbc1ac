package cn.civgeo.coverage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of service areas, coverage and indicators ({@code civgeo.coverage.*} in application.yml).
 *
 * @param minutes        walking time of a service area (15-minute elderly-care circle)
 * @param speedMps       walking speed in m/s; 0.9 for elderly pedestrians (adults walk ~1.2)
 * @param snapDistanceM  a facility farther than this from every edge is off the network (straight-line area)
 * @param edgeBufferM    half-width of the band around reached edges that counts as served (plots along a street)
 * @param shape          {@code buffer} (reached edges buffered) or {@code hull} (their concave hull plus the band)
 * @param stepsFactor    walking-cost multiplier of steps (stairs are slow for elderly walkers)
 * @param osm2pgrouting  the osm2pgrouting executable
 * @param gridSpacingM   spacing of candidate sites (site suggestion) and demand points over residential land
 * @param targets        indicator targets
 */
@ConfigurationProperties("civgeo.coverage")
public record CoverageProperties(Double minutes, Double speedMps, Double snapDistanceM, Double edgeBufferM,
                                 String shape, Double stepsFactor, String osm2pgrouting,
                                 Double gridSpacingM, Targets targets) {
    public CoverageProperties {
        minutes = minutes == null ? 15.0 : minutes;
        speedMps = speedMps == null ? 0.9 : speedMps;
        snapDistanceM = snapDistanceM == null ? 150.0 : snapDistanceM;
        edgeBufferM = edgeBufferM == null ? 50.0 : edgeBufferM;
        shape = shape == null ? "buffer" : shape;
        stepsFactor = stepsFactor == null ? 2.0 : stepsFactor;
        osm2pgrouting = osm2pgrouting == null ? "osm2pgrouting" : osm2pgrouting;
        gridSpacingM = gridSpacingM == null ? 250.0 : gridSpacingM;
        targets = targets == null ? new Targets(null, null, null, null, null, null, null, null, null) : targets;
    }

    /** Walking distance budget in metres. */
    public double maxDistanceM() { return minutes * 60 * speedMps; }

    /**
     * Indicator targets (domain.md §5); shares are fractions 0..1.
     *
     * @param communityServiceAreaPer100Households m² of community service centre floor area per 100 households
     * @param bedsPer1000Elderly                  elderly-care beds per 1,000 people aged 60+
     * @param nursingBedShare                     nursing-type beds / all elderly-care beds (0.55 national; 0.65-0.70 big cities)
     * @param urbanCommunityShare                 urban communities with a community elderly-care facility
     * @param ruralVillageShare                   rural villages with a community or mutual-aid elderly-care point
     * @param townshipCentreShare                 townships (街道/镇/乡) with a comprehensive elderly-care centre
     * @param townshipCemeteryShare               townships with a public cemetery or columbarium
     * @param countyFuneralHomeShare              county-level units with a funeral home
     * @param fifteenMinuteCoverage               households inside a 15-minute elderly-care service area
     */
    public record Targets(Double communityServiceAreaPer100Households, Double bedsPer1000Elderly, Double nursingBedShare,
                          Double urbanCommunityShare, Double ruralVillageShare, Double townshipCentreShare,
                          Double townshipCemeteryShare, Double countyFuneralHomeShare, Double fifteenMinuteCoverage) {
        public Targets {
            communityServiceAreaPer100Households = or(communityServiceAreaPer100Households, 30.0);
            bedsPer1000Elderly = or(bedsPer1000Elderly, 40.0);
            nursingBedShare = or(nursingBedShare, 0.55);
            urbanCommunityShare = or(urbanCommunityShare, 1.0);
            ruralVillageShare = or(ruralVillageShare, 0.9);
            townshipCentreShare = or(townshipCentreShare, 0.65);
            townshipCemeteryShare = or(townshipCemeteryShare, 0.6);
            countyFuneralHomeShare = or(countyFuneralHomeShare, 1.0);
            fifteenMinuteCoverage = or(fifteenMinuteCoverage, 1.0);
        }

        private static Double or(Double v, double d) { return v == null ? d : v; }
    }
}
