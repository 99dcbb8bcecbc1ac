package cn.civgeo.common.jobs;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import cn.civgeo.common.Problems;
import jakarta.annotation.PreDestroy;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Background jobs on a shared pool of {@code civgeo.jobs.threads} workers, queued fairly: a free worker takes the
 * oldest queued job of the owner with the fewest jobs running, and no owner runs more than
 * {@code civgeo.jobs.per-user-running} at once or queues more than {@code civgeo.jobs.per-user-queued} (429), so one
 * user's pile of jobs never holds up another's. Owners (and admins) see and cancel their jobs.
 */
@Service
public class JobService {
    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private record Pending(Job job, Authentication auth, Function<Progress, Object> work) {}

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<Pending> queue = new ArrayList<>();
    private final Map<String, Future<?>> runningFutures = new HashMap<>();
    private final Map<String, JobConnections.Registry> runningConnections = new ConcurrentHashMap<>();
    private final Map<String, Integer> runningByOwner = new HashMap<>();
    private final ExecutorService executor;
    private final int threads;
    private final int perUserRunning;
    private final int perUserQueued;
    private int running;

    public JobService(@Value("${civgeo.jobs.threads:2}") int threads,
                      @Value("${civgeo.jobs.per-user-running:1}") int perUserRunning,
                      @Value("${civgeo.jobs.per-user-queued:20}") int perUserQueued) {
        this.threads = threads;
        this.perUserRunning = Math.max(1, perUserRunning);
        this.perUserQueued = perUserQueued;
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "civgeo-job");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues {@code work} to run in the background as the current user; its return value becomes the job's result. */
    public Job submit(String kind, Function<Progress, Object> work) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String owner = auth == null ? "system" : auth.getName();
        forgetOldJobs();
        Job job = new Job(UUID.randomUUID().toString(), kind, owner);
        synchronized (this) {
            long queued = queue.stream().filter(p -> p.job().getOwner().equals(owner)).count();
            if (!owner.equals("system") && queued >= perUserQueued) {
                throw new ApiException(ProblemType.RATE_LIMITED, owner + " already has " + queued + " jobs waiting (at most "
                        + perUserQueued + "); wait for them or cancel some (DELETE /api/jobs/{id})", List.of(),
                        Map.of("retryAfterSeconds", 30));
            }
            jobs.put(job.getId(), job);
            queue.add(new Pending(job, auth, work));
            dispatch();
        }
        return job;
    }

    /** Starts queued jobs while workers are free: per owner at most perUserRunning, fewest-running owner first. */
    private synchronized void dispatch() {
        while (running < threads) {
            Pending next = queue.stream()
                    .filter(p -> runningByOwner.getOrDefault(p.job().getOwner(), 0) < perUserRunning)
                    .min(Comparator.<Pending>comparingInt(p -> runningByOwner.getOrDefault(p.job().getOwner(), 0))
                            .thenComparing(p -> p.job().getSubmittedAt()))
                    .orElse(null);
            if (next == null) return;
            queue.remove(next);
            running++;
            runningByOwner.merge(next.job().getOwner(), 1, Integer::sum);
            next.job().running();
            runningFutures.put(next.job().getId(), executor.submit(() -> run(next)));
        }
    }

    private void run(Pending p) {
        Job job = p.job();
        SecurityContextHolder.getContext().setAuthentication(p.auth());
        runningConnections.put(job.getId(), JobConnections.begin());
        try {
            Object result = p.work().apply(job);
            if (job.getStatus() == Job.Status.RUNNING) job.succeeded(result);
        } catch (ApiException e) {
            if (job.getStatus() == Job.Status.RUNNING) job.failed(Problems.detail(e.type(), e.getMessage(), e.errors(), e.extra()));
        } catch (RuntimeException e) {
            if (job.getStatus() == Job.Status.RUNNING) {
                log.error("job {} ({}) failed", job.getId(), job.getKind(), e);
                job.failed(Problems.detail(ProblemType.INTERNAL, "The job failed on our side; it has been logged", null, null));
            }
        } finally {
            JobConnections.end();
            runningConnections.remove(job.getId());
            SecurityContextHolder.clearContext();
            synchronized (this) {
                running--;
                runningFutures.remove(job.getId());
                runningByOwner.merge(job.getOwner(), -1, (a, b) -> a + b <= 0 ? null : a + b);
                dispatch();
            }
        }
    }

    /** The job if the caller owns it or is an administrator. */
    public Job get(String id) {
        Job job = jobs.get(id);
        if (job == null || !visible(job)) throw ApiException.notFound("Job", id);
        return job;
    }

    /**
     * Cancels a queued job (it never starts) or a running one (its thread is interrupted and the statement it is
     * running in the database is cancelled, see {@link JobConnections}). A finished job is a 409.
     */
    public Job cancel(String id) {
        Job job = get(id);
        synchronized (this) {
            if (job.isFinished()) throw ApiException.conflict("job " + id + " is already " + job.getStatus());
            boolean wasQueued = queue.removeIf(p -> p.job() == job);
            job.cancelled();
            if (!wasQueued) {
                Future<?> f = runningFutures.get(id);
                if (f != null) f.cancel(true);
                JobConnections.Registry connections = runningConnections.get(id);
                if (connections != null) connections.cancel();
            }
        }
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
