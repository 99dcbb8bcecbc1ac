package cn.civgeo.division.change;

import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionNames;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The writes of division changes: row locks, closing a version into {@code division_version}, the new current
 * version, new units, abolition, succession links, events and their units, code allocation. Geometry travels as
 * WKB (EPSG:4490); unions and differences are computed by PostGIS.
 */
@Repository
public class DivisionWriteRepository {
    private static final String COLS = """
            code, name, short_name, level, kind, parent_code, urban_rural, population, households, elderly, area_km2,
            pinyin, initials, status, valid_from, valid_to, version, geom_source, geom is not null as has_geom""";
    /** Columns a change may set, so column names never come from a request. */
    private static final Set<String> SETTABLE = Set.of("name", "short_name", "kind", "pinyin", "initials", "parent_code",
            "urban_rural", "population", "households", "elderly", "geom", "geom_source");

    private final JdbcClient jdbc;

    public DivisionWriteRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** The unit, locked for the rest of the transaction. */
    public Optional<Division> lock(String code) {
        return jdbc.sql("select " + COLS + " from division where code = :c for update").param("c", code)
                .query(DivisionWriteRepository::map).optional();
    }

    List<Division> activeChildren(String code) {
        return jdbc.sql("select " + COLS + " from division where parent_code = :c and status = 'active' order by code for update")
                .param("c", code).query(DivisionWriteRepository::map).list();
    }

    boolean codeUsed(String code) {
        return jdbc.sql("select count(*) from division where code = :c").param("c", code).query(Long.class).single() > 0;
    }

    public long insertEvent(String kind, LocalDate date, String doc, String approvedBy, String note, String requestJson, String actor) {
        return jdbc.sql("""
                insert into division_event(kind, effective_date, approval_doc, approved_by, note, request, created_by)
                values (:k, :d, :doc, :by, :note, cast(:req as jsonb), :actor) returning id""")
                .param("k", kind).param("d", date).param("doc", doc).param("by", approvedBy).param("note", note)
                .param("req", requestJson).param("actor", actor).query(Long.class).single();
    }

    public void eventUnit(long eventId, String code, String role) {
        jdbc.sql("insert into division_event_unit(event_id, code, role) values (:e, :c, :r) on conflict do nothing")
                .param("e", eventId).param("c", code).param("r", role).update();
    }

    void link(String predecessor, String successor, long eventId) {
        jdbc.sql("insert into division_succession(predecessor, successor, event_id) values (:p, :s, :e) on conflict do nothing")
                .param("p", predecessor).param("s", successor).param("e", eventId).update();
    }

    /**
     * Closes the current version of {@code code} at {@code validTo} (copied into {@code division_version}),
     * unless it began that same day (then it was never in force on any date and is simply replaced).
     */
    public void closeVersion(String code, LocalDate validTo, long eventId) {
        jdbc.sql("""
                insert into division_version(code, name, short_name, level, kind, parent_code, urban_rural, population,
                       households, elderly, geom, geom_source, area_km2, pinyin, initials, valid_from, valid_to, version, ended_by)
                select code, name, short_name, level, kind, parent_code, urban_rural, population, households, elderly,
                       geom, geom_source, area_km2, pinyin, initials, valid_from, :d, version, :e
                  from division where code = :c and (valid_from is null or valid_from < :d)""")
                .param("c", code).param("d", validTo).param("e", eventId).update();
    }

