package cn.civgeo.division.change;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One division change (an event), as posted to {@code POST /api/divisions/changes}. Common fields: {@code kind},
 * {@code effectiveDate}, {@code approvalDocument} (批复文号), optional {@code approvedBy} and {@code note}, and
 * {@code expectedVersions} (code → version) for every existing unit the change names (optimistic locking).
 * Geometry members are GeoJSON geometries (Polygon or MultiPolygon) in {@code crs} (default EPSG:4490).
 *
 * <ul>
 *   <li>establish (新设): {@code parentCode}, {@code name}, optional {@code newCode} (else issued from the parent's
 *       range for the kind), {@code geometry}, {@code population}, {@code households}, {@code elderly}, {@code urbanRural}</li>
 *   <li>abolish (撤销): {@code code}, optional {@code successors} (active units that took the territory); the unit
 *       must have no active children</li>
 *   <li>rename (更名): {@code code}, {@code name}; the code stays</li>
 *   <li>merge (合并): {@code survivor} (keeps its code), {@code absorbed} (abolished, their children move under the
 *       survivor with new codes), optional {@code name} (new name of the survivor); geometry and population summed</li>
 *   <li>split (拆分): {@code code} (source), {@code targets} (new units: name, optional code, geometry, population…),
 *       {@code keepSource} (default false: the source is abolished), {@code childAssignments} (child → target code)</li>
 *   <li>reparent (隶属变更): {@code code}, {@code parentCode} (new parent), optional {@code newCode}; the unit and its
 *       descendants get new codes, the old ones are abolished with successor links; parents' geometry follows</li>
 *   <li>boundary (界线调整): {@code geometries} (code → new geometry) for one or more units</li>
 *   <li>convert (撤县设市/区): {@code code} (a county-level unit), {@code name} (its new name), {@code newCode} (in the
 *       range of the new kind); the old code is abolished with the new one as successor, territory, figures and
 *       children (re-coded under the new code) pass to it in the same event</li>
 * </ul>
 */
@org.springframework.modulith.NamedInterface("change")
public record ChangeRequest(
        String kind, LocalDate effectiveDate, String approvalDocument, String approvedBy, String note,
        Map<String, Integer> expectedVersions, String crs,
        String code, String name, String parentCode, String newCode, JsonNode geometry,
        Integer population, Integer households, Integer elderly, String urbanRural,
        List<String> successors, String survivor, List<String> absorbed,
        List<Target> targets, Boolean keepSource, Map<String, String> childAssignments,
        Map<String, JsonNode> geometries) {

    /** A new unit of a split. */
    public record Target(String code, String name, JsonNode geometry, Integer population, Integer households,
                         Integer elderly, String urbanRural) {}
}
