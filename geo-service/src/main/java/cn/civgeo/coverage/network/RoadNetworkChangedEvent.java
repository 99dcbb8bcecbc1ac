package cn.civgeo.coverage.network;

/** Published inside the transaction that imported, replaced or deleted a network's edges. */
public record RoadNetworkChangedEvent(long networkId, String change) {}
