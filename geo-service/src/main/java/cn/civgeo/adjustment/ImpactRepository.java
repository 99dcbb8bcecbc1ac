package cn.civgeo.adjustment;

import cn.civgeo.adjustment.ImpactReport.AddressRecode;
import cn.civgeo.adjustment.ImpactReport.FacilityMove;
import cn.civgeo.adjustment.ImpactReport.Line;
import cn.civgeo.adjustment.ImpactReport.Marker;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads of the impact report and of the step applier: public views of divisions, lines, facilities, addresses, names. */
@Repository
class ImpactRepository {
    private final JdbcClient jdbc;

    ImpactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A unit's or a sibling's name and the area (m²) of a geometric conflict. */
    record Conflict(String code, String name, double m2) {}

    /** A place name in or near the changed area: its division before ({@code oldDiv}) and after ({@code newDiv}). */
    record NamedRow(long id, String name, String cat, String oldDiv, String newDiv) {}

    /** The union of the units' geometries as hex EWKB, or null when none has one. */
    String unionEwkbHex(Collection<String> codes) {
        return jdbc.sql(
                "select encode(st_asewkb(st_union(geom)), 'hex') from division_public where code in (:c)")
                .param("c", List.copyOf(codes)).query(String.class).optional().orElse(null);
    }

    /** The union of the active units as GeoJSON, or null unless every code is an active unit. */
    String activeUnionGeoJson(List<String> list) {
        return jdbc.sql("""
                select case when count(*) = :n then st_asgeojson(st_multi(st_union(geom)))::text end
                  from division_public where code in (:codes) and status = 'active'""")
                .param("n", list.size()).param("codes", list).query(String.class).single();
    }

