package cn.civgeo.boundary.management;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@link ManagementDemoData}: the demo city's (3502…) lines and double markers. */
@Repository
class ManagementDemoRepository {
    /** A line of the demo city with the names of its two sides (the codes when a division has no name). */
    record DemoLine(long id, String code, String name, int level, String leftName, String rightName) {}

    private final JdbcClient jdbc;

    ManagementDemoRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** The demo city's lines that are not superseded, by level and code. */
    List<DemoLine> demoCityLines() {
        return jdbc.sql("""
                        select l.id, l.code, l.name, l.level, coalesce(dl.name, l.left_code) as left_name,
                               coalesce(dr.name, l.right_code) as right_name
                          from boundary_line l
                          left join division_read dl on dl.code = l.left_code
                          left join division_read dr on dr.code = l.right_code
                         where l.left_code like '3502%' and l.status <> 'superseded'
                         order by l.level, l.code""")
                .query((rs, i) -> new DemoLine(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getInt("level"),
                        rs.getString("left_name"), rs.getString("right_name"))).list();
    }

    /** Whether any line of the demo city has a 平安边界 agreement. */
    boolean anyDemoCityAgreement() {
        return jdbc.sql("select exists(select 1 from peace_border p join boundary_line l on l.id = p.line_id where l.left_code like '3502%')")
                .query(Boolean.class).single();
    }

    /** The ids of the double markers (A/B) on the demo city's district lines that are not removed, by number. */
    List<Long> demoCityDoubleMarkers() {
        return jdbc.sql("""
                        select k.id, k.number from boundary_marker k join boundary_line l on l.id = k.line_id
                         where l.left_code like '3502%' and l.level = 3 and k.type_code in ('A', 'B') and k.status <> 'removed'
                         order by k.number""").query((rs, i) -> rs.getLong("id")).list();
    }
}
