package cn.civgeo.facility;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of facility: a stable English code (API, database) and the Chinese label planners use. Which
 * attributes make sense depends on the kind: beds only for elderly-care kinds, capacity (graves or niches) only
 * for cemeteries and columbaria.
 */
public enum FacilityKind {
    NURSING_HOME("nursing_home", "养老机构", Group.ELDERLY_CARE),
    TOWNSHIP_CENTRE("township_centre", "街道综合养老服务中心", Group.ELDERLY_CARE, "乡镇综合养老服务中心", "街道（乡镇）综合养老服务中心"),
    COMMUNITY_COMPLEX("community_complex", "社区养老服务综合体", Group.ELDERLY_CARE),
    REGIONAL_CENTRE("regional_centre", "区域养老服务中心", Group.ELDERLY_CARE),
    COMMUNITY_STATION("community_station", "社区居家养老服务站/日间照料中心", Group.ELDERLY_CARE),
    RURAL_MUTUAL_AID("rural_mutual_aid", "农村幸福院/互助养老点", Group.ELDERLY_CARE),
    ELDERLY_CANTEEN("elderly_canteen", "老年食堂/助餐点", Group.ELDERLY_CARE),
    FUNERAL_HOME("funeral_home", "殡仪馆", Group.FUNERAL),
    FUNERAL_SERVICE_CENTRE("funeral_service_centre", "殡仪服务中心", Group.FUNERAL),
    PUBLIC_CEMETERY("public_cemetery", "公益性公墓", Group.BURIAL),
    COMMERCIAL_CEMETERY("commercial_cemetery", "经营性公墓", Group.BURIAL),
    COLUMBARIUM("columbarium", "骨灰堂/骨灰安放设施", Group.BURIAL, "公益性骨灰安放设施", "公益性骨灰堂"),
    COMMUNITY_SERVICE_CENTRE("community_service_centre", "社区综合服务设施", Group.COMMUNITY),
    VOLUNTEER_STATION("volunteer_station", "志愿服务站点", Group.COMMUNITY),
    SOCIAL_WORK_STATION("social_work_station", "社会工作站", Group.COMMUNITY),
    SOCIAL_ORG_INCUBATOR("social_org_incubator", "社会组织孵化园", Group.COMMUNITY),
    MINOR_PROTECTION_INSTITUTION("minor_protection_institution", "未成年人救助保护机构", Group.SOCIAL),
    MINOR_PROTECTION_STATION("minor_protection_station", "未成年人保护工作站", Group.SOCIAL),
    CHILDREN_HOME("children_home", "儿童之家", Group.SOCIAL),
    MENTAL_REHAB_STATION("mental_rehab_station", "精神障碍社区康复服务站", Group.SOCIAL),
    RELIEF_STATION("relief_station", "救助管理站", Group.SOCIAL),
    MARRIAGE_REGISTRY("marriage_registry", "婚姻登记处", Group.SOCIAL);

    /** ELDERLY_CARE 养老, FUNERAL 殡仪, BURIAL 安葬, COMMUNITY 社区与社会组织, SOCIAL 儿童福利、社会救助与婚姻登记. */
    public enum Group { ELDERLY_CARE, FUNERAL, BURIAL, COMMUNITY, SOCIAL }

    /**
     * Kinds whose beds count as elderly-care beds (每千名老年人养老床位数) and whose service areas are elderly-care
     * service areas. Elderly canteens (助餐点) belong to the group but provide meals, not care places.
     */
    public static final Set<FacilityKind> ELDERLY_CARE = EnumSet.of(NURSING_HOME, TOWNSHIP_CENTRE, COMMUNITY_COMPLEX, REGIONAL_CENTRE,
            COMMUNITY_STATION, RURAL_MUTUAL_AID);

    private final String code;
    private final String label;
    private final Group group;
    private final java.util.List<String> aliases;

    FacilityKind(String code, String label, Group group, String... aliases) {
        this.code = code;
        this.label = label;
        this.group = group;
        this.aliases = java.util.List.of(aliases);
    }

    public String code() { return code; }
    public String label() { return label; }
    public Group group() { return group; }

    public boolean hasBeds() { return group == Group.ELDERLY_CARE; }

    /** Beds are required (a nursing home without beds is not one); other elderly-care kinds may have none. */
    public boolean requiresBeds() { return this == NURSING_HOME; }

    public boolean hasCapacity() { return group == Group.BURIAL; }

    /** Functions (全托/日托/上门/对下指导) and 医养结合 apply to the elderly-care kinds. */
    public boolean hasFunctions() { return group == Group.ELDERLY_CARE; }

    /** Cremators (火化炉) are counted at funeral homes and funeral service centres. */
    public boolean hasCremators() { return group == Group.FUNERAL; }

    /** By code ("nursing_home") or Chinese label ("养老机构", also any part split at "/"). */
    public static Optional<FacilityKind> parse(String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.code.equals(lower) || k.label.equals(v) || Arrays.asList(k.label.split("/")).contains(v)
                        || k.aliases.contains(v))
                .findFirst();
    }

    public static String codes() { return Arrays.stream(values()).map(FacilityKind::code).toList().toString(); }
}
