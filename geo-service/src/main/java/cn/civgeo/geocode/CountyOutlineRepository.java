package cn.civgeo.geocode;

import cn.civgeo.common.crs.Crs;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The county outlines' tables ({@code division_outline}, its parts, the unmapped features and the load record) and the
 * registry counties they are tied to. Run inside {@link CountyOutlines}'s transaction.
 */
@Repository
class CountyOutlineRepository {
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    CountyOutlineRepository(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    boolean loaded(String key) {
        return jdbc.sql("select count(*) from geocode_outline_load where source = :s").param("s", key).query(Integer.class).single() > 0;
    }

    /** One load at a time, across instances (for the rest of the transaction). */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('division_outline_load'))").query().singleValue();
    }

    void recordLoad(String key, int units, long millis) {
        jdbc.sql("insert into geocode_outline_load(source, units, millis) values (:s, :u, :ms)")
                .param("s", key).param("u", units).param("ms", millis).update();
    }

    /** The registry's active provinces, prefectures and counties (the test area 99 left out). */
    List<CountyOutlines.Registry> registryUnits() {
        return jdbc.sql("select code, name, level from division_read division where level <= 3 and status = 'active' and code not like '99%'")
                .query((rs, i) -> new CountyOutlines.Registry(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }

    /**
     * Replaces what an older source loaded: the tied outlines of counties without geometry of their own (old counties
     * merged into one unioned), their parts, a representative point for prefectures and provinces, and the features
     * that could not be tied. Returns the number of counties loaded.
     */
    int replace(List<CountyOutlines.Mapped> mapped, List<CountyOutlines.Unmapped> unmapped, String geometrySource) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (Statement s = c.createStatement()) {
            s.execute("delete from division_outline_part");
            s.execute("delete from division_outline");
            s.execute("delete from division_outline_unmapped");
            stage(c, s, mapped);
            int counties = insertCounties(s, geometrySource);
            s.execute("""
                    insert into division_outline_part (code, geom)
                    select code, (st_dump(st_subdivide(geom, 256))).geom from division_outline where level = 3""");
            s.execute("delete from division_outline_part where geometrytype(geom) <> 'POLYGON'");
            insertUpperLevels(s, geometrySource);
            insertUnmapped(c, unmapped);
            s.execute("analyze division_outline");
            s.execute("analyze division_outline_part");
            return counties;
        } catch (SQLException e) {
            throw new IllegalStateException("county outline load failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** The tied features into a temporary table by COPY, made valid multipolygons. */
    private static void stage(Connection c, Statement s, List<CountyOutlines.Mapped> mapped) throws SQLException {
        s.execute("create temporary table outline_stage (code varchar(12), via text, src text, geom geometry) on commit drop");
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy outline_stage (code, via, src, geom) from stdin (format text)");
        try {
            WKBWriter w = new WKBWriter(2, true);
            StringBuilder b = new StringBuilder(1 << 20);
            for (CountyOutlines.Mapped x : mapped) {
                x.geometry().setSRID(Crs.STORAGE_SRID);
                b.append(x.code()).append('\t').append(x.via()).append('\t')
                        .append(esc((x.sourceCode() == null ? "" : x.sourceCode()) + " " + x.sourceName())).append('\t')
                        .append(WKBWriter.toHex(w.write(x.geometry()))).append('\n');
                if (b.length() > (1 << 20)) write(in, b);
            }
            write(in, b);
            in.endCopy();
        } finally {
            if (in.isActive()) in.cancelCopy();
        }
        s.execute("update outline_stage set geom = st_multi(st_collectionextract(st_makevalid(geom), 3)) where not st_isvalid(geom) or geometrytype(geom) <> 'MULTIPOLYGON'");
    }

    /** Counties without geometry of their own: one outline per unit; old counties merged into one are unioned (only those few groups pay for the union). */
    private static int insertCounties(Statement s, String geometrySource) throws SQLException {
        int counties = s.executeUpdate("""
                insert into division_outline (code, level, geom, point, source, mapped_via, source_units)
                select q.code, 3, q.geom, st_pointonsurface(q.geom), '%s', q.via, q.src
                  from (select s.code, (array_agg(s.geom))[1] geom, min(s.via) via, min(s.src) src
                          from outline_stage s
                          join division_read d on d.code = s.code and d.geom is null and d.level = 3
                         group by s.code having count(*) = 1) q
                 where not st_isempty(q.geom)
                on conflict (code) do nothing""".formatted(geometrySource));
        return counties + s.executeUpdate("""
                insert into division_outline (code, level, geom, point, source, mapped_via, source_units)
                select q.code, 3, q.geom, st_pointonsurface(q.geom), '%s', q.via, q.src
                  from (select s.code, st_multi(st_collectionextract(st_makevalid(st_union(s.geom)), 3)) geom,
                               string_agg(distinct s.via, ',') via, string_agg(s.src, ', ' order by s.src) src
                          from outline_stage s
                          join division_read d on d.code = s.code and d.geom is null and d.level = 3
                         group by s.code having count(*) > 1) q
                 where not st_isempty(q.geom)
                on conflict (code) do nothing""".formatted(geometrySource));
    }

    /** Prefectures and provinces without geometry: a representative point of their counties' outlines. */
    private static void insertUpperLevels(Statement s, String geometrySource) throws SQLException {
        s.executeUpdate("""
                insert into division_outline (code, level, geom, point, source, mapped_via, source_units)
                select d.code, d.level, null,
                       case when exists (select 1 from division_outline o2 where o2.level = 3
                                           and o2.code like q.prefix and st_covers(o2.geom, st_centroid(q.c)))
                            then st_centroid(q.c) else st_pointonsurface(q.c) end,
                       '%s', 'counties', q.n || ' county outlines'
                  from division_read d
                  join lateral (select case when d.level = 1 then substr(d.code, 1, 2) else substr(d.code, 1, 4) end || '%%' prefix) p on true
                  join lateral (select p.prefix, st_collect(o.geom) c, count(*) n from division_outline o
                                 where o.level = 3 and o.code like p.prefix) q on q.n > 0
                 where d.level in (1, 2) and d.geom is null and d.code not like '99%%'
                on conflict (code) do nothing""".formatted(geometrySource));
    }

    private static void insertUnmapped(Connection c, List<CountyOutlines.Unmapped> unmapped) throws SQLException {
        try (var ps = c.prepareStatement("insert into division_outline_unmapped (source_code, source_name, source_map, reason) values (?, ?, ?, ?)")) {
            for (CountyOutlines.Unmapped u : unmapped) {
                ps.setString(1, u.sourceCode());
                ps.setString(2, u.sourceName() == null ? "" : u.sourceName());
                ps.setString(3, u.map());
                ps.setString(4, u.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void write(CopyIn in, StringBuilder b) throws SQLException {
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        b.setLength(0);
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }
}
