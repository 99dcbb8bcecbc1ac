/**
 * API use per division code (issue #19): which callers (signed-in users and API clients by principal name, else
 * {@code anonymous}) asked about which division codes, counted per day. A servlet filter takes the codes of a
 * request cheaply (the {@code /api/divisions/{code}} path segment and the code-like query parameters {@code code},
 * {@code prefix}, {@code parentCode}, {@code divisionCode}, {@code division}: 6, 9 or 12 digits), counts them in memory
 * and a background thread writes the counts in one batch every {@code civgeo.api-use.flush-seconds} (default 30), and
 * at shutdown. No geometry; no SRID. Counts of an instance that stops abruptly since its last flush are lost.
 * The adjustment impact report lists the callers of the codes a proposal changes ({@link cn.civgeo.apiuse.ApiUseService#callers}).
 */
package cn.civgeo.apiuse;
