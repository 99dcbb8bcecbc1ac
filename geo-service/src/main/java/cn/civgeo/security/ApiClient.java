package cn.civgeo.security;

import java.time.OffsetDateTime;

public record ApiClient(long id, String name, String keyPrefix, Integer rateLimitPerMinute, boolean enabled, int version,
                        OffsetDateTime createdAt) {}
