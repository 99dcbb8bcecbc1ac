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
    TOWNSHIP_CENTRE("township_centre", "街道综合养老服务中心", Group.ELDERLY_CARE),
    COMMUNITY_STATION("community_station", "社区居家养老服务站/日间照料中心", Group.ELDERLY_CARE),
    RURAL_MUTUAL_AID("rural_mutual_aid", "农村幸福院/互助养老点", Group.ELDERLY_CARE),
    FUNERAL_HOME("funeral_home", "殡仪馆", Group.FUNERAL),
    PUBLIC_CEMETERY("public_cemetery", "公益性公墓", Group.BURIAL),
    COMMERCIAL_CEMETERY("commercial_cemetery", "经营性公墓", Group.BURIAL),
    COLUMBARIUM("columbarium", "骨灰堂/骨灰安放设施", Group.BURIAL),
    COMMUNITY_SERVICE_CENTRE("community_service_centre", "社区综合服务设施", Group.COMMUNITY);

    public enum Group { ELDERLY_CARE, FUNERAL, BURIAL, COMMUNITY }

    /** Kinds whose beds count as elderly-care beds (每千名老年人养老床位数). */
    public static final Set<FacilityKind> ELDERLY_CARE = EnumSet.of(NURSING_HOME, TOWNSHIP_CENTRE, COMMUNITY_STATION, RURAL_MUTUAL_AID);

    private final String code;
    private final String label;
    private final Group group;

    FacilityKind(String code, String label, Group group) {
        this.code = code;
        this.label = label;
        this.group = group;
    }

    public String code() { return code; }
    public String label() { return label; }
    public Group group() { return group; }

    public boolean hasBeds() { return group == Group.ELDERLY_CARE; }

    /** Beds are required (a nursing home without beds is not one); other elderly-care kinds may have none. */
    public boolean requiresBeds() { return this == NURSING_HOME; }

    public boolean hasCapacity() { return group == Group.BURIAL; }

    /** By code ("nursing_home") or Chinese label ("养老机构", also any part split at "/"). */
    public static Optional<FacilityKind> parse(String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.code.equals(lower) || k.label.equals(v) || Arrays.asList(k.label.split("/")).contains(v))
                .findFirst();
    }

    public static String codes() { return Arrays.stream(values()).map(FacilityKind::code).toList().toString(); }
}
