/**
 * Planning scenarios (issue #14): named sets of proposed new, moved or closed facilities of a division, kept apart
 * from the facility registry in table {@code scenario} (V110), versioned and audited; their coverage is compared with
 * today's through the coverage feature's {@code PlannerCoverage}; promotion writes planned facilities through
 * {@code FacilityService} only. Coordinates EPSG:4490 (lon, lat); distances in metres.
 */
package cn.civgeo.scenario;
