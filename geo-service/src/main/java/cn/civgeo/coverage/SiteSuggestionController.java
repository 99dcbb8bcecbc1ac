package cn.civgeo.coverage;

import cn.civgeo.common.jobs.Job;
import cn.civgeo.common.jobs.JobService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Coverage and indicators")
class SiteSuggestionController {
    private final SiteSuggestionService sites;
    private final JobService jobs;
    private final ParcelCandidates parcels;

    SiteSuggestionController(SiteSuggestionService sites, JobService jobs, ParcelCandidates parcels) {
        this.sites = sites;
        this.parcels = parcels;
        this.jobs = jobs;
        jobs.register("site-suggestion", SiteSuggestionService.Request.class, true, (in, file, p) -> sites.suggest(in, p));
    }

    @PostMapping("/api/site-suggestions")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Background job: k new sites (1-50, default 5) in a division maximising newly covered elderly "
            + "(greedy maximal covering) from candidates [[lon,lat],...] (candidateNames beside them: each pick keeps its name, e.g. the parcels of POST /api/site-suggestions/parcels) or a grid over residential units "
            + "(gridSpacingM, default 250); kinds whose existing areas count (default elderly_care). Result: each pick with "
            + "its gain, cumulative coverage and service area. Poll GET /api/jobs/{id}.")
    Job suggest(@RequestBody SiteSuggestionService.Request body) {
        return jobs.submit("site-suggestion", body);
    }

    @PostMapping(path = "/api/site-suggestions/parcels", consumes = "multipart/form-data")
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Candidate sites from an uploaded file of parcels (地块)",
            description = "GeoJSON, zipped Shapefile, GeoPackage, KML, or CSV with "
            + "lon/lat (经度/纬度) or WKT columns, at most 20 MB and 600 parcels. Each parcel gives its point on surface (a point "
            + "itself) in EPSG:4490 and its name (nameField, else the first of name/名称/地块编号/.../id the file has). crs: the "
            + "file's CRS when it declares none or a wrong one (EPSG:4490, EPSG:4326, GCJ02, BD09, EPSG:4513-4554); without "
            + "it the file's own, else detected from the coordinates. Nothing is stored: send the parcels as candidates "
            + "(with candidateNames) to POST /api/site-suggestions. division: the suggestion's division; a parcel whose point "
            + "lies outside it is not a candidate but listed in rejected (feature number, name, point, reason in the "
            + "user's language); 400 on file when none lies inside.")
    ParcelCandidates.Result parcels(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String crs,
                                    @io.swagger.v3.oas.annotations.Parameter(description = "The attribute that names each parcel "
                                            + "(default: the first of name, 名称, 地块名称, 地块编号, DKBH, …, id the file has)", example = "地块编号")
                                    @RequestParam(required = false) String nameField,
                                    @io.swagger.v3.oas.annotations.Parameter(description = "The division of the suggestion: "
                                            + "parcels outside it are rejected (listed with the reason)", example = "350203")
                                    @RequestParam(required = false) String division) throws java.io.IOException {
        try (var in = file.getInputStream()) {
            return parcels.read(in, file.getOriginalFilename(), crs, nameField, division);
        }
    }

    @PostMapping("/api/site-suggestions/evaluate")
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "The gains of given sites in their order (each over the existing facilities of the kinds and the sites "
            + "before it): elderly and households newly covered, cumulative coverage, community and nearest address; "
            + "answers at once (a dragged pick is re-evaluated with it)")
    SiteSuggestionService.Result evaluate(@RequestBody SiteSuggestionService.Evaluate body) {
        return sites.evaluate(body);
    }
}
