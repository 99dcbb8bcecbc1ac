package cn.civgeo.coverage.network;

import cn.civgeo.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/road-networks")
@Tag(name = "Road networks", description = "Walking networks (pgRouting topology) behind the service areas")
class RoadNetworkController {
    private final RoadNetworkService networks;

    RoadNetworkController(RoadNetworkService networks) { this.networks = networks; }

    @GetMapping
    @Operation(summary = "All networks with edge/node counts, length (km), connected components and extent")
    List<RoadNetwork> list() { return networks.all(); }

    @GetMapping("/{id}")
    RoadNetwork get(@PathVariable long id) { return networks.get(id); }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Import a walking network: format osm (OSM XML, .osm or .osm.gz, through osm2pgrouting), "
            + "geojson, shapefile (.zip) or gpkg (lines noded at crossings). replace=true re-imports an existing "
            + "network; its facilities' service areas are then recomputed.")
    RoadNetwork importFile(@RequestParam String name, @RequestParam String format, @RequestPart("file") MultipartFile file,
                           @RequestParam(required = false) Double snapToleranceM,
                           @RequestParam(defaultValue = "false") boolean replace) {
        if (file == null || file.isEmpty()) throw ApiException.badField("file", "is required");
        try (InputStream in = file.getInputStream()) {
            return networks.importFile(name, format, in, file.getOriginalFilename(), snapToleranceM, replace);
        } catch (IOException e) {
            throw ApiException.badField("file", "could not be read");
        }
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Delete a network (its facilities' service areas fall back to straight-line areas)")
    void delete(@PathVariable long id, @RequestParam Integer version) { networks.delete(id, version); }
}
