package cn.civgeo.ogc;

/**
 * One published layer: a read-only view (owned and published by its feature's migration), optionally narrowed to
 * one value of a column (divisions by level, facilities by kind), with one geometry type.
 *
 * @param id            URL name
 * @param titleZh       Chinese title
 * @param titleEn       English title
 * @param view          the *_public view
 * @param fixedColumn   column that selects this collection's rows, or null
 * @param fixedValue    its value (bound as a parameter)
 * @param geometryType  the GeoJSON geometry type every feature has (MultiPolygon, MultiLineString, Point, MultiPoint)
 * @param validFrom     the column where a record's validity starts (temporal extent, {@code datetime}), or null
 * @param validTo       the column where it ends (exclusive; null = still valid), or null
 * @param refresh       a function the owner publishes that brings a materialized view up to date, or null
 */
record OgcCollection(String id, String titleZh, String titleEn, String view, String fixedColumn,
                            Object fixedValue, String geometryType, String validFrom, String validTo, String refresh) {
    public OgcCollection(String id, String titleZh, String titleEn, String view, String fixedColumn, Object fixedValue,
                         String geometryType, String validFrom, String validTo) {
        this(id, titleZh, titleEn, view, fixedColumn, fixedValue, geometryType, validFrom, validTo, null);
    }

    public boolean temporal() { return validFrom != null; }

    /** The condition selecting this collection's rows in its view (bound as {@code :fixed}), or "true". */
    String fixedSql() { return fixedColumn == null ? "true" : "v.\"" + fixedColumn + "\" = :fixed"; }
}