    /**
     * A new current version: the given columns (keys from {@link #SETTABLE}; {@code geom} as WKB or null) from
     * {@code validFrom}. False when the version moved meanwhile.
     */
    public boolean update(String code, int expectedVersion, LocalDate validFrom, Map<String, Object> columns) {
        StringBuilder sql = new StringBuilder("update division set ");
        JdbcClient.StatementSpec[] spec = new JdbcClient.StatementSpec[1];
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : columns.entrySet()) {
            if (!SETTABLE.contains(e.getKey())) throw new IllegalArgumentException("not settable: " + e.getKey());
            if (e.getKey().equals("geom")) {
                sql.append("geom = case when cast(:geom as bytea) is null then null else st_multi(st_geomfromwkb(:geom, 4490)) end, ");
            } else {
                sql.append(e.getKey()).append(" = :").append(e.getKey()).append(", ");
            }
            params.put(e.getKey(), e.getValue());
        }
        sql.append("valid_from = :vf, version = version + 1, updated_at = now() where code = :code and version = :v");
        spec[0] = jdbc.sql(sql.toString()).param("vf", validFrom).param("code", code).param("v", expectedVersion);
        for (Map.Entry<String, Object> p : params.entrySet()) spec[0] = spec[0].param(p.getKey(), p.getValue());
        return spec[0].update() == 1;
    }

    boolean abolish(String code, int expectedVersion, LocalDate date) {
        return jdbc.sql("""
                update division set status = 'abolished', valid_to = :d, version = version + 1, updated_at = now()
                 where code = :c and version = :v and status = 'active'""")
                .param("c", code).param("v", expectedVersion).param("d", date).update() == 1;
    }

    void insert(String code, String name, String parent, byte[] geomWkb, String geomSource, Integer population,
                Integer households, Integer elderly, String urbanRural, LocalDate validFrom) {
        int level = DivisionNames.levelOf(code);
        String[] py = cn.civgeo.division.DivisionPinyin.of(name);
        jdbc.sql("""
                insert into division(code, name, short_name, level, kind, parent_code, urban_rural, population, households,
                       elderly, geom, geom_source, pinyin, initials, status, valid_from, version)
                values (:code, :name, :short, :level, :kind, :parent, :ur, :pop, :hh, :old,
                        case when cast(:geom as bytea) is null then null else st_multi(st_geomfromwkb(:geom, 4490)) end,
                        :src, :py, :ini, 'active', :vf, 0)""")
                .param("code", code).param("name", name).param("short", DivisionNames.shortName(level, name))
                .param("level", level).param("kind", DivisionNames.kindOf(level, code, name)).param("parent", parent)
                .param("ur", urbanRural).param("pop", population).param("hh", households).param("old", elderly)
                .param("geom", geomWkb).param("src", geomWkb == null ? null : geomSource).param("py", py[0])
                .param("ini", py[1]).param("vf", validFrom).update();
    }

    /** A copy of {@code from} (attributes and geometry) as a new active unit under another parent. */
    void copyAs(String from, String newCode, String newParent, LocalDate validFrom) {
        jdbc.sql("""
                insert into division(code, name, short_name, level, kind, parent_code, urban_rural, population, households,
                       elderly, geom, geom_source, pinyin, initials, status, valid_from, version)
                select :n, name, short_name, level, kind, :p, urban_rural, population, households, elderly, geom,
                       geom_source, pinyin, initials, 'active', :vf, 0 from division where code = :f""")
                .param("n", newCode).param("p", newParent).param("f", from).param("vf", validFrom).update();
    }

    /**
     * A copy of {@code from} (parent, figures and geometry) under a new code with a new name, short name, kind and
     * pinyin: the unit a converted county becomes (撤县设市/区).
     */
    void copyRenamed(String from, String newCode, String name, String shortName, String kind, String pinyin, String initials,
                     LocalDate validFrom) {
        jdbc.sql("""
                insert into division(code, name, short_name, level, kind, parent_code, urban_rural, population, households,
                       elderly, geom, geom_source, pinyin, initials, status, valid_from, version)
                select :n, :name, :short, level, :kind, parent_code, urban_rural, population, households, elderly, geom,
                       geom_source, :py, :ini, 'active', :vf, 0 from division where code = :f""")
                .param("n", newCode).param("name", name).param("short", shortName).param("kind", kind).param("py", pinyin)
                .param("ini", initials).param("f", from).param("vf", validFrom).update();
    }

    public byte[] geometry(String code) {
        return jdbc.sql("select st_asbinary(geom) from division where code = :c").param("c", code)
                .query((rs, i) -> rs.getBytes(1)).optional().orElse(null);
    }

    /** Union of the given WKB geometries (nulls skipped), as a MultiPolygon WKB; null if none. */
    byte[] union(List<byte[]> geoms) {
        List<byte[]> present = geoms.stream().filter(g -> g != null).toList();
        if (present.isEmpty()) return null;
        return jdbc.sql("""
                select st_asbinary(st_multi(st_collectionextract(st_makevalid(st_union(st_geomfromwkb(g, 4490))), 3)))
                  from unnest(cast(:gs as bytea[])) g""")
                .param("gs", present.toArray(new byte[0][])).query((rs, i) -> rs.getBytes(1)).single();
    }

    /** {@code a} minus {@code b} (MultiPolygon WKB, null when nothing is left). */
    byte[] difference(byte[] a, byte[] b) {
        return jdbc.sql("""
                select case when st_isempty(d) then null else st_asbinary(st_multi(d)) end
                  from (select st_collectionextract(st_makevalid(st_difference(st_geomfromwkb(:a, 4490),
                               st_geomfromwkb(:b, 4490))), 3) d) q""")
                // nothing left (e.g. a county converted whole into a city) is a null row, not an error: list, not single
                .param("a", a).param("b", b).query((rs, i) -> rs.getBytes(1)).list().get(0);
    }

    /** Area in m² (ellipsoid) of the part of {@code g} outside {@code container}. */
    public double areaOutside(byte[] g, byte[] container) {
        return jdbc.sql("select st_area(st_difference(st_geomfromwkb(:g, 4490), st_geomfromwkb(:c, 4490))::geography)")
                .param("g", g).param("c", container).query(Double.class).single();
    }

    public double area(byte[] g) {
        return jdbc.sql("select st_area(st_geomfromwkb(:g, 4490)::geography)").param("g", g).query(Double.class).single();
    }

    /**
     * A code for a unit of {@code kind} under {@code parent} that was never used: the preferred one if it fits,
     * else the lowest free number of the kind's range (domain.md §1); empty when the range is full.
     */
    Optional<String> freeCode(String parent, int level, String kind, String preferred) {
        if (preferred != null && preferred.length() == codeLength(level) && preferred.startsWith(prefix(parent, level))
                && !codeUsed(preferred)) {
            return Optional.of(preferred);
        }
        int[][] ranges = CodeRanges.of(level, kind);
        String p = prefix(parent, level);
        int width = level <= 3 ? 2 : 3;
        List<String> used = jdbc.sql("select code from division where code like :p and length(code) = :len")
                .param("p", p + "%").param("len", codeLength(level)).query(String.class).list();
        Set<String> taken = new java.util.HashSet<>(used);
        for (int[] r : ranges) {
            for (int n = r[0]; n <= r[1]; n++) {
                String c = p + String.format("%0" + width + "d", n) + (level == 2 ? "00" : "");
                if (!taken.contains(c)) return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static String prefix(String parent, int level) {
        return switch (level) {
            case 2 -> parent.substring(0, 2);
            case 3 -> parent.substring(0, 4);
            default -> parent;
        };
    }

    static int codeLength(int level) { return level <= 3 ? 6 : level == 4 ? 9 : 12; }

    private static Division map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Date vf = rs.getDate("valid_from");
        java.sql.Date vt = rs.getDate("valid_to");
        return new Division(rs.getString("code"), rs.getString("name"), rs.getString("short_name"), rs.getInt("level"),
                rs.getString("kind"), rs.getString("parent_code"), rs.getString("urban_rural"),
                (Integer) rs.getObject("population"), (Integer) rs.getObject("households"), (Integer) rs.getObject("elderly"),
                (Double) rs.getObject("area_km2"), rs.getString("pinyin"), rs.getString("initials"), rs.getString("status"),
                vf == null ? null : vf.toLocalDate(), vt == null ? null : vt.toLocalDate(), rs.getInt("version"),
                rs.getString("geom_source"), rs.getBoolean("has_geom"));
    }
}
