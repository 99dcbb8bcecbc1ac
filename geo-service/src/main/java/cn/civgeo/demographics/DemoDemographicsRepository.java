package cn.civgeo.demographics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The demo city's demographics rows ({@link DemoDemographics}): whether they are there, and their load. */
@Repository
class DemoDemographicsRepository {
    private final JdbcClient jdbc;

    DemoDemographicsRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Whether the demo city (3502) already has demographics with the invented 65+ figures. */
    boolean loaded() {
        return jdbc.sql("select exists(select 1 from demographics where division_code like '3502%' and age65 is not null)").query(Boolean.class).single();
    }

    /**
     * Writes the demo city's active units' rows for {@code year} from the demo generator's figures on the divisions (65+,
     * 80+, disabled, semi-disabled and 特困 as shares of 60+ by code); returns the rows written.
     */
    int load(int year) {
        return jdbc.sql("""
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
                       tekun_elderly = excluded.tekun_elderly, source = excluded.source""").param("y", year).update();
    }
}
