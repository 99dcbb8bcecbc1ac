/**
 * Standard place names (标准地名, domain.md §3): the registry ({@code place_name}, categories, former names, events,
 * exemptions), the naming workflow (propose → submit → approve/reject → announce; rename; abolish), the place-name
 * romanisation ({@link cn.civgeo.placename.pinyin}), the 大/洋/怪/重 checks ({@link cn.civgeo.placename.rules}) and
 * search (exact, prefix, fuzzy via pg_trgm, pinyin, initials, category, division, bbox, radius).
 * <p>
 * SRID 4490 (CGCS2000) for every geometry, GeoJSON lon/lat in and out; lengths and distances in metres on the
 * ellipsoid ({@code ::geography}). Division names are place names too, but they live only in the division
 * registry: records of categories 21xx/22xx are refused here, and search and the 重 check read the
 * {@code division} table (read-only) so the two never hold diverging free text.
 * <p>
 * Roles: ADMIN, SURVEYOR and PLANNER propose and edit proposals (surveyors record census names, planners name new
 * roads); ADMIN acts for the approving authority (approve, reject, announce, rename, abolish, exemptions);
 * anyone may read. Every write is audited and versioned (optimistic locking).
 */
package cn.civgeo.placename;
