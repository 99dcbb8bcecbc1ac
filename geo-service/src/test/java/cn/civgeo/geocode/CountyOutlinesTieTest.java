package cn.civgeo.geocode;

import cn.civgeo.common.io.EchartsGeoJson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a 2017 outline is tied to today's county (CountyOutlines.tie): never guessed between several. */
class CountyOutlinesTieTest {
    private final Map<String, CountyOutlines.Registry> reg = new HashMap<>();
    private final Map<String, List<CountyOutlines.Registry>> byName = new HashMap<>();

    private void county(String code, String name) {
        CountyOutlines.Registry r = new CountyOutlines.Registry(code, name, 3);
        reg.put(code, r);
        for (String key : List.of(code.substring(0, 4) + "|" + name, code.substring(0, 2) + "|" + name,
                code.substring(0, 4) + "|~" + CountyOutlines.specific(name), code.substring(0, 2) + "|~" + CountyOutlines.specific(name))) {
            byName.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
    }

    private String[] tie(String id, String name) {
        return CountyOutlines.tie(new EchartsGeoJson.Feature(id, name, null), null, reg, byName, Map.of());
    }

    @Test
    void aCountyMadeACityOrADistrictIsTiedByItsSpecificName() {
        reg.put("530600", new CountyOutlines.Registry("530600", "昭通市", 2));
        reg.put("530300", new CountyOutlines.Registry("530300", "曲靖市", 2));
        reg.put("220100", new CountyOutlines.Registry("220100", "长春市", 2));
        reg.put("220300", new CountyOutlines.Registry("220300", "四平市", 2));
        county("530681", "水富市");
        county("530304", "马龙区");
        county("220184", "公主岭市");
        assertThat(tie("530630", "水富县")).containsExactly("530681", "renamed-same-specific-name");
        assertThat(tie("530321", "马龙县")).containsExactly("530304", "renamed-same-specific-name");
        assertThat(tie("220381", "公主岭市")).as("moved to another prefecture of the province").containsExactly("220184", "same-name-in-province");
    }

    @Test
    void aSpecificNameSharedInTheProvinceIsNotGuessed() {
        reg.put("130500", new CountyOutlines.Registry("130500", "邢台市", 2));
        county("130104", "桥西区");
        county("130703", "桥西区");
        county("130503", "信都区");
        assertThat(tie("130503", "桥西区")[0]).as("the code is 信都区 now; only the former-names table may tie them").isNull();
        assertThat(tie("130599", "桥西区")[0]).isNull();
        assertThat(CountyOutlines.specific("浦东新区")).isEqualTo("浦东");
        assertThat(CountyOutlines.specific("峨边彝族自治县")).isEqualTo("峨边彝族");
    }
}
