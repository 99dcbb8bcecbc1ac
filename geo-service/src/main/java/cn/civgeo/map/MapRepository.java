package cn.civgeo.map;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The map's reads: the layers' tile and items SQL ({@code classpath:sql/map/}, run as given), the deepest division
 * level with labels, the extent of a level's tile shapes and whether a layer's tables exist. Read-only.
 */
@Repository
class MapRepository {
    /** One row of a layer's items query: the number matching, the feature's GeoJSON and its key in the layer's order. */
    record Item(long total, String feature, String pageKey) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate cursor;

    MapRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate t = new JdbcTemplate(dataSource);
        t.setFetchSize(FeatureService.FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(t);
    }

    /** Whether the table (or view) exists. */
    boolean tableExists(String table) {
        return Boolean.TRUE.equals(jdbc.sql("select to_regclass(:t) is not null").param("t", table)
                .query(Boolean.class).single());
    }

    /** One vector tile by the layer's tile SQL; empty bytes when it returns no row. */
    byte[] tile(String tileSql, int z, int x, int y, int band, double tol, int level) {
        return jdbc.sql(tileSql).param("z", z).param("x", x).param("y", y).param("band", band)
                .param("tol", tol).param("level", level).query(byte[].class).optional().orElse(new byte[0]);
    }

    /** The deepest level 1–5 that has a label point in {@code division_tile_label_read}, or null when none has. */
    Integer deepestLabelledLevel() {
        return jdbc.sql("""
                select max(v.l) from generate_series(1, 5) v(l)
                 where exists (select 1 from division_tile_label_read where level = v.l)""")
                .query(Integer.class).optional().orElse(null);
    }

    /**
     * The extent (x0, y0, x1, y1 in EPSG:3857) of a level's tile shapes in a band within {@code view}
     * ({@code x0, y0, x1, y1}), or null when none lies there.
     */
    List<Double> levelExtent(int band, int level, double[] view) {
        return jdbc.sql("""
                select st_xmin(e) x0, st_ymin(e) y0, st_xmax(e) x1, st_ymax(e) y1 from (
                  select st_extent(geom) e from division_tile_shape_read
                   where band = :band and level = :level
                     and geom && st_makeenvelope(:x0, :y0, :x1, :y1, 3857)) s where e is not null""")
                .param("band", band).param("level", level)
                .param("x0", view[0]).param("y0", view[1]).param("x1", view[2]).param("y1", view[3])
                .query((rs, i) -> List.of(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)))
                .optional().orElse(null);
    }

    /** The rows of a layer's items query, in its order. */
    List<Item> items(String itemsSql, Map<String, Object> params) {
        return jdbc.sql(itemsSql).params(params)
                .query((rs, i) -> new Item(rs.getLong("total"), rs.getString("feature"), rs.getString("page_key"))).list();
    }

    /** The page keys of a layer's items query (its features' JSON is not built), in its order. */
    List<String> pageKeys(String itemsSql, Map<String, Object> params) {
        return jdbc.sql("select page.page_key from (" + itemsSql + ") page").params(params)
                .query((rs, i) -> rs.getString(1)).list();
    }

    /** A layer's items query from a database cursor ({@value FeatureService#FETCH_SIZE} rows a fetch), each feature to {@code each}. */
    void streamFeatures(String itemsSql, Map<String, Object> params, java.util.function.Consumer<String> each) {
        cursor.query(itemsSql, params, (RowCallbackHandler) rs -> each.accept(rs.getString("feature")));
    }
}
