package cn.civgeo.facility;

/**
 * Published inside the transaction of every facility write. {@code moved}: created, or location changed, or
 * status/kind changed (its service area must be recomputed); {@code deleted}: it is gone.
 */
public record FacilityChangedEvent(long facilityId, String kind, boolean moved, boolean deleted) {}
