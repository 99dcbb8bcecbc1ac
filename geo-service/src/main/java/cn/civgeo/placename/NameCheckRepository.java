package cn.civgeo.placename;

import cn.civgeo.placename.rules.NameRule;
import cn.civgeo.placename.rules.NameRules;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads of the name checks: names to compare with (place names, and division names read-only), exemptions. */
@Repository
class NameCheckRepository {
    private static final String LIVE = "('proposed','under_review','approved')";

    private final JdbcClient jdbc;

    NameCheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One live, current name of a scan, with the length (m) of a line. */
    record ScanRow(long id, String code, String name, String category, String division, Double length) {}

    /** Names (with their code) of the active divisions of a level within the scope, but the excluded code. */
    List<NameRules.Other> divisionNames(int level, String scope, String excludeCode) {
        return jdbc.sql("select code, name from division_read division where status = 'active' and level = :level and code like :scope"
                        + " and (:exclude is null or code <> :exclude)")
                .param("level", level).param("scope", scope + "%").param("exclude", excludeCode)
                .query((rs, i) -> new NameRules.Other(rs.getString(2), rs.getString(1))).list();
    }

    /**
     * Live, current place names (with their code, or "id N") within the scope, but the excluded record;
     * {@code group} is an SQL condition on the category (may use :cat).
     */
    List<NameRules.Other> placeNames(String scope, Long excludeId, String category, String group) {
        return jdbc.sql("select id, coalesce(code, 'id ' || id), name from place_name where status in " + LIVE + " and is_current"
                        + " and division_code like :scope and (:exclude::bigint is null or id <> :exclude)" + group)
                .param("scope", scope + "%").param("exclude", excludeId).param("cat", category)
                .query((rs, i) -> new NameRules.Other(rs.getString(3), rs.getString(2))).list();
    }

    /** The rules exempted for a name, with the reasons. */
    Map<NameRule, String> exemptions(String name) {
        Map<NameRule, String> out = new EnumMap<>(NameRule.class);
        jdbc.sql("select rule, reason from place_name_exemption where name = :n").param("n", name)
                .query((rs, i) -> Map.entry(NameRule.valueOf(rs.getString(1)), rs.getString(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Every exemption, by name. */
    Map<String, Map<NameRule, String>> allExemptions() {
        Map<String, Map<NameRule, String>> exemptionsByName = new HashMap<>();
        jdbc.sql("select name, rule, reason from place_name_exemption").query((rs, i) -> {
            exemptionsByName.computeIfAbsent(rs.getString(1), n -> new EnumMap<>(NameRule.class))
                    .put(NameRule.valueOf(rs.getString(2)), rs.getString(3));
            return null;
        }).list();
        return exemptionsByName;
    }

    /** The live, current names within a division prefix (all when null), by id. */
    List<ScanRow> liveNames(String divisionPrefix) {
        return jdbc.sql("""
                select id, code, name, category_code, division_code,
                       case when geometrytype(geom) in ('LINESTRING','MULTILINESTRING') then st_length(geom::geography) end
                  from place_name where status in """ + LIVE + " and is_current and division_code like :p order by id")
                .param("p", (divisionPrefix == null ? "" : divisionPrefix) + "%")
                .query((rs, i) -> new ScanRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Double) rs.getObject(6))).list();
    }
}
