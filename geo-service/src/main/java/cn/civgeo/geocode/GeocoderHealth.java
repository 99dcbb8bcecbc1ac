package cn.civgeo.geocode;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health and readiness of the geocoder: OUT_OF_SERVICE (HTTP 503 on /actuator/health and
 * /actuator/health/readiness) until the in-memory gazetteer of the whole registry is built, so a load balancer
 * sends no geocoding traffic to an instance that would answer "not ready" to every call.
 */
@Component("geocoder")
class GeocoderHealth implements HealthIndicator {
    private final GeocodeIndex index;

    GeocoderHealth(GeocodeIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        return index.ready() ? Health.up().build() : Health.outOfService().withDetail("reason", "building the gazetteer").build();
    }
}
