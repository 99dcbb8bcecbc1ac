package cn.civgeo.adjustment;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A proposal as posted: {@code steps} are division change requests ({@code POST /api/divisions/changes} bodies)
 * without {@code effectiveDate}, {@code approvalDocument} and {@code expectedVersions} (approval fills them: today,
 * the approval document, the versions current then). A split target or an establish may give
 * {@code composeFrom: [codes]} instead of {@code geometry} (the union of those units' geometry).
 * {@code seats}: proposed seat (驻地) per resulting unit, keyed by its code or (new units) its name, [lon, lat] in
 * EPSG:4490. {@code entered}: values per resulting unit the registry does not hold (e.g. {@code gdpShare}).
 * {@code standard}: the establishment standard to check against (a key of {@code civgeo.adjustment.standards}).
 * {@code version}: required on update.
 */
record ProposalRequest(String title, String note, List<JsonNode> steps, Map<String, List<Double>> seats,
                              Map<String, Map<String, Double>> entered, String standard, Integer version) {}
