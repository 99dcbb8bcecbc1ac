package cn.civgeo.common;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Cross-origin calls from browser pages of other systems (CORS), for the origins in {@code civgeo.cors.allowed-origins}
 * (comma-separated; empty: none). Covers the geocoding endpoints, anonymous reads and API keys alike; no cookies are
 * used (bearer tokens and API keys), so credentials are not allowed. Add other public read paths here.
 */
@Configuration
public class CorsConfig {
    /** Paths other systems call from the browser. */
    static final List<String> PATHS = List.of("/api/geocode", "/api/geocode/**", "/api/reverse", "/api/reverse/**", "/api/suggest",
            // the open-standard reads (OGC API Features, vector tiles and TileJSON, the map's collections)
            "/api/ogc", "/api/ogc/**", "/api/map/tiles/**", "/api/map/collections/**");

    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${civgeo.cors.allowed-origins:}") String origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> allowed = Arrays.stream(origins.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (allowed.isEmpty()) return source;
        CorsConfiguration c = new CorsConfiguration();
        c.setAllowedOrigins(allowed);
        c.setAllowedMethods(List.of("GET", "HEAD", "POST", "OPTIONS"));
        c.setAllowedHeaders(List.of("X-API-Key", "Authorization", "Content-Type", "Accept"));
        c.setExposedHeaders(List.of("Retry-After", "X-Total-Rows", "Location", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
                "RateLimit-Policy", "Content-Crs", "ETag", "Content-Encoding"));
        c.setAllowCredentials(false);
        c.setMaxAge(3600L);
        for (String p : PATHS) source.registerCorsConfiguration(p, c);
        return source;
    }
}
