package cn.civgeo.ogc;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS for the read-only open-standard resources (OGC API, vector tiles, geocoding GETs), for the origins named in
 * {@code civgeo.cors.allowed-origins} (none by default: browsers on other sites are refused as before).
 */
@Configuration
class OgcCorsConfig implements WebMvcConfigurer {
    private final List<String> origins;

    OgcCorsConfig(@Value("${civgeo.cors.allowed-origins:}") List<String> origins) {
        this.origins = origins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (origins.isEmpty()) return;
        for (String path : List.of(OgcController.BASE + "/**", "/api/map/tiles/**", "/api/map/collections/**",
                "/api/geocode/**")) {
            registry.addMapping(path).allowedOrigins(origins.toArray(String[]::new))
                    .allowedMethods("GET", "HEAD", "OPTIONS").allowedHeaders("*")
                    .exposedHeaders("Content-Crs", "ETag", "Content-Encoding").maxAge(3600);
        }
    }
}
