package cn.civgeo.division.qa;

import cn.civgeo.division.qa.TopologyQaService.Finding;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link TopologyQaService}: the findings query of {@code sql/division/qa-findings.sql}. */
@Repository
class TopologyQaRepository {
    private final JdbcClient jdbc;
    private final String sql;

    TopologyQaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.sql = cn.civgeo.common.io.SqlFiles.load("division/qa-findings.sql");
    }

    /**
     * The gaps, overlaps, outside parts and slivers (below {@code toleranceM2}) among the children of {@code parent},
     * as they are now ({@code asOf} null: active units) or were on {@code asOf}.
     */
    List<Finding> findings(String parent, LocalDate asOf, double toleranceM2) {
        String src = asOf == null ? "(select * from division where status = 'active')" : "division_asof(:asOf)";
        JdbcClient.StatementSpec s = jdbc.sql(sql.replace("{{source}}", src)).param("parent", parent).param("tol", toleranceM2);
        if (asOf != null) s = s.param("asOf", asOf);
        return s.query((rs, i) -> new Finding(rs.getString("kind"),
                Arrays.asList((String[]) rs.getArray("codes").getArray()), rs.getDouble("area"), rs.getDouble("lon"),
                rs.getDouble("lat"), rs.getString("geojson"))).list();
    }
}
