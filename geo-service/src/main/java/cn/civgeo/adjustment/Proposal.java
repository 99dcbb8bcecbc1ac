package cn.civgeo.adjustment;

import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A stored proposal: draft, approved (with the change events it became) or withdrawn. */
record Proposal(long id, String title, String note, String status, JsonNode body, int version, String createdBy,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, String approvedBy, OffsetDateTime approvedAt,
                       String approvalDocument, List<Long> eventIds) {}
