package cn.civgeo.coverage;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ServiceAreaRepository {
    private static final String FEATURE = """
            json_build_object('type', 'Feature', 'id', s.facility_id, 'geometry', ST_AsGeoJSON(s.geom, 7)::json,
                'properties', json_build_object('facilityId', s.facility_id, 'name', f.name, 'kind', f.kind,
                    'method', s.method, 'networkId', s.network_id, 'minutes', s.minutes, 'speedMps', s.speed_mps,
                    'maxDistanceM', s.max_distance_m, 'snapDistanceM', round(s.snap_distance_m::numeric, 1),
                    'reachedLengthM', round(s.reached_length_m::numeric), 'reachedNodes', s.reached_nodes,
                    'areaM2', round(s.area_m2::numeric), 'stale', s.stale, 'computedAt', s.computed_at))""";

    private final JdbcClient jdbc;

    ServiceAreaRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Computes and stores the service area of one facility; the network is the active one covering it. */
    void compute(long facilityId, ServiceAreaService.Params p) {
        long t0 = System.nanoTime();
        jdbc.sql("""
                        with f as (select id, geom, version,
                                          (select n.id from road_network n where n.active and n.extent && facility.geom
                                            order by n.updated_at desc, n.id desc limit 1) as network_id
                                     from facility_read facility where id = :id),
                        w as (select f.*, a.* from f, civgeo_walk_area(f.network_id, f.geom, :max, :snap, :buffer, :shape) a)
                        insert into service_area(facility_id, network_id, method, minutes, speed_mps, max_distance_m,
                               snap_distance_m, reached_length_m, reached_nodes, area_m2, facility_version, stale, computed_at, geom)
                        select id, case when method like 'network%' then network_id end, method, :minutes, :speed, :max,
                               snap_distance_m, reached_length_m, reached_nodes, ST_Area(area::geography), version, false, now(), area
                          from w
                        on conflict (facility_id) do update set network_id = excluded.network_id, method = excluded.method,
                               minutes = excluded.minutes, speed_mps = excluded.speed_mps, max_distance_m = excluded.max_distance_m,
                               snap_distance_m = excluded.snap_distance_m, reached_length_m = excluded.reached_length_m,
                               reached_nodes = excluded.reached_nodes, area_m2 = excluded.area_m2,
                               facility_version = excluded.facility_version, stale = false, computed_at = now(), geom = excluded.geom""")
                .param("id", facilityId).param("max", p.maxDistanceM()).param("snap", p.snapDistanceM())
                .param("buffer", p.edgeBufferM()).param("shape", p.shape()).param("minutes", p.minutes()).param("speed", p.speedMps())
                .update();
        double ms = (System.nanoTime() - t0) / 1e6;
        jdbc.sql("update service_area set computed_ms = :ms where facility_id = :id").param("ms", ms).param("id", facilityId).update();
    }

    /** A walking area from any point, not stored: GeoJSON Feature. */
    String at(Long networkId, double lon, double lat, ServiceAreaService.Params p) {
        return jdbc.sql("""
                        select json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(a.area, 7)::json,
                            'properties', json_build_object('method', a.method, 'networkId', case when a.method like 'network%' then cast(:net as bigint) end,
                                'minutes', cast(:minutes as float8), 'speedMps', cast(:speed as float8), 'maxDistanceM', cast(:max as float8),
                                'snapDistanceM', round(a.snap_distance_m::numeric, 1), 'reachedLengthM', round(a.reached_length_m::numeric),
                                'reachedNodes', a.reached_nodes, 'areaM2', round(ST_Area(a.area::geography)::numeric)))::text
                          from civgeo_walk_area(cast(:net as bigint), ST_SetSRID(ST_MakePoint(:x, :y), 4490), :max, :snap, :buffer, :shape) a""")
                .param("net", networkId).param("x", lon).param("y", lat).param("max", p.maxDistanceM()).param("snap", p.snapDistanceM())
                .param("buffer", p.edgeBufferM()).param("shape", p.shape()).param("minutes", p.minutes()).param("speed", p.speedMps())
                .query(String.class).single();
    }

    Optional<String> feature(long facilityId) {
        return jdbc.sql("select json_build_object('type', 'FeatureCollection', 'features', json_build_array(" + FEATURE
                        + "))::text from service_area s join facility_read f on f.id = s.facility_id where s.facility_id = :id")
                .param("id", facilityId).query(String.class).optional();
    }

    String collection(List<String> kinds, String divisionPrefix, double[] bbox) {
        return jdbc.sql("""
                        select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(""" + FEATURE + """
                         order by s.facility_id), '[]'::json))::text
                          from service_area s join facility_read f on f.id = s.facility_id
                         where (cardinality(cast(:kinds as text[])) = 0 or f.kind = any(cast(:kinds as text[])))
                           and (cast(:prefix as text) is null or f.division_code like cast(:prefix as text) || '%')
                           and (cast(:x1 as float8) is null or s.geom && ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4490))""")
                .param("kinds", "{" + String.join(",", kinds) + "}").param("prefix", divisionPrefix)
                .param("x1", bbox == null ? null : bbox[0]).param("y1", bbox == null ? null : bbox[1])
                .param("x2", bbox == null ? null : bbox[2]).param("y2", bbox == null ? null : bbox[3])
                .query(String.class).single();
    }

    /** Facilities whose service area is missing, stale or computed with other parameters. */
    List<Long> needingWork(List<String> kinds, String divisionPrefix, boolean all, ServiceAreaService.Params p) {
        return jdbc.sql("""
                        select f.id from facility_read f left join service_area s on s.facility_id = f.id
                         where (cardinality(cast(:kinds as text[])) = 0 or f.kind = any(cast(:kinds as text[])))
                           and (cast(:prefix as text) is null or f.division_code like cast(:prefix as text) || '%')
                           and (:all or s.facility_id is null or s.stale or s.facility_version <> f.version
                                or s.max_distance_m <> :max or (s.method like 'network%' and s.method <> 'network-' || :shape))
                         order by f.id""")
                .param("kinds", "{" + String.join(",", kinds) + "}").param("prefix", divisionPrefix).param("all", all)
                .param("max", p.maxDistanceM()).param("shape", p.shape()).query(Long.class).list();
    }

    /** Marks stale the service areas of facilities inside (or computed on) a network. */
    int markStale(long networkId) {
        return jdbc.sql("""
                        update service_area s set stale = true
                          from facility_read f
                         where f.id = s.facility_id
                           and (s.network_id = :n or f.geom && (select extent from road_network where id = :n))""")
                .param("n", networkId).update();
    }

    record Stats(long count, double totalMs, long network, long offNetwork) {}

    Stats stats(List<Long> ids) {
        return jdbc.sql("""
                        select count(*), coalesce(sum(computed_ms), 0), count(*) filter (where method like 'network%'),
                               count(*) filter (where method = 'straight-line-off-network')
                          from service_area where facility_id = any(cast(:ids as bigint[]))""")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, i) -> new Stats(rs.getLong(1), rs.getDouble(2), rs.getLong(3), rs.getLong(4))).single();
    }
}
