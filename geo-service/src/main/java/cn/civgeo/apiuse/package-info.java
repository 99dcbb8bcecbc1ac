/**
 * API use per division code (issue #19): which callers (signed-in users and API clients by principal name, else
 * {@code anonymous}) asked about which division codes, counted per day. A servlet filter takes the codes of a
 * request cheaply (the {@code /api/divisions/{code}} path segment and the code-like query parameters {@code code},
 * {@code prefix}, {@code parentCode}, {@code divisionCode}, {@code division}: 6, 9 or 12 digits), counts them in memory
 * and a background thread writes the counts in one batch every {@code civgeo.api-use.flush-ms} (default 1000), and
 * at shutdown. No geometry; no SRID. Durability bound: an instance that stops abruptly (kill -9, power loss) loses the
 * counts since its last flush, at most one interval (1 s by default) plus a flush in progress; while the database is
 * unreachable the counts wait in memory and are lost with the process. {@code civgeo.api-use.enabled=false} counts nothing.
 * The adjustment impact report lists the callers of the codes a proposal changes ({@link cn.civgeo.apiuse.ApiUseService#callers}).
 */
package cn.civgeo.apiuse;
