package cn.civgeo.division;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of {@code division}; with an {@code asOf} date the same queries run over {@code division_asof(date)}.
 * Writes live with the features that own them (registry loader, demo city, change service, geometry import).
 */
@Repository
class DivisionRepository {
    static final String COLS = """
            code, name, short_name, level, kind, parent_code, urban_rural, population, households, elderly, area_km2,
            pinyin, initials, status, valid_from, valid_to, version, geom_source, geom is not null as has_geom""";

    private final JdbcClient jdbc;

    public DivisionRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** {@code division}, or the units as they were on {@code asOf}. Only constant SQL is returned. */
    private static String source(LocalDate asOf) { return asOf == null ? "division" : "division_asof(:asOf)"; }

    private JdbcClient.StatementSpec sql(String sql, LocalDate asOf) {
        JdbcClient.StatementSpec s = jdbc.sql(sql);
        return asOf == null ? s : s.param("asOf", asOf);
    }

    public Optional<Division> find(String code, LocalDate asOf) {
        return sql("select " + COLS + " from " + source(asOf) + " d where code = :code", asOf)
                .param("code", code).query(DivisionRepository::map).optional();
    }

    public List<Division> findAll(List<String> codes) {
        if (codes.isEmpty()) return List.of();
        return jdbc.sql("select " + COLS + " from division where code in (:codes) order by code")
                .param("codes", codes).query(DivisionRepository::map).list();
    }

    public List<Division> children(String code, LocalDate asOf, boolean includeAbolished, int limit, int offset) {
        String status = includeAbolished || asOf != null ? "" : " and status = 'active'";
        return sql("select " + COLS + " from " + source(asOf) + " d where parent_code = :code" + status
                + " order by code limit :limit offset :offset", asOf)
                .param("code", code).param("limit", limit).param("offset", offset)
                .query(DivisionRepository::map).list();
    }

    public long countChildren(String code, LocalDate asOf, boolean includeAbolished) {
        String status = includeAbolished || asOf != null ? "" : " and status = 'active'";
        return sql("select count(*) from " + source(asOf) + " d where parent_code = :code" + status, asOf)
                .param("code", code).query(Long.class).single();
    }

    /** The unit and its ancestors, province first. */
    public List<Division> chain(String code, LocalDate asOf) {
        String src = source(asOf);
        return sql("with recursive up(code, parent) as (select code, parent_code from " + src + " d where code = :code"
                + " union all select d.code, d.parent_code from " + src + " d join up on d.code = up.parent)"
                + " select " + COLS + " from " + src + " d where code in (select code from up) order by level", asOf)
                .param("code", code).query(DivisionRepository::map).list();
    }

    /**
     * The finest active unit whose geometry contains the point (EPSG:4490), through the subdivided pieces in
     * {@code division_part} and their GiST index; ties on a shared edge go to the smaller code.
     */
    public Optional<String> finestAt(double lon, double lat) {
        return jdbc.sql("""
                select p.code from division_part p
                 where st_intersects(p.geom, st_setsrid(st_makepoint(:lon, :lat), 4490))
                 order by p.level desc, p.code limit 1""")
                .param("lon", lon).param("lat", lat).query(String.class).optional();
    }

    /** {@link #finestAt} for many points in one statement: index i → code of the finest unit (absent when none). */
    public java.util.Map<Integer, String> finestAt(double[] lons, double[] lats) {
        java.util.Map<Integer, String> out = new java.util.HashMap<>();
        jdbc.sql("""
                select t.i, h.code from unnest(cast(:lons as float8[]), cast(:lats as float8[])) with ordinality as t(lon, lat, i)
                 cross join lateral (select p.code from division_part p
                                      where st_intersects(p.geom, st_setsrid(st_makepoint(t.lon, t.lat), 4490))
                                      order by p.level desc, p.code limit 1) h""")
                .param("lons", lons).param("lats", lats)
                .query(rs -> { out.put(rs.getInt(1) - 1, rs.getString(2)); });
        return out;
    }

    /** The given units and all their ancestors, by code. */
    public java.util.Map<String, Division> withAncestors(java.util.Collection<String> codes) {
        java.util.Map<String, Division> out = new java.util.HashMap<>();
        if (codes.isEmpty()) return out;
        jdbc.sql("with recursive up(code, parent) as (select code, parent_code from division where code in (:codes)"
                        + " union select d.code, d.parent_code from division d join up on d.code = up.parent)"
                        + " select " + COLS + " from division d where code in (select code from up)")
                .param("codes", codes).query(DivisionRepository::map).list().forEach(d -> out.put(d.code(), d));
        return out;
    }

    /** As {@link #finestAt} for a past date, over the versions valid then (no subdivided pieces: slower). */
    public Optional<String> finestAt(double lon, double lat, LocalDate asOf) {
        return jdbc.sql("""
                select code from division_asof(:asOf) d
                 where d.geom is not null and st_intersects(d.geom, st_setsrid(st_makepoint(:lon, :lat), 4490))
                 order by level desc, code limit 1""")
                .param("asOf", asOf).param("lon", lon).param("lat", lat).query(String.class).optional();
    }

    /** GeoJSON of the unit's geometry (EPSG:4490, 7 decimals ≈ 1 cm), or empty without geometry. */
    public Optional<String> geometryGeoJson(String code, LocalDate asOf) {
        return sql("select st_asgeojson(geom, 7) from " + source(asOf) + " d where code = :code and geom is not null", asOf)
                .param("code", code).query(String.class).optional();
    }

    public Optional<byte[]> geometryWkb(String code, LocalDate asOf) {
        return sql("select st_asbinary(geom) from " + source(asOf) + " d where code = :code and geom is not null", asOf)
                .param("code", code).query((rs, i) -> rs.getBytes(1)).optional();
    }

    /** Units the given (abolished) code passed its territory to, following chains to the units active today. */
    public List<String> activeSuccessors(String code) {
        return jdbc.sql("""
                with recursive s(code, depth) as (
                    select successor, 1 from division_succession where predecessor = :code
                    union
                    select x.successor, s.depth + 1 from division_succession x join s on x.predecessor = s.code
                     where s.depth < 50)
                select distinct d.code from s join division d on d.code = s.code where d.status = 'active' order by d.code""")
                .param("code", code).query(String.class).list();
    }

    public List<String> directSuccessors(String code) {
        return jdbc.sql("select distinct successor from division_succession where predecessor = :code order by 1")
                .param("code", code).query(String.class).list();
    }

    public List<String> directPredecessors(String code) {
        return jdbc.sql("select distinct predecessor from division_succession where successor = :code order by 1")
                .param("code", code).query(String.class).list();
    }

    static Division map(ResultSet rs, int row) throws SQLException {
        return new Division(rs.getString("code"), rs.getString("name"), rs.getString("short_name"), rs.getInt("level"),
                rs.getString("kind"), rs.getString("parent_code"), rs.getString("urban_rural"),
                (Integer) rs.getObject("population"), (Integer) rs.getObject("households"), (Integer) rs.getObject("elderly"),
                (Double) rs.getObject("area_km2"), rs.getString("pinyin"), rs.getString("initials"), rs.getString("status"),
                date(rs.getDate("valid_from")), date(rs.getDate("valid_to")), rs.getInt("version"),
                rs.getString("geom_source"), rs.getBoolean("has_geom"));
    }

    private static LocalDate date(Date d) { return d == null ? null : d.toLocalDate(); }
}
