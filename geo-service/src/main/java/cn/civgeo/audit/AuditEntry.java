package cn.civgeo.audit;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

record AuditEntry(long id, OffsetDateTime at, String actor, String action, String entity, String entityId,
                         JsonNode before, JsonNode after) {}
