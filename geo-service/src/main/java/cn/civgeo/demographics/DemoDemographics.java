package cn.civgeo.demographics;

import cn.civgeo.demo.DemoDataContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo city's demographics for {@link #YEAR}: population, households and 60+ are the demo generator's invented
 * figures (until now on the division rows), copied here; 65+, 80+, disabled, semi-disabled and 特困 elderly are
 * invented as fixed shares of 60+ varying by code (deterministic), the whole city a cremation area. Runs after
 * the demo city (order 20) and before the facilities (60). Invented, not statistics.
 */
@Component
class DemoDemographics implements DemoDataContributor {
    static final int YEAR = 2025;
    private static final Logger log = LoggerFactory.getLogger(DemoDemographics.class);
    private final JdbcClient jdbc;

    DemoDemographics(JdbcClient jdbc) { this.jdbc = jdbc; }

    @Override public int order() { return 25; }

    @Override public String name() { return "demographics of the demo city"; }

    @Override
    public void load() {
        if (jdbc.sql("select exists(select 1 from demographics where division_code like '3502%' and age65 is not null)").query(Boolean.class).single()) return;
        int n = jdbc.sql("""
                insert into demographics(division_code, year, population, households, age60, age65, age80, disabled_elderly,
                       semi_disabled_elderly, tekun_elderly, urban_rural, cremation_area, source, updated_by)
                select code, :y, population, households, least(elderly, population),
                       round(least(elderly, population) * (0.62 + (abs(hashtext(code)) % 10) / 100.0)),
                       round(least(elderly, population) * (0.11 + (abs(hashtext(code)) % 5) / 100.0)),
                       round(least(elderly, population) * 0.035), round(least(elderly, population) * 0.06),
                       round(least(elderly, population) * 0.008), urban_rural, true,
                       '演示数据（生成器虚构）', 'demo'
                  from division_read division
                 where (code = '350200' or code like '3502%') and status = 'active' and population is not null
                on conflict (division_code, year) do update set age65 = excluded.age65, age80 = excluded.age80,
                       disabled_elderly = excluded.disabled_elderly, semi_disabled_elderly = excluded.semi_disabled_elderly,
                       tekun_elderly = excluded.tekun_elderly, source = excluded.source""").param("y", YEAR).update();
        log.info("demo demographics: {} rows for {}", n, YEAR);
    }
}
