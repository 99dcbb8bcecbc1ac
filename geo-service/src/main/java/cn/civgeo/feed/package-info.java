/**
 * The change feed for other systems (issue #19): every audited write of a division, a standard place name or a
 * standard address becomes an entry of one ordered feed ({@code feed_entry.seq}), appended in the write's own
 * transaction (from {@code AuditService.AuditedWrite}), with the record as it stands after the write and its old and
 * new codes. Readers page by cursor ({@code after=seq}) and can start anywhere, including 0. Webhooks receive each entry
 * as a POST signed with HMAC-SHA256 ({@code X-CivGeo-Signature: sha256=<hex>}), in order per endpoint, retried with
 * exponential back-off and dead-lettered after {@code civgeo.feed.webhook.max-attempts}; the delivery log is visible.
 *
 * <p>Records are read through the owners' services ({@code DivisionService}, {@code PlaceNameService},
 * {@code AddressService}); geometry is not in division records (fetch it from the division API by code), only its
 * {@code geometryMd5} (MD5 of the EWKB). Writes that bypass the service (registry load, demo data, SQL by hand) are not
 * audited and so not in the feed: a copy is seeded from {@link cn.civgeo.feed.FeedSnapshot} (the current records, paged,
 * with the feed position to continue from).
 */
package cn.civgeo.feed;
