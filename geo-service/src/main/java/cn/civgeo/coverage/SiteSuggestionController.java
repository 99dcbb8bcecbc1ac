package cn.civgeo.coverage;

import cn.civgeo.common.jobs.Job;
import cn.civgeo.common.jobs.JobService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Coverage and indicators")
class SiteSuggestionController {
    private final SiteSuggestionService sites;
    private final JobService jobs;

    SiteSuggestionController(SiteSuggestionService sites, JobService jobs) {
        this.sites = sites;
        this.jobs = jobs;
        jobs.register("site-suggestion", SiteSuggestionService.Request.class, true, (in, file, p) -> sites.suggest(in, p));
    }

    @PostMapping("/api/site-suggestions")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Background job: k new sites (1-50, default 5) in a division maximising newly covered elderly "
            + "(greedy maximal covering) from candidates [[lon,lat],...] or a grid over residential units "
            + "(gridSpacingM, default 250); kinds whose existing areas count (default elderly_care). Result: each pick with "
            + "its gain, cumulative coverage and service area. Poll GET /api/jobs/{id}.")
    Job suggest(@RequestBody SiteSuggestionService.Request body) {
        return jobs.submit("site-suggestion", body);
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
