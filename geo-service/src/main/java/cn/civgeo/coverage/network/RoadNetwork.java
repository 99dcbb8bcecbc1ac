package cn.civgeo.coverage.network;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;

/** A walking network: counts, total length (km), connected components, extent (GeoJSON polygon, EPSG:4490). */
public record RoadNetwork(long id, String name, String sourceFormat, String sourceRef, double snapToleranceM,
                          int edgeCount, int nodeCount, double lengthKm, int componentCount,
                          @JsonRawValue String extent, boolean active, int version,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
