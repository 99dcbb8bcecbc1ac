/**
 * Cross-cutting pieces every feature uses: RFC 9457 problem details ({@link cn.civgeo.common.ProblemType} holds
 * every error type and its wording in one place), request size limits, paging, GeoJSON and coordinate helpers.
 * No SRID assumptions live here except in the helpers that name them.
 */
package cn.civgeo.common;
