package cn.civgeo.security;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.List;

record UserAccount(long id, String username, String displayName, @JsonIgnore String passwordHash,
                          List<String> roles, boolean enabled, int version, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt) {}
