package cn.civgeo.boundary.inspection;

import cn.civgeo.boundary.inspection.InspectionModels.Inspection;
import cn.civgeo.boundary.inspection.InspectionModels.MarkerRecord;
import cn.civgeo.boundary.inspection.InspectionModels.Round;
import cn.civgeo.boundary.inspection.InspectionModels.StretchRecord;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InspectionRepository {
    private final JdbcClient jdbc;

    InspectionRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    // ---- rounds

    private static final String ROUND = """
            select r.*, (select count(*) from inspection_round_line rl where rl.round_id = r.id) as line_count,
                   (select count(*) from line_inspection li where li.round_id = r.id) as inspected_count
              from inspection_round r""";

    Optional<Round> round(long id) {
        return jdbc.sql(ROUND + " where r.id = :id").param("id", id).query(InspectionRepository::round).optional();
    }

    List<Round> rounds(Integer level, int limit, int offset) {
        return jdbc.sql(ROUND + " where (cast(:level as smallint) is null or r.level = :level) order by r.level, r.number desc, r.id limit :limit offset :offset")
                .param("level", level).param("limit", limit).param("offset", offset).query(InspectionRepository::round).list();
    }

    long countRounds(Integer level) {
        return jdbc.sql("select count(*) from inspection_round where (cast(:level as smallint) is null or level = :level)")
                .param("level", level).query(Long.class).single();
    }

    long insertRound(int number, int level, String name, int yearFrom, int yearTo, String note) {
        return jdbc.sql("""
                        insert into inspection_round(number, level, name, year_from, year_to, note)
                        values (:n, :level, :name, :yf, :yt, :note) returning id""")
                .param("n", number).param("level", level).param("name", name).param("yf", yearFrom).param("yt", yearTo)
                .param("note", note).query(Long.class).single();
    }

    boolean updateRound(long id, int version, String status, String note) {
        return jdbc.sql("""
                        update inspection_round set status = :s, note = :note, version = version + 1, updated_at = now()
                         where id = :id and version = :v""")
                .param("s", status).param("note", note).param("id", id).param("v", version).update() == 1;
    }

    int addRoundLines(long roundId, List<Long> lineIds) {
        int n = 0;
        for (long l : lineIds) {
            n += jdbc.sql("insert into inspection_round_line(round_id, line_id) values (:r, :l) on conflict do nothing")
                    .param("r", roundId).param("l", l).update();
        }
        return n;
    }

    List<Long> roundLineIds(long roundId) {
        return jdbc.sql("select line_id from inspection_round_line where round_id = :r order by line_id").param("r", roundId)
                .query(Long.class).list();
    }

    boolean roundCovers(long roundId, long lineId) {
        return jdbc.sql("select exists(select 1 from inspection_round_line where round_id = :r and line_id = :l)")
                .param("r", roundId).param("l", lineId).query(Boolean.class).single();
    }

    List<Long> activeLines(int level, String prefix) {
        return jdbc.sql("""
                        select id from boundary_line where level = :level and status <> 'superseded'
                           and (left_code like :p || '%' or right_code like :p || '%') order by code""")
                .param("level", level).param("p", prefix).query(Long.class).list();
    }

    // ---- line inspections

    Optional<Inspection> inspection(long id) {
        return jdbc.sql("""
                        select li.*, l.code as line_code, l.name as line_name from line_inspection li
                          join boundary_line l on l.id = li.line_id where li.id = :id""")
                .param("id", id).query((rs, i) -> inspection(rs)).optional();
    }

    List<Inspection> inspections(long roundId) {
        return jdbc.sql("""
                        select li.*, l.code as line_code, l.name as line_name from line_inspection li
                          join boundary_line l on l.id = li.line_id where li.round_id = :r order by l.code""")
                .param("r", roundId).query((rs, i) -> inspection(rs)).list();
    }

    Optional<Long> inspectionOf(long roundId, long lineId) {
        return jdbc.sql("select id from line_inspection where round_id = :r and line_id = :l")
                .param("r", roundId).param("l", lineId).query(Long.class).optional();
    }

    long insertInspection(long roundId, long lineId, LocalDate on, String left, String right, List<String> team, String note) {
        return jdbc.sql("""
                        insert into line_inspection(round_id, line_id, inspected_on, party_left, party_right, team, note)
                        values (:r, :l, :on, :pl, :pr, :team, :note) returning id""")
                .param("r", roundId).param("l", lineId).param("on", on).param("pl", left).param("pr", right)
                .param("team", team.toArray(String[]::new)).param("note", note).query(Long.class).single();
    }

    List<MarkerRecord> markerRecords(long inspectionId) {
        return jdbc.sql("""
                        select r.*, m.number from marker_record r join boundary_marker m on m.id = r.marker_id
                         where r.inspection_id = :i order by m.seq, m.type_code""")
                .param("i", inspectionId).query(InspectionRepository::record).list();
    }

    Optional<MarkerRecord> markerRecord(long id) {
        return jdbc.sql("select r.*, m.number from marker_record r join boundary_marker m on m.id = r.marker_id where r.id = :id")
                .param("id", id).query(InspectionRepository::record).optional();
    }

    List<StretchRecord> stretchRecords(long inspectionId) {
        return jdbc.sql("select * from stretch_record where inspection_id = :i order by id").param("i", inspectionId)
                .query((rs, i) -> new StretchRecord(rs.getLong("id"), rs.getString("from_marker"), rs.getString("to_marker"),
                        rs.getBoolean("terrain_changed"), rs.getBoolean("river_moved"),
                        rs.getBoolean("cross_boundary_construction"), rs.getString("description")))
                .list();
    }

    /**
     * Inserts or replaces the record of one marker in an inspection. The displacement is the planar distance in
     * the Gauss–Krüger zone between the marker's registered position and the surveyed (x northing, y easting).
     */
    long upsertMarkerRecord(long inspectionId, long markerId, String condition, Double x, Double y, Integer zone,
                            Double accuracyM, Boolean refs, Boolean repainted, String note) {
        return jdbc.sql("""
                        with s as (
                            select cast(:x as double precision) as x, cast(:y as double precision) as y,
                                   cast(:zone as integer) as zone
                        ), p as (
                            select s.*, gk_srid(s.zone) as srid from s
                        ), d as (
                            select p.x, p.y, p.zone,
                                   case when p.srid is null then null
                                        else ST_Transform(ST_SetSRID(ST_MakePoint(p.y, p.x), p.srid), 4490) end as geom,
                                   case when p.srid is null then null
                                        else round(ST_Distance(ST_Transform(m.geom, p.srid),
                                                   ST_SetSRID(ST_MakePoint(p.y, p.x), p.srid))::numeric, 3) end as disp
                              from p, boundary_marker m where m.id = :marker
                        )
                        insert into marker_record(inspection_id, marker_id, condition, surveyed_x, surveyed_y, surveyed_zone,
                               surveyed_geom, displacement_m, position_accuracy_m, reference_objects_present, repainted, note)
                        select :insp, :marker, :cond, d.x, d.y, d.zone, d.geom, d.disp, cast(:acc as numeric), :refs, :rep, :note from d
                        on conflict (inspection_id, marker_id) do update set condition = excluded.condition,
                               surveyed_x = excluded.surveyed_x, surveyed_y = excluded.surveyed_y,
                               surveyed_zone = excluded.surveyed_zone, surveyed_geom = excluded.surveyed_geom,
                               displacement_m = excluded.displacement_m, position_accuracy_m = excluded.position_accuracy_m,
                               reference_objects_present = excluded.reference_objects_present,
                               repainted = excluded.repainted, note = excluded.note,
                               version = marker_record.version + 1, updated_at = now()
                        returning id""")
                .param("x", x).param("y", y).param("zone", zone).param("insp", inspectionId).param("marker", markerId)
                .param("cond", condition).param("acc", accuracyM).param("refs", refs).param("rep", repainted).param("note", note)
                .query(Long.class).single();
    }

    /** Displacement (m, zone plane) of a surveyed point from a marker and the point's distance (m) to the marker's line. */
    double[] displacementAndLineDistance(long markerId, double x, double y, int zone) {
        return jdbc.sql("""
                        select ST_Distance(ST_Transform(m.geom, :srid), ST_SetSRID(ST_MakePoint(:y, :x), :srid)) as disp,
                               ST_Distance(l.geom::geography,
                                           ST_Transform(ST_SetSRID(ST_MakePoint(:y, :x), :srid), 4490)::geography) as to_line
                          from boundary_marker m join boundary_line l on l.id = m.line_id where m.id = :m""")
                .param("srid", cn.civgeo.common.crs.GaussKruger.srid(zone)).param("x", x).param("y", y).param("m", markerId)
                .query((rs, i) -> new double[] {rs.getDouble("disp"), rs.getDouble("to_line")}).single();
    }

    void updateMarkerCondition(long markerId, String condition, LocalDate on) {
        jdbc.sql("""
                        update boundary_marker set last_condition = :c, last_inspected_on = :on,
                               status = case :c when 'intact' then case when status = 'removed' then status else 'in_place' end
                                                else :c end,
                               version = version + 1, updated_at = now()
                         where id = :id and (last_inspected_on is null or last_inspected_on <= :on)""")
                .param("c", condition).param("on", on).param("id", markerId).update();
    }

    long insertStretch(long inspectionId, String from, String to, boolean terrain, boolean river, boolean construction,
                       String description) {
        return jdbc.sql("""
                        insert into stretch_record(inspection_id, from_marker, to_marker, terrain_changed, river_moved,
                               cross_boundary_construction, description)
                        values (:i, :f, :t, :tc, :rm, :cc, :d) returning id""")
                .param("i", inspectionId).param("f", from).param("t", to).param("tc", terrain).param("rm", river)
                .param("cc", construction).param("d", description).query(Long.class).single();
    }

    // ---- mapping

    private static Round round(ResultSet rs, int i) throws SQLException {
        return new Round(rs.getLong("id"), rs.getInt("number"), rs.getInt("level"), rs.getString("name"),
                rs.getInt("year_from"), rs.getInt("year_to"), rs.getString("status"), rs.getString("note"),
                rs.getInt("line_count"), rs.getInt("inspected_count"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static Inspection inspection(ResultSet rs) throws SQLException {
        Array team = rs.getArray("team");
        return new Inspection(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("line_id"), rs.getString("line_code"),
                rs.getString("line_name"), rs.getObject("inspected_on", LocalDate.class), rs.getString("party_left"),
                rs.getString("party_right"), team == null ? List.of() : Arrays.asList((String[]) team.getArray()),
                rs.getString("note"), rs.getInt("version"), null, null);
    }

    private static MarkerRecord record(ResultSet rs, int i) throws SQLException {
        return new MarkerRecord(rs.getLong("id"), rs.getLong("marker_id"), rs.getString("number"), rs.getString("condition"),
                dbl(rs.getBigDecimal("surveyed_x")), dbl(rs.getBigDecimal("surveyed_y")),
                (Integer) rs.getObject("surveyed_zone", Integer.class), dbl(rs.getBigDecimal("displacement_m")),
                (Boolean) rs.getObject("reference_objects_present"), (Boolean) rs.getObject("repainted"),
                rs.getString("note"), rs.getInt("version"), dbl(rs.getBigDecimal("position_accuracy_m")));
    }

    private static Double dbl(BigDecimal b) { return b == null ? null : b.doubleValue(); }
}
