/**
 * Cross-cutting pieces every feature uses: RFC 9457 problem details ({@link cn.civgeo.common.ProblemType} holds
 * every error type and its wording in one place), request size limits, paging, GeoJSON and coordinate helpers.
 * No SRID assumptions live here except in the helpers that name them. An open application module (Spring Modulith):
 * the shared kernel, its sub-packages usable by every feature; it depends on no feature.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.civgeo.common;
