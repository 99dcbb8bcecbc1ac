package cn.civgeo.geocode;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@link NearbyIndex}: the change counter of addresses and place names, and the rows of a generation
 * (streamed: a million addresses are read 20,000 at a time, not held in the driver).
 */
@Repository
class NearbyRepository {
    /** One active address: its id and point. */
    interface PointRow { void add(long id, double lon, double lat); }

    /** One approved place name with geometry: id, code, name, division code and the geometry as WKB. */
    interface ShapeRow { void add(long id, String code, String name, String divisionCode, byte[] wkb); }

    private final JdbcTemplate jdbc;

    NearbyRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(20_000);
    }

    /** The change counter of address and place_name (bumped in the writer's transaction by the change trigger, V103); -1 if none. */
    long changes() {
        Long c = jdbc.queryForObject("select civgeo_change_count(array['address', 'place_name'])", Long.class);
        return c == null ? -1 : c;
    }

    /** Every active address with a point. */
    void activeAddresses(PointRow sink) {
        jdbc.query("select id, st_x(geom), st_y(geom) from address_read address where status = 'active' and geom is not null",
                rs -> { sink.add(rs.getLong(1), rs.getDouble(2), rs.getDouble(3)); });
    }

    /** Every approved place name with geometry. */
    void approvedPlaceNames(ShapeRow sink) {
        jdbc.query("select id, code, name, division_code, st_asbinary(geom) from place_name_read place_name where status = 'approved' and geom is not null",
                rs -> { sink.add(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)); });
    }
}
