package cn.civgeo.placename.demo;

import cn.civgeo.placename.pinyin.PlaceNameRomanizer.Romanization;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The statements of the demo place names: whether they are loaded, the prefixes of names, the inserts. */
@Repository
class DemoPlaceNamesRepository {
    private final JdbcClient jdbc;

    DemoPlaceNamesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the demo names of the demo city are in the registry. */
    boolean demoLoaded() {
        return jdbc.sql("select exists(select 1 from place_name where proposed_by = 'demo' and division_code like '3502%')")
                .query(Boolean.class).single();
    }

    /** Names and short names of the province, its prefectures and the demo city's counties and townships. */
    List<String> provinceAndCityNames() {
        return jdbc.sql("select name from division_read division where code like '35%' and level <= 4 and (level < 3 or code like '3502%')"
                + " union select short_name from division_read division where code like '35%' and level <= 4 and (level < 3 or code like '3502%')")
                .query(String.class).list();
    }

    /** Exempts the historic name from the EXAGGERATED rule (once). */
    void exemptHistoric(String name) {
        jdbc.sql("""
                insert into place_name_exemption(name, rule, reason, created_by)
                values (:n, 'EXAGGERATED', '历史建筑名称，1870年代起沿用（鼓浪屿万国俱乐部） (historic name in settled use)', 'demo')
                on conflict do nothing""").param("n", name).update();
    }

    /** Inserts one approved demo name under a temporary code, in the township containing it (else the city); its id. */
    long insertApproved(String tmpCode, DemoPlaceNames.Planned p, Romanization rom, String city, String doc) {
        return jdbc.sql("""
                insert into place_name(code, name, spelling, pronunciation, pinyin, initials, category_code, division_code, geom,
                    location_text, meaning, status, naming_date, established_year, approval_authority, approval_doc, approval_date,
                    numbering, proposed_by, reviewed_by)
                select :code, :name, :spelling, :pron, :pinyin, :initials, :cat,
                       coalesce((select min(dp.code) from division_part_read dp where dp.level = 4
                                  and st_intersects(dp.geom, st_pointonsurface(g))), :city), g,
                       '厦门市（演示）', :meaning, 'approved', date '2020-06-30', 2020, '厦门市人民政府', :doc, date '2020-06-30',
                       :numbering, 'demo', 'demo'
                  from (select st_geomfromtext(:wkt, 4490) g) x
                returning id""")
                .param("code", tmpCode).param("name", p.name()).param("spelling", rom.spelling()).param("pron", rom.pronunciation())
                .param("pinyin", rom.toneless()).param("initials", rom.initials()).param("cat", p.category()).param("city", city)
                .param("meaning", p.meaning()).param("doc", doc).param("numbering", p.numbering())
                .param("wkt", p.wkt()).query(Long.class).single();
    }

    /** Gives the demo names their codes (county + category + sequence) and townships, and logs their approval. */
    void codeDemoNamesAndLogApproval() {
        jdbc.sql("""
                update place_name p set code = left(p.division_code, 6) || p.category_code || lpad((nextval('place_name_code_seq') % 1000000)::text, 6, '0'),
                       division_codes = coalesce((select array_agg(distinct dp.code order by dp.code) from division_part_read dp
                                                   where dp.level = 4 and st_intersects(dp.geom, p.geom)), array[p.division_code])
                 where p.proposed_by = 'demo' and p.code like 'TMP%'""").update();
        jdbc.sql("""
                insert into place_name_event(place_name_id, kind, from_status, to_status, actor, reason, approval_doc)
                select id, 'approve', null, 'approved', 'demo', 'demo data', approval_doc from place_name where proposed_by = 'demo'
                   and division_code like '3502%'""").update();
    }
}
