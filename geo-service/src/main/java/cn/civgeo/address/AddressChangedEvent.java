package cn.civgeo.address;

import java.util.List;

/**
 * Published inside the transaction of every address write (create, update, retire, approval, import, demo load);
 * listeners act after commit. {@code ids}: the doorplates written; empty when many were (a demo or bulk load).
 * Writes made outside this service (another instance, psql) reach the same listeners as
 * {@code common.changes.RemoteChange("address")} through the one NOTIFY channel.
 */
public record AddressChangedEvent(List<Long> ids) {
    public static AddressChangedEvent of(long id) { return new AddressChangedEvent(List.of(id)); }

    /** Many doorplates at once (a demo or bulk load). */
    public static AddressChangedEvent many() { return new AddressChangedEvent(List.of()); }
}
