package cn.civgeo.address;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL on {@code address}. Points are EPSG:4490; distances in metres on the ellipsoid. */
@Repository
class AddressRepository {
    static final String COLS = """
            a.id, a.code, a.road_id, r.name as road, r.spelling as road_spelling, a.number, a.number_suffix, a.building, a.unit,
            a.room, a.community_code, a.township_code, a.county_code, st_x(a.geom) as lon, st_y(a.geom) as lat,
            a.status, a.full_text, a.source, a.version, a.created_at, a.updated_at, a.approval""";
    static final String FROM = " from address a join place_name_read r on r.id = a.road_id ";

    private final JdbcClient jdbc;

    public AddressRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    public Optional<Address> find(long id) {
        return jdbc.sql("select " + COLS + ", null::float8 as dist" + FROM + " where a.id = :id").param("id", id).query(AddressRepository::map).optional();
    }

    public Optional<Address> findByCode(String code) {
        return jdbc.sql("select " + COLS + ", null::float8 as dist" + FROM + " where a.code = :code").param("code", code)
                .query(AddressRepository::map).optional();
    }

    public boolean codeExists(String code, Long exceptId) {
        return jdbc.sql("select count(*) from address where code = :c and (:id::bigint is null or id <> :id)").param("c", code)
                .param("id", exceptId).query(Long.class).single() > 0;
    }

    public long insert(String code, long roadId, int number, String suffix, String building, String unit, String room, String community,
                       double lon, double lat, String status, String fullText, String source) {
        return jdbc.sql("""
                insert into address(code, road_id, number, number_suffix, building, unit, room, community_code, geom, status, full_text, source)
                values (:code, :road, :number, :suffix, :building, :unit, :room, :community, st_setsrid(st_makepoint(:lon, :lat), 4490),
                        :status, :full, :source) returning id""")
                .param("code", code).param("road", roadId).param("number", number).param("suffix", suffix).param("building", building)
                .param("unit", unit).param("room", room).param("community", community).param("lon", lon).param("lat", lat)
                .param("status", status).param("full", fullText).param("source", source).query(Long.class).single();
    }

    public boolean update(long id, int version, String code, long roadId, int number, String suffix, String building, String unit,
                          String room, String community, double lon, double lat, String status, String fullText) {
        return jdbc.sql("""
                update address set code = :code, road_id = :road, number = :number, number_suffix = :suffix, building = :building,
                       unit = :unit, room = :room, community_code = :community, geom = st_setsrid(st_makepoint(:lon, :lat), 4490),
                       status = :status, full_text = :full, version = version + 1, updated_at = now()
                 where id = :id and version = :version""")
                .param("code", code).param("road", roadId).param("number", number).param("suffix", suffix).param("building", building)
                .param("unit", unit).param("room", room).param("community", community).param("lon", lon).param("lat", lat)
                .param("status", status).param("full", fullText).param("id", id).param("version", version).update() == 1;
    }

    /** Sets the approval state (draft or approved) at that version; false when the version is stale. */
    public boolean setApproval(long id, int version, String approval, String actor) {
        return jdbc.sql("""
                update address set approval = :a, approved_by = case when :a = 'approved' then :actor end,
                       approved_at = case when :a = 'approved' then now() end, version = version + 1, updated_at = now()
                 where id = :id and version = :version""")
                .param("a", approval).param("actor", actor).param("id", id).param("version", version).update() == 1;
    }

    /** Doorplates on a road of that name (standard, alias or former name) with that number, within a division prefix. */
    public List<Address> byRoadAndNumber(String road, Integer number, String suffix, String divisionPrefix, int limit) {
        return jdbc.sql("select " + COLS + ", null::float8 as dist" + FROM + """
                 where a.road_id in (select id from place_name_read place_name where name = :road or aliases @> array[:road]::text[]
                                     union select place_name_id from place_name_former_read place_name_former where name = :road)
                   and (:number::int is null or a.number = :number)
                   and (:suffix::text is null or a.number_suffix = :suffix)
                   and a.community_code like :div and a.status <> 'retired'
                 order by a.number, a.number_suffix nulls first, a.building nulls first, a.unit nulls first, a.room nulls first, a.id
                 limit :limit""")
                .param("road", road).param("number", number).param("suffix", suffix).param("div", (divisionPrefix == null ? "" : divisionPrefix) + "%")
                .param("limit", limit).query(AddressRepository::map).list();
    }

    public List<String> roadNames(String divisionPrefix) {
        return jdbc.sql("""
                select r.name from place_name_read r where r.id in (
                  select distinct a.road_id from address a where a.community_code like :div and a.status <> 'retired')""")
                .param("div", divisionPrefix + "%").query(String.class).list();
    }

