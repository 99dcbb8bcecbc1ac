package cn.civgeo.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/api-clients")
@Tag(name = "API clients")
@PreAuthorize("hasRole('ADMIN')")
class ApiClientController {
    private final ApiClientService clients;

    ApiClientController(ApiClientService clients) { this.clients = clients; }

    @GetMapping
    List<ApiClient> list() { return clients.all(); }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register another system; the answer shows its API key once")
    ApiClientService.CreatedClient create(@RequestBody ApiClientService.NewClient body) {
        return clients.create(new ApiClientService.NewClient(body.name(), body.rateLimitPerMinute(), null));
    }

    @PutMapping("/{id}")
    ApiClient update(@PathVariable long id, @RequestBody ApiClientService.ClientChange body) { return clients.update(id, body); }

    @PutMapping("/{id}/default-division")
    @Operation(summary = "Set or clear the client's default area for forward geocoding",
            description = "Body {version, defaultDivision}: a division code (6, 9 or 12 digits, active) or null to clear. "
                    + "Forward geocoding (GET /api/geocode, batch) reads a query of this client in that division when the "
                    + "query names no division and the request gives no near=/within= bias; the answer notes it. "
                    + "400 naming defaultDivision for a malformed or unknown code; 409 on a stale version. Audited.")
    ApiClient defaultDivision(@Parameter(description = "API client id", example = "1") @PathVariable long id,
                              @RequestBody ApiClientService.DefaultArea body) {
        return clients.setDefaultDivision(id, body);
    }
}
