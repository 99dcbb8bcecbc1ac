package cn.civgeo.boundary.inspection;

import cn.civgeo.boundary.inspection.CycleModels.Assignment;
import cn.civgeo.boundary.inspection.CycleModels.MyMarker;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the inspection cycle, round assignments and a surveyor's lines (boundary and inspection tables only). */
@Repository
class CycleRepository {
    private final JdbcClient jdbc;

    CycleRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** One row per active line: last inspection date and the open round covering it (in progress first, newest). */
    record Row(long lineId, String code, String name, int level, String leftCode, String rightCode, LocalDate agreementDate,
               LocalDate lastInspectedOn, Long roundId, String roundName, String roundStatus, Long inspectionId,
               String team, List<String> members) {}

    private static final String CYCLE = """
            with last as (
                select line_id, max(inspected_on) as last_on from line_inspection group by line_id
            ), open_round as (
                select distinct on (rl.line_id) rl.line_id, r.id as round_id, r.name as round_name, r.status as round_status
                  from inspection_round_line rl join inspection_round r on r.id = rl.round_id
                 where r.status <> 'completed'
                 order by rl.line_id, (r.status = 'in_progress') desc, r.id desc
            )
            select l.id, l.code, l.name, l.level, l.left_code, l.right_code, l.agreement_date, last.last_on,
                   o.round_id, o.round_name, o.round_status, li.id as inspection_id, a.team, a.members
              from boundary_line l
              left join last on last.line_id = l.id
              left join open_round o on o.line_id = l.id
              left join line_inspection li on li.round_id = o.round_id and li.line_id = l.id
              left join inspection_assignment a on a.round_id = o.round_id and a.line_id = l.id
             where l.status <> 'superseded'
               and (cast(:level as smallint) is null or l.level = :level)
               and (cast(:p as text) is null or l.left_code like :p || '%' or l.right_code like :p || '%')
               and (cast(:line as bigint) is null or l.id = :line)
             order by l.level, l.code""";

    List<Row> cycle(Integer level, String prefix, Long lineId) {
        return jdbc.sql(CYCLE).param("level", level).param("p", prefix).param("line", lineId)
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getInt("level"),
                        rs.getString("left_code"), rs.getString("right_code"), rs.getObject("agreement_date", LocalDate.class),
                        rs.getObject("last_on", LocalDate.class), (Long) rs.getObject("round_id", Long.class),
                        rs.getString("round_name"), rs.getString("round_status"), (Long) rs.getObject("inspection_id", Long.class),
                        rs.getString("team"), strings(rs.getArray("members"))))
                .list();
    }

    // ---- assignments

    List<Assignment> assignments(long roundId) {
        return jdbc.sql("""
                        select a.*, l.code, l.name from inspection_assignment a join boundary_line l on l.id = a.line_id
                         where a.round_id = :r order by l.code""")
                .param("r", roundId)
                .query((rs, i) -> new Assignment(rs.getLong("line_id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("team"), strings(rs.getArray("members")), rs.getString("assigned_by")))
                .list();
    }

    void upsertAssignment(long roundId, long lineId, String team, List<String> members, String by) {
        jdbc.sql("""
                        insert into inspection_assignment(round_id, line_id, team, members, assigned_by)
                        values (:r, :l, :team, :members, :by)
                        on conflict (round_id, line_id) do update set team = excluded.team, members = excluded.members,
                               assigned_by = excluded.assigned_by, assigned_at = now()""")
                .param("r", roundId).param("l", lineId).param("team", team).param("members", members.toArray(String[]::new))
                .param("by", by).update();
    }

    /** Bumps the round's version (assignments are part of the round's plan): false when {@code version} is stale. */
    boolean touchRound(long roundId, int version) {
        return jdbc.sql("update inspection_round set version = version + 1, updated_at = now() where id = :id and version = :v")
                .param("id", roundId).param("v", version).update() == 1;
    }

    // ---- my lines

    record MyRow(long roundId, String roundName, String roundStatus, int roundVersion, long lineId, String code, String name,
                 int level, String team, List<String> members, Long inspectionId, Integer inspectionVersion, double[] bbox) {}

    List<MyRow> myLines(String username) {
        return jdbc.sql("""
                        select r.id as round_id, r.name as round_name, r.status as round_status, r.version as round_version,
                               l.id as line_id, l.code, l.name, l.level, a.team, a.members, li.id as inspection_id,
                               li.version as inspection_version,
                               ST_XMin(l.geom) as x0, ST_YMin(l.geom) as y0, ST_XMax(l.geom) as x1, ST_YMax(l.geom) as y1
                          from inspection_assignment a
                          join inspection_round r on r.id = a.round_id and r.status <> 'completed'
                          join boundary_line l on l.id = a.line_id
                          left join line_inspection li on li.round_id = a.round_id and li.line_id = a.line_id
                         where :u = any(a.members)
                         order by r.id desc, l.code""")
                .param("u", username)
                .query((rs, i) -> new MyRow(rs.getLong("round_id"), rs.getString("round_name"), rs.getString("round_status"),
                        rs.getInt("round_version"), rs.getLong("line_id"), rs.getString("code"), rs.getString("name"),
                        rs.getInt("level"), rs.getString("team"), strings(rs.getArray("members")),
                        (Long) rs.getObject("inspection_id", Long.class), (Integer) rs.getObject("inspection_version", Integer.class),
                        new double[] {rs.getDouble("x0"), rs.getDouble("y0"), rs.getDouble("x1"), rs.getDouble("y1")}))
                .list();
    }

    List<MyMarker> markersWithRecords(long lineId, Long inspectionId) {
        return jdbc.sql("""
                        select m.id, m.number, ST_X(m.geom) as lon, ST_Y(m.geom) as lat, m.last_condition,
                               r.condition as rec_condition, r.id as rec_id, r.version as rec_version
                          from boundary_marker m
                          left join marker_record r on r.marker_id = m.id and r.inspection_id = cast(:i as bigint)
                         where m.line_id = :l and m.status <> 'removed'
                         order by m.seq, m.type_code""")
                .param("l", lineId).param("i", inspectionId)
                .query((rs, i) -> new MyMarker(rs.getLong("id"), rs.getString("number"), rs.getDouble("lon"), rs.getDouble("lat"),
                        rs.getString("last_condition"), rs.getString("rec_condition"), (Long) rs.getObject("rec_id", Long.class),
                        (Integer) rs.getObject("rec_version", Integer.class)))
                .list();
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

}
