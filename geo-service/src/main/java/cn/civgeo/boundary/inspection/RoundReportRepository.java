package cn.civgeo.boundary.inspection;

import cn.civgeo.boundary.inspection.RoundReportService.Displaced;
import cn.civgeo.boundary.inspection.RoundReportService.LineSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@link RoundReportService}: a round's lines and displaced markers. */
@Repository
class RoundReportRepository {
    private final JdbcClient jdbc;

    RoundReportRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Per line of the round: its markers, what the records found, open problems; by line code. */
    List<LineSummary> lineSummaries(long roundId) {
        return jdbc.sql("""
                        select l.id, l.code, l.name, li.id as insp_id, li.inspected_on,
                               (select count(*) from boundary_marker m where m.line_id = l.id and m.status <> 'removed') as markers,
                               count(r.id) as inspected,
                               count(*) filter (where r.condition = 'intact') as intact,
                               count(*) filter (where r.condition = 'damaged') as damaged,
                               count(*) filter (where r.condition = 'missing') as missing,
                               count(*) filter (where r.condition = 'displaced') as displaced,
                               max(r.displacement_m) filter (where r.condition = 'displaced') as max_disp,
                               (select count(*) from boundary_problem p where p.line_id = l.id and p.round_id = rl.round_id
                                   and p.status <> 'closed') as open_problems
                          from inspection_round_line rl
                          join boundary_line l on l.id = rl.line_id
                          left join line_inspection li on li.round_id = rl.round_id and li.line_id = l.id
                          left join marker_record r on r.inspection_id = li.id
                         where rl.round_id = :r
                         group by l.id, l.code, l.name, li.id, li.inspected_on, rl.round_id
                         order by l.code""")
                .param("r", roundId)
                .query((rs, i) -> {
                    int markers = rs.getInt("markers"), inspected = rs.getInt("inspected");
                    BigDecimal max = rs.getBigDecimal("max_disp");
                    return new LineSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            (Long) rs.getObject("insp_id", Long.class), rs.getObject("inspected_on", LocalDate.class), markers,
                            inspected, rs.getInt("intact"), rs.getInt("damaged"), rs.getInt("missing"), rs.getInt("displaced"),
                            Math.max(0, markers - inspected), max == null ? null : max.doubleValue(), rs.getInt("open_problems"));
                }).list();
    }

    /** The markers the round found displaced, farthest first. */
    List<Displaced> displaced(long roundId) {
        return jdbc.sql("""
                        select l.code, m.number, r.displacement_m, r.surveyed_x, r.surveyed_y, r.surveyed_zone,
                               li.inspected_on, r.note, r.position_accuracy_m
                          from marker_record r join line_inspection li on li.id = r.inspection_id
                          join boundary_line l on l.id = li.line_id join boundary_marker m on m.id = r.marker_id
                         where li.round_id = :r and r.condition = 'displaced'
                         order by r.displacement_m desc nulls last, m.number""")
                .param("r", roundId)
                .query((rs, i) -> new Displaced(rs.getString("code"), rs.getString("number"), dbl(rs.getBigDecimal("displacement_m")),
                        dbl(rs.getBigDecimal("surveyed_x")), dbl(rs.getBigDecimal("surveyed_y")),
                        (Integer) rs.getObject("surveyed_zone", Integer.class), rs.getObject("inspected_on", LocalDate.class),
                        rs.getString("note"), dbl(rs.getBigDecimal("position_accuracy_m")))).list();
    }

    private static Double dbl(BigDecimal b) { return b == null ? null : b.doubleValue(); }
}
