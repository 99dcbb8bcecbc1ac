package cn.civgeo.geocode;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The gazetteer's bulk reads of the division feature's published views ({@code division_read},
 * {@code division_version_read}, {@code division_part_read}) and the county outlines: read-only, row by row.
 */
@Repository
class GazetteerRepository {
    private static final String UNITS = """
            select d.code, d.name, d.level, d.parent_code, d.status = 'abolished' as abolished, d.pinyin, d.initials,
                   case when d.geom is null then st_x(o.point) else st_x(st_pointonsurface(d.geom)) end as x,
                   case when d.geom is null then st_y(o.point) else st_y(st_pointonsurface(d.geom)) end as y,
                   case when d.geom is null then o.source else d.geom_source end as geom_source
              from division_read d left join division_outline o on o.code = d.code""";
    private static final String FORMER_NAMES = """
            select distinct v.code, v.name from division_version_read v join division_read d on d.code = v.code where v.name <> d.name""";
    // Units without geometry of their own are located by the approximate county outlines (CountyOutlines).
    private static final String PARTS = """
            select p.code, st_asbinary(p.geom) from division_part_read p
            union all
            select o.code, st_asbinary(o.geom) from division_outline_part o
             where not exists (select 1 from division_part_read p where p.code = o.code)""";

    /**
     * One unit as read: its point ({@code lon, lat}: of its own geometry, else of its county outline; null without
     * either) and the source of that geometry (null when none).
     */
    record UnitRow(String code, String name, int level, String parentCode, boolean abolished, String pinyin, String initials,
                   double[] point, String geometrySource) {}

    private final JdbcClient jdbc;

    GazetteerRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** A cheap number that changes whenever divisions change (count, newest update, versions, outlines). */
    long fingerprint() {
        return jdbc.sql("select count(*) * 1000003 + coalesce(sum(version), 0) * 7919 + coalesce(extract(epoch from max(updated_at))::bigint, 0)"
                        + " + (select count(*) from division_outline) * 104729 from division_read division")
                .query(Long.class).single();
    }

    /** Every unit, active and abolished, each handed to {@code each} as it is read. */
    void units(Consumer<UnitRow> each) {
        jdbc.sql(UNITS).query((RowCallbackHandler) rs -> {
            double x = rs.getDouble("x");
            double[] p = rs.wasNull() ? null : new double[]{x, rs.getDouble("y")};
            each.accept(new UnitRow(rs.getString("code"), rs.getString("name"), rs.getInt("level"), rs.getString("parent_code"),
                    rs.getBoolean("abolished"), rs.getString("pinyin"), rs.getString("initials"), p, rs.getString("geom_source")));
        });
    }

    /** The former names of units (a superseded version's name other than the current one): code and name. */
    void formerNames(BiConsumer<String, String> each) {
        jdbc.sql(FORMER_NAMES).query((RowCallbackHandler) rs -> each.accept(rs.getString(1), rs.getString(2)));
    }

    /** The subdivided geometry parts (WKB) of the units, else of their county outlines: code and WKB. */
    void parts(BiConsumer<String, byte[]> each) {
        jdbc.sql(PARTS).query((RowCallbackHandler) rs -> each.accept(rs.getString(1), rs.getBytes(2)));
    }
}
