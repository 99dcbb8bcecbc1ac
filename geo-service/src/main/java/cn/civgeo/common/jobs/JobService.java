package cn.civgeo.common.jobs;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import cn.civgeo.common.Problems;
import jakarta.annotation.PreDestroy;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

@Service
public class JobService {
    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    public JobService(@Value("${civgeo.jobs.threads:2}") int threads) {
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "civgeo-job");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code work} in the background as the current user; its return value becomes the job's result. */
    public Job submit(String kind, Function<Progress, Object> work) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String owner = auth == null ? "system" : auth.getName();
        forgetOldJobs();
        Job job = new Job(UUID.randomUUID().toString(), kind, owner);
        jobs.put(job.getId(), job);
        executor.submit(() -> {
            SecurityContextHolder.getContext().setAuthentication(auth);
            job.running();
            try {
                job.succeeded(work.apply(job));
            } catch (ApiException e) {
                job.failed(Problems.detail(e.type(), e.getMessage(), e.errors(), e.extra()));
            } catch (RuntimeException e) {
                log.error("job {} ({}) failed", job.getId(), kind, e);
                job.failed(Problems.detail(ProblemType.INTERNAL, "The job failed on our side; it has been logged", null, null));
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        return job;
    }

    /** The job if the caller owns it or is an administrator. */
    public Job get(String id) {
        Job job = jobs.get(id);
        if (job == null || !visible(job)) throw ApiException.notFound("Job", id);
        return job;
    }

    public List<Job> mine() {
        return jobs.values().stream().filter(this::visible)
                .sorted(Comparator.comparing(Job::getSubmittedAt).reversed()).toList();
    }

    private boolean visible(Job job) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) return false;
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        return admin || job.getOwner().equals(auth.getName());
    }

    private void forgetOldJobs() {
        OffsetDateTime cutoff = OffsetDateTime.now().minusHours(1);
        jobs.values().removeIf(j -> j.isFinished() && j.getFinishedAt().isBefore(cutoff));
    }

    @PreDestroy
    void shutdown() { executor.shutdownNow(); }
}
