package cn.civgeo.plan;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements of the indicator computer (resources/sql/plan), one per metric type, for several divisions at once.
 * Reads the other features only through their published read views.
 */
@Repository
class IndicatorRepository {
    private static final String RATIO = IndicatorComputer.sql("ratio.sql");
    private static final String UNIT_SHARE = IndicatorComputer.sql("unit-share.sql");
    private static final String FACILITY_SHARE = IndicatorComputer.sql("facility-share.sql");

    private final JdbcClient jdbc;

    IndicatorRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** A ratio's sides per division: facility sums (0 when none) and demographic values (null when unknown). */
    record RatioRow(String code, double numFac, Double numDem, double denFac, Double denDem) {}

    /** A share per division: numerator and denominator. */
    record ShareRow(String code, double num, double den) {}

    List<RatioRow> ratio(Metric m, String[] codes, LocalDate asOf, int year, String numField, String denField, String numDemo, String denDemo) {
        return jdbc.sql(RATIO).param("codes", codes).param("asOf", Date.valueOf(asOf)).param("year", year)
                .param("kinds", m.kindsOrEmpty().toArray(String[]::new))
                .param("numField", numField).param("denField", denField)
                .param("numDemo", numDemo).param("denDemo", denDemo)
                .query((rs, i) -> new RatioRow(rs.getString("code"), rs.getDouble("num_fac"), (Double) rs.getObject("num_dem"),
                        rs.getDouble("den_fac"), (Double) rs.getObject("den_dem"))).list();
    }

    List<ShareRow> unitShare(Metric m, String[] codes, LocalDate asOf, int year) {
        return jdbc.sql(UNIT_SHARE).param("codes", codes).param("asOf", Date.valueOf(asOf)).param("year", year)
                .param("level", m.level()).param("kinds", m.kindsOrEmpty().toArray(String[]::new))
                .param("minBeds", m.minBeds())
                .param("functions", m.functions() == null ? null : m.functions().toArray(String[]::new))
                .param("minFloor", m.minFloorArea()).param("filter", m.filter())
                .param("among", m.among() == null ? null : m.among().toArray(String[]::new))
                .query((rs, i) -> new ShareRow(rs.getString("code"), rs.getDouble("num"), rs.getDouble("den"))).list();
    }

    List<ShareRow> facilityShare(Metric m, String[] codes, LocalDate asOf) {
        return jdbc.sql(FACILITY_SHARE).param("codes", codes).param("asOf", Date.valueOf(asOf))
                .param("kinds", m.kindsOrEmpty().toArray(String[]::new)).param("grades", m.grades().toArray(String[]::new))
                .query((rs, i) -> new ShareRow(rs.getString("code"), rs.getDouble("num"), rs.getDouble("den"))).list();
    }
}
