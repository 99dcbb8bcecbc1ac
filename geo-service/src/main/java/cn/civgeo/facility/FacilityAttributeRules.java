package cn.civgeo.facility;

import cn.civgeo.common.Validation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Per-kind validation of the §9 attributes ({@link FacilityAttributes}): each attribute only on the kinds it
 * describes, functions and subtypes from their lists, eco-friendly cremators ≤ cremators, a commercial cemetery's
 * public section ≤ its land area, a registry grade of 3A/4A/5A. Answers the normalised attributes (codes, not
 * Chinese words; duplicates removed; null when nothing was given).
 */
final class FacilityAttributeRules {
    static final Set<String> GRADES = Set.of("3A", "4A", "5A");

    private FacilityAttributeRules() {}

    static FacilityAttributes check(Validation v, FacilityKind k, FacilityAttributes a, Double landAreaM2) {
        if (a == null || a.isEmpty()) return null;
        String subtype = FacilityAttributes.subtypeCode(a.subtype());
        if (subtype != null) {
            v.require(k == FacilityKind.NURSING_HOME, "attributes.subtype", "applies only to a 养老机构 (nursing_home)");
            v.require(!subtype.startsWith("?"), "attributes.subtype",
                    "must be tekun (特困供养机构) or disabled_tekun (失能特困人员集中照护机构)");
        }
        List<String> functions = null;
        if (a.functions() != null) {
            v.require(k.hasFunctions(), "attributes.functions", "apply only to elderly-care facilities");
            Set<String> codes = new LinkedHashSet<>();
            List<String> bad = new ArrayList<>();
            for (String f : a.functions()) {
                String c = FacilityAttributes.functionCode(f);
                if (c == null) bad.add(f);
                else codes.add(c);
            }
            v.require(bad.isEmpty(), "attributes.functions", "unknown " + bad
                    + "; use full_care 全托, day_care 日托, home_care 上门, guidance 对下指导");
            functions = List.copyOf(codes);
        }
        if (a.medicalCare() != null) v.require(k.hasFunctions(), "attributes.medicalCare", "医养结合 applies only to elderly-care facilities");
        if (a.cremators() != null || a.ecoCremators() != null) {
            v.require(k.hasCremators(), "attributes.cremators", "apply only to funeral homes and funeral service centres");
            v.require(a.cremators() == null || (a.cremators() >= 0 && a.cremators() <= 500), "attributes.cremators", "must be between 0 and 500");
            v.require(a.ecoCremators() == null || (a.ecoCremators() >= 0 && a.cremators() != null && a.ecoCremators() <= a.cremators()),
                    "attributes.ecoCremators", "must be 0 or more and not exceed cremators (eco-friendly ones are part of all)");
        }
        if (a.publicSectionAreaM2() != null) {
            v.require(k == FacilityKind.COMMERCIAL_CEMETERY, "attributes.publicSectionAreaM2", "applies only to a 经营性公墓 (commercial_cemetery)");
            v.require(a.publicSectionAreaM2() >= 0, "attributes.publicSectionAreaM2", "must be 0 or more");
            v.require(landAreaM2 == null || a.publicSectionAreaM2() <= landAreaM2, "attributes.publicSectionAreaM2",
                    "must not exceed the land area");
        }
        String grade = a.grade() == null ? null : a.grade().strip().toUpperCase(java.util.Locale.ROOT);
        if (grade != null) {
            v.require(k == FacilityKind.MARRIAGE_REGISTRY, "attributes.grade", "applies only to a 婚姻登记处 (marriage_registry)");
            v.require(GRADES.contains(grade), "attributes.grade", "must be 3A, 4A or 5A");
        }
        FacilityAttributes out = new FacilityAttributes(subtype, functions, a.medicalCare(), a.cremators(), a.ecoCremators(),
                a.publicSectionAreaM2(), grade);
        return out.isEmpty() ? null : out;
    }
}
