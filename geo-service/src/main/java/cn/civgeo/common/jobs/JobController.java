package cn.civgeo.common.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/jobs")
@Tag(name = "Jobs")
@PreAuthorize("isAuthenticated()")
class JobController {
    private final JobService jobs;

    JobController(JobService jobs) { this.jobs = jobs; }

    @GetMapping
    @Operation(summary = "Your background jobs (all jobs for ADMIN), newest first")
    List<Job> list() { return jobs.mine(); }

    @org.springframework.web.bind.annotation.DeleteMapping("/{id}")
    @Operation(summary = "Cancel your job: a queued one never starts, a running one is interrupted; 409 when already finished")
    Job cancel(@PathVariable String id) { return jobs.cancel(id); }

    @GetMapping("/{id}")
    @Operation(summary = "A job's status and progress (done/total/percent/message) and, when finished, its result or error")
    Job get(@PathVariable String id) { return jobs.get(id); }
}
