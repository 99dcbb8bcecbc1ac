package cn.civgeo.placename;

import java.util.List;

/**
 * Published inside the transaction of every place-name write (proposal, workflow step, rename, abolition, import,
 * demo load); listeners act after commit. {@code ids}: the records written; empty when many were (a demo load).
 * Writes made outside this service (another instance, psql) reach the same listeners as
 * {@code common.changes.RemoteChange("place_name")} through the one NOTIFY channel.
 */
public record PlaceNameChangedEvent(List<Long> ids) {
    public static PlaceNameChangedEvent of(long id) { return new PlaceNameChangedEvent(List.of(id)); }

    /** Many records at once (a demo load). */
    public static PlaceNameChangedEvent many() { return new PlaceNameChangedEvent(List.of()); }
}
