/**
 * Read replicas. When {@code civgeo.database.read-url} is set (scripts/cluster.sh sets it to HAProxy's replica
 * port), read-only requests are served from the replicas and everything else from the leader:
 * <ul>
 * <li>{@link cn.civgeo.common.replica.ReadRoutingDataSource} holds two pools, the leader's (the
 *     {@code spring.datasource.*} settings) and the replicas' (read-only connections), and hands out a replica
 *     connection only inside a read scope, falling back to the leader when no replica answers;</li>
 * <li>{@link cn.civgeo.common.replica.ReadRoutingInterceptor} opens that scope around the controller of a GET or
 *     HEAD on the read-only API families (geocoding, tiles and features, divisions, names and addresses, facilities,
 *     coverage and indicators), after the security filters (which may write: sign-in, rate limits) have run;</li>
 * <li>reads-your-own-writes: the cluster commits with {@code synchronous_commit = remote_apply} to every replica in
 *     the synchronous set, and HAProxy sends reads only to synchronous replicas, so a write is visible on every
 *     replica that may serve a read before it is acknowledged. As a second guard a caller that wrote through this
 *     service reads from the leader for the next {@code civgeo.database.read-your-writes-seconds} (cookie
 *     {@code CIVGEO_PRIMARY_UNTIL}, and the signed-in principal on this instance).</li>
 * </ul>
 * Without the setting there is one pool and nothing here is active.
 */
package cn.civgeo.common.replica;