    public List<Address> byIds(java.util.Collection<Long> ids) {
        return jdbc.sql("select " + COLS + ", null::float8 as dist" + FROM + " where a.id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query(AddressRepository::map).list();
    }

    /**
     * Active doorplates nearest to a point in metres on the ellipsoid, within {@code maxM}: the GiST index narrows to a
     * box that holds the circle (1° of latitude is at least 110,574 m), the exact distance decides.
     */
    public List<Address> nearest(double lon, double lat, double maxM, int limit) {
        double dLat = maxM / 110_574.0 * 1.01, dLon = dLat / Math.max(Math.cos(Math.toRadians(Math.min(Math.abs(lat) + dLat, 89.9))), 0.01);
        return jdbc.sql("with p as (select st_setsrid(st_makepoint(:lon, :lat), 4490) g) select " + COLS
                        + ", st_distance(a.geom::geography, p.g::geography) as dist" + FROM + """
                 , p where a.status = 'active'
                   and a.geom && st_makeenvelope(:lon - :dlon, :lat - :dlat, :lon + :dlon, :lat + :dlat, 4490)
                   and st_dwithin(a.geom::geography, p.g::geography, :max)
                 order by dist, a.id limit :limit""")
                .param("lon", lon).param("lat", lat).param("max", maxM).param("dlon", dLon).param("dlat", dLat).param("limit", limit)
                .query(AddressRepository::map).list();
    }

    public List<Address> search(String text, Long roadId, String divisionPrefix, String status, double[] bbox, int limit, int offset) {
        return jdbc.sql("select " + COLS + ", null::float8 as dist" + FROM + WHERE + """
                 order by (case when :text::text is null then 0 else similarity(a.full_text, :text) end) desc, a.road_id, a.number, a.id
                 limit :limit offset :offset""")
                .params(filterParams(text, roadId, divisionPrefix, status, bbox)).param("limit", limit).param("offset", offset)
                .query(AddressRepository::map).list();
    }

    public long count(String text, Long roadId, String divisionPrefix, String status, double[] bbox) {
        return jdbc.sql("select count(*)" + FROM + WHERE).params(filterParams(text, roadId, divisionPrefix, status, bbox)).query(Long.class).single();
    }

    private static final String WHERE = """
             where (:text::text is null or a.full_text like '%' || replace(replace(replace(:text, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
                    or a.full_text % :text)
               and (:road::bigint is null or a.road_id = :road)
               and a.community_code like :div
               and (:status::text is null or a.status = :status)
               and (:minx::float8 is null or a.geom && st_makeenvelope(:minx, :miny, :maxx, :maxy, 4490))
            """;

    private static java.util.Map<String, Object> filterParams(String text, Long roadId, String div, String status, double[] bbox) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("text", text);
        m.put("road", roadId);
        m.put("div", (div == null ? "" : div) + "%");
        m.put("status", status);
        m.put("minx", bbox == null ? null : bbox[0]);
        m.put("miny", bbox == null ? null : bbox[1]);
        m.put("maxx", bbox == null ? null : bbox[2]);
        m.put("maxy", bbox == null ? null : bbox[3]);
        return m;
    }

    /** Nearest point of the road to (lon, lat): {dx, dy} from the road to the point, in degrees. */
    public double[] offsetFromRoad(long roadId, double lon, double lat) {
        return jdbc.sql("""
                select :lon - st_x(c), :lat - st_y(c) from (select st_closestpoint(geom, st_setsrid(st_makepoint(:lon, :lat), 4490)) c
                  from place_name_read place_name where id = :id and geom is not null) x""")
                .param("lon", lon).param("lat", lat).param("id", roadId).query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .optional().orElse(null);
    }

    /** Whether the point lies inside the division's geometry (true when the division has none). */
    public boolean inside(String code, double lon, double lat) {
        return jdbc.sql("""
                select coalesce((select st_intersects(geom, st_setsrid(st_makepoint(:lon, :lat), 4490)) from division_read division where code = :c and geom is not null), true)""")
                .param("c", code).param("lon", lon).param("lat", lat).query(Boolean.class).single();
    }

    static Address map(ResultSet rs, int i) throws SQLException {
        double lon = rs.getDouble("lon");
        double lat = rs.getDouble("lat");
        return new Address(rs.getLong("id"), rs.getString("code"), rs.getLong("road_id"), rs.getString("road"), rs.getString("road_spelling"),
                rs.getInt("number"), rs.getString("number_suffix"), Doorplates.doorplate(rs.getInt("number"), rs.getString("number_suffix")),
                rs.getString("building"), rs.getString("unit"), rs.getString("room"), rs.getString("community_code"),
                rs.getString("township_code"), rs.getString("county_code"), lon, lat,
                "{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]}", rs.getString("status"), rs.getString("full_text"),
                rs.getString("source"), (Double) rs.getObject("dist", Double.class), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("approval"));
    }
}
