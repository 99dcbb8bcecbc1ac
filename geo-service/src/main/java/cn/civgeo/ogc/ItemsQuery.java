package cn.civgeo.ogc;

import java.time.LocalDate;

/**
 * A parsed /items request.
 *
 * @param bbox      minx, miny, maxx, maxy in the PostGIS axis order of {@code bboxCrs} (already un-swapped), or null
 * @param dateFrom  start of the datetime instant/interval (inclusive), null = open
 * @param dateTo    end (inclusive), null = open
 * @param filter    the CQL2 condition, or null
 */
record ItemsQuery(double[] bbox, OgcCrs bboxCrs, boolean datetime, LocalDate dateFrom, LocalDate dateTo,
                         Cql2Parser.Sql filter, OgcCrs crs, int limit, int offset) {}