    List<Line> linesOf(Collection<String> touched) {
        return jdbc.sql("""
                select id, code, name, "leftCode", "rightCode", status from boundary_line_public
                 where "leftCode" in (:c) or "rightCode" in (:c) order by id""").param("c", List.copyOf(touched))
                .query((rs, i) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    List<Marker> markersOf(List<Long> lineIds) {
        return jdbc.sql("""
                select id, number, "lineCode", status from boundary_marker_public where "lineId" in (:l) order by "lineCode", number""")
                .param("l", lineIds)
                .query((rs, i) -> new Marker(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** Active siblings the unit overlaps (not merely touches), with the overlap in m². */
    List<Conflict> siblingOverlaps(String code) {
        return jdbc.sql("""
                select s.code, s.name, st_area(st_intersection(u.geom, s.geom)::geography) as m2
                  from division_public u join division_public s on s."parentCode" = u."parentCode" and s.code <> u.code
                 where u.code = :c and s.status = 'active' and st_intersects(u.geom, s.geom)
                   and not st_touches(u.geom, s.geom)""").param("c", code)
                .query((rs, i) -> new Conflict(rs.getString(1), rs.getString(2), rs.getDouble(3))).list();
    }

    /** The unit's parent with the unit's area (m²) outside it. */
    List<Conflict> outsideParent(String code) {
        return jdbc.sql("""
                select p.code, p.name, st_area(st_difference(u.geom, p.geom)::geography) as m2
                  from division_public u join division_public p on p.code = u."parentCode" where u.code = :c""")
                .param("c", code).query((rs, i) -> new Conflict(rs.getString(1), rs.getString(2), rs.getDouble(3))).list();
    }

    /** area_km2, population, households, elderly (own or the children's sum) and communities of one unit; empty when absent. */
    Map<String, Object> unitFigures(String code) {
        return jdbc.sql("""
                select st_area(d.geom::geography) / 1e6 as area_km2,
                       coalesce(d.population::bigint, (select sum(c.population) from division_public c where c."parentCode" = d.code and c.status = 'active')) as population,
                       coalesce(d.households::bigint, (select sum(c.households) from division_public c where c."parentCode" = d.code and c.status = 'active')) as households,
                       coalesce(d.elderly::bigint, (select sum(c.elderly) from division_public c where c."parentCode" = d.code and c.status = 'active')) as elderly,
                       (select count(*) from division_public c where c.level = 5 and c.status = 'active' and c.code like d.code || '%') as communities
                  from division_public d where d.code = :c""").param("c", code).query().listOfRows().stream().findFirst().orElse(Map.of());
    }

    /** The unit's community farthest from the seat: "code name" and the distance in m. */
    Optional<Object[]> farthestCommunity(String code, double[] seat) {
        return jdbc.sql("""
                select c.code || ' ' || c.name, st_distance(st_pointonsurface(c.geom)::geography, st_setsrid(st_makepoint(:x, :y), 4490)::geography)
                  from division_public c where c.level = 5 and c.status = 'active' and c.code like :c || '%' order by 2 desc, 1 limit 1""")
                .param("x", seat[0]).param("y", seat[1]).param("c", code)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getDouble(2)}).optional();
    }

    private static final String AREA = """
            with area as (select st_union(g) as g from (select st_geomfromewkb(decode(cast(:before as text), 'hex')) as g where cast(:before as text) is not null
                           union all select geom from division_public where code in (:after)) x)
            """;

    /** Facilities in the area before or after whose unit of their level changes. */
    List<FacilityMove> facilityMoves(String beforeArea, List<String> after) {
        return jdbc.sql(AREA + """
                , f as (select f.id, f.name, f.kind, f."divisionCode" as old, o.level, f.geom
                          from facility_public f cross join area join division_public o on o.code = f."divisionCode"
                         where st_intersects(f.geom, area.g))
                select * from (select f.id, f.name, f.kind, f.old,
                       (select d.code from division_public d where d.status = 'active' and d.level = f.level
                           and st_intersects(d.geom, f.geom) order by d.code limit 1) as new from f) q
                 where new is distinct from old order by id""")
                .param("before", beforeArea).param("after", after.isEmpty() ? List.of("-") : after)
                .query((rs, i) -> new FacilityMove(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    /** Addresses in the area before or after whose community or township changes, with their recoded code. */
    List<AddressRecode> addressRecodes(String beforeArea, List<String> after) {
        return jdbc.sql(AREA + """
                , a as (select a.id, a.code, a."fullText", a."communityCode" as oc, a."townshipCode" as ot, a.geom
                          from address_public a cross join area where st_intersects(a.geom, area.g))
                select * from (select a.id, a.code, a."fullText", a.oc,
                       (select d.code from division_public d where d.status = 'active' and d.level = 5 and st_intersects(d.geom, a.geom) order by d.code limit 1) as nc,
                       a.ot,
                       (select d.code from division_public d where d.status = 'active' and d.level = 4 and st_intersects(d.geom, a.geom) order by d.code limit 1) as nt
                  from a) q
                 where nc is distinct from oc or nt is distinct from ot order by id""")
                .param("before", beforeArea).param("after", after.isEmpty() ? List.of("-") : after)
                .query((rs, i) -> {
                    String code = rs.getString(2), oc = rs.getString(4), nc = rs.getString(5);
                    String newCode = code != null && oc != null && nc != null && code.startsWith(oc) ? nc + code.substring(oc.length()) : code;
                    return new AddressRecode(rs.getLong(1), code, rs.getString(3), oc, nc, rs.getString(6), rs.getString(7), newCode);
                }).list();
    }

    private static final String NAME_VIEWS = """
            select id, name, "categoryCode" as cat, "divisionCode" as div, geom from place_name_public_point where status = 'approved' and "isCurrent"
            union all select id, name, "categoryCode", "divisionCode", geom from place_name_public_line where status = 'approved' and "isCurrent"
            union all select id, name, "categoryCode", "divisionCode", geom from place_name_public_area where status = 'approved' and "isCurrent"
            """;

    /** Approved current place names in the area, with the unit of their division's level that contains them after. */
    List<NamedRow> placeNamesInArea(String beforeArea, List<String> after) {
        return jdbc.sql(AREA + ", p as (" + NAME_VIEWS + """
                ) select p.id, p.name, p.cat, p.div,
                       coalesce((select d.code from division_public d join division_public o on o.code = p.div
                                  where d.status = 'active' and d.level = o.level and st_intersects(d.geom, st_pointonsurface(p.geom))
                                  order by d.code limit 1), p.div) as nd
                  from p cross join area where st_intersects(p.geom, area.g)""")
                .param("before", beforeArea).param("after", after.isEmpty() ? List.of("-") : after)
                .query((rs, i) -> new NamedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    /** Approved current place names whose division code starts with the scope (old and new division the same). */
    List<NamedRow> placeNamesInScope(String scope) {
        return jdbc.sql("select id, name, cat, div from (" + NAME_VIEWS + ") v where div like :s").param("s", scope + "%")
                .query((rs, i) -> new NamedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(4))).list();
    }
}
