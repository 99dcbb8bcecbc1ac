package cn.civgeo.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the three ways to authenticate, so the UI can try calls with a key or token. */
@Configuration
class OpenApiConfig {
    @Bean
    OpenAPI civGeoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("CivGeo API")
                        .description("Administrative divisions, boundaries, standard place names and addresses, geocoding, "
                                + "facilities and coverage for civil-affairs planning. Coordinates are EPSG:4490 (CGCS2000) "
                                + "unless a `crs` parameter says otherwise (EPSG:4326, GCJ02, BD09, Gauss–Krüger "
                                + "EPSG:4513–4554). Errors are RFC 9457 problem details.")
                        .version("0.1.0").license(new License().name("Proprietary")))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
