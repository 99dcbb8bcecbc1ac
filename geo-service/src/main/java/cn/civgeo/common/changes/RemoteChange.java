package cn.civgeo.common.changes;

/**
 * Rows of {@code table} changed and committed, on this or any other instance (or by hand): published by
 * {@link ChangeBus} for every NOTIFY on {@value ChangeBus#CHANNEL}; {@code table} is "*" after the listener
 * (re)connected, when changes may have been missed.
 */
public record RemoteChange(String table) {
    public boolean concerns(String t) { return table.equals("*") || table.equals(t); }
}
