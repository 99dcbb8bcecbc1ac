package cn.civgeo.security;

import java.time.OffsetDateTime;

/**
 * Another system's registration. {@code defaultDivision}: the area forward geocoding reads its queries in when a query
 * names no division and gives no near=/within= bias (null = none).
 */
public record ApiClient(long id, String name, String keyPrefix, Integer rateLimitPerMinute, boolean enabled, int version,
                        OffsetDateTime createdAt, String defaultDivision) {
    /** Request attribute holding the calling client's default division code (set by the credentials filter). */
    public static final String DEFAULT_DIVISION_ATTRIBUTE = "civgeo.apiClient.defaultDivision";
}
