package cn.civgeo.facility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FacilityAttributeRulesTest {
    private static List<String> fields(FacilityKind k, FacilityAttributes a, Double land) {
        Validation v = new Validation();
        FacilityAttributeRules.check(v, k, a, land);
        return v.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void attributesOnlyOnTheKindsTheyDescribe() {
        FacilityAttributes functions = new FacilityAttributes(null, List.of("全托", "日托", "上门", "对下指导"), true, null, null, null, null);
        assertThat(fields(FacilityKind.TOWNSHIP_CENTRE, functions, null)).isEmpty();
        assertThat(fields(FacilityKind.FUNERAL_HOME, functions, null)).contains("attributes.functions", "attributes.medicalCare");
        assertThat(fields(FacilityKind.NURSING_HOME, new FacilityAttributes(null, List.of("sauna"), null, null, null, null, null), null))
                .containsExactly("attributes.functions");
        assertThat(fields(FacilityKind.NURSING_HOME, new FacilityAttributes("特困供养机构", null, null, null, null, null, null), null)).isEmpty();
        assertThat(fields(FacilityKind.COMMUNITY_STATION, new FacilityAttributes("tekun", null, null, null, null, null, null), null))
                .containsExactly("attributes.subtype");
        assertThat(fields(FacilityKind.FUNERAL_HOME, new FacilityAttributes(null, null, null, 4, 5, null, null), null))
                .containsExactly("attributes.ecoCremators");
        assertThat(fields(FacilityKind.FUNERAL_SERVICE_CENTRE, new FacilityAttributes(null, null, null, 4, 2, null, null), null)).isEmpty();
        assertThat(fields(FacilityKind.COMMERCIAL_CEMETERY, new FacilityAttributes(null, null, null, null, null, 5000.0, null), 4000.0))
                .containsExactly("attributes.publicSectionAreaM2");
        assertThat(fields(FacilityKind.PUBLIC_CEMETERY, new FacilityAttributes(null, null, null, null, null, 100.0, null), null))
                .containsExactly("attributes.publicSectionAreaM2");
        assertThat(fields(FacilityKind.MARRIAGE_REGISTRY, new FacilityAttributes(null, null, null, null, null, null, "4a"), null)).isEmpty();
        assertThat(fields(FacilityKind.MARRIAGE_REGISTRY, new FacilityAttributes(null, null, null, null, null, null, "2A"), null))
                .containsExactly("attributes.grade");
    }

    @Test
    void functionsAreNormalisedToCodes() {
        Validation v = new Validation();
        FacilityAttributes out = FacilityAttributeRules.check(v, FacilityKind.NURSING_HOME,
                new FacilityAttributes(null, List.of("全托", "full_care", "上门"), null, null, null, null, null), null);
        assertThat(out.functions()).containsExactly("full_care", "home_care");
        assertThat(FacilityKind.parse("婚姻登记处")).contains(FacilityKind.MARRIAGE_REGISTRY);
        assertThat(FacilityKind.parse("乡镇综合养老服务中心")).contains(FacilityKind.TOWNSHIP_CENTRE);
    }
}
