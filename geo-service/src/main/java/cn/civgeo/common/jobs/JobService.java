package cn.civgeo.common.jobs;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemTexts;
import cn.civgeo.common.ProblemType;
import cn.civgeo.common.Problems;
import cn.civgeo.common.jobs.JobRepository.Row;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.net.InetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Durable background jobs, shared by every instance on the database.
 *
 * <p>A job is a row of the {@code job} table (kind, owner and roles, JSON input and an optional uploaded file,
 * status, progress, answer) and a one-time execution of db-scheduler's task {@value #TASK} in
 * {@code scheduled_tasks}, written in the same transaction. Any instance's scheduler ({@code civgeo.jobs.threads}
 * workers) picks a due execution; db-scheduler's optimistic lock lets exactly one instance run it. The work of a
 * kind is registered by its feature ({@link #register}) and rebuilt from the stored input, so it runs on whichever
 * instance picks it. Progress is written to the row every {@code civgeo.jobs.flush-ms}, so {@code GET /api/jobs/{id}}
 * answers the same from any instance and after a restart.
 *
 * <p>Fairness as before: no owner runs more than {@code civgeo.jobs.per-user-running} at once across all instances
 * (checked under an advisory lock on the owner when an execution starts; a job over the limit is put back a moment
 * later, so other owners' jobs go first) or queues more than {@code civgeo.jobs.per-user-queued} (429).
 *
 * <p>An instance that dies mid-job stops heart-beating; after {@code civgeo.jobs.heartbeat-ms} × 4 another instance
 * (or this one, restarted) revives the execution: a kind registered as safe to re-run (pure reads) runs again; any
 * other kind (imports: all-or-nothing, but a commit may have landed before the crash) is marked FAILED saying so.
 */
@Service
public class JobService implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    static final String TASK = "civgeo-job";

    /** The work of one kind of job: its stored input (and uploaded file, or null) in, its answer out. */
    @FunctionalInterface
    public interface Work<I> {
        Object run(I input, byte[] file, Progress progress);
    }

    private record Handler<I>(Class<I> inputType, boolean rerunAfterCrash, Work<I> work) {}

    private final Map<String, Handler<?>> handlers = new ConcurrentHashMap<>();
    /** Jobs running on this instance: their live counters and threads (to interrupt on cancel). */
    private final Map<String, Job> local = new ConcurrentHashMap<>();
    private final Map<String, Thread> localThreads = new ConcurrentHashMap<>();
    private final Map<String, JobConnections.Registry> localConnections = new ConcurrentHashMap<>();
    private final DataSource dataSource;
    private final JobRepository jobs;
    private final TransactionTemplate tx;
    private final TransactionTemplate txNew;
    private final JsonMapper json;
    private final int threads;
    private final int perUserRunning;
    private final int perUserQueued;
    private final Duration heartbeat;
    private final long flushMs;
    private final String instance;
    private volatile Scheduler scheduler;
    private volatile ScheduledExecutorService flusher;
    private volatile boolean stopping;

    @Autowired
    public JobService(JobRepository jobs, DataSource dataSource, JsonMapper json,
                      @Value("${civgeo.jobs.threads:2}") int threads,
                      @Value("${civgeo.jobs.per-user-running:1}") int perUserRunning,
                      @Value("${civgeo.jobs.per-user-queued:20}") int perUserQueued,
                      @Value("${civgeo.jobs.heartbeat-ms:5000}") long heartbeatMs,
                      @Value("${civgeo.jobs.flush-ms:500}") long flushMs,
                      @Value("${civgeo.jobs.instance:}") String instance) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.txNew = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.txNew.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.threads = Math.max(1, threads);
        this.perUserRunning = Math.max(1, perUserRunning);
        this.perUserQueued = perUserQueued;
        this.heartbeat = Duration.ofMillis(Math.max(200, heartbeatMs));
        this.flushMs = Math.max(50, flushMs);
        this.instance = instance == null || instance.isBlank() ? defaultInstanceName() : instance;
    }

    private static String defaultInstanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Registers the work of a job kind (at start-up, before the scheduler starts). {@code rerunAfterCrash}: true when
     * running it twice is harmless (reads, computations); false for anything that writes.
     */
    public <I> void register(String kind, Class<I> inputType, boolean rerunAfterCrash, Work<I> work) {
        handlers.put(kind, new Handler<>(inputType, rerunAfterCrash, work));
    }

    /**
     * Queues a job of a registered kind to run in the background as the current user. Inside a transaction (e.g. a
     * write under an Idempotency-Key) the job is part of it: it runs only if that commits.
     */
    public Job submit(String kind, Object input) { return submit(kind, input, null); }

    /** Same, with an uploaded file kept in the job row until the job has run (so any instance can run it). */
    public Job submit(String kind, Object input, byte[] file) { return submit(kind, input, file, tx); }

    /** Queues a job in a transaction of its own: for after-commit listeners, whose finished transaction must not be joined. */
    public Job submitSeparately(String kind, Object input) { return submit(kind, input, null, txNew); }

    private Job submit(String kind, Object input, byte[] file, TransactionTemplate tx) {
        if (!handlers.containsKey(kind)) throw new IllegalStateException("no job kind " + kind + " registered");
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String owner = auth == null ? "system" : auth.getName();
        String[] authorities = auth == null ? new String[0]
                : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toArray(String[]::new);
        String id = UUID.randomUUID().toString();
        String inputJson = input == null ? null : json.writeValueAsString(input);
        jobs.deleteFinishedBefore24Hours();
        tx.executeWithoutResult(s -> {
            lockOwner(owner);
            long queued = jobs.countQueued(owner);
            if (!owner.equals("system") && queued >= perUserQueued) {
                throw new ApiException(ProblemType.RATE_LIMITED, owner + " already has " + queued + " jobs waiting (at most "
                        + perUserQueued + "); wait for them or cancel some (DELETE /api/jobs/{id})", List.of(),
                        Map.of("retryAfterSeconds", 30));
            }
            jobs.insert(id, kind, owner, authorities, inputJson, file);
        });
        return get(id, false);
    }

    private void lockOwner(String owner) {
        jobs.lockOwner(owner);
    }

    /** db-scheduler's execution of one job: start it if its owner may run one more, else put it back a moment. */
    private CompletionHandler<Void> execute(String id) {
        CompletionHandler<Void> done = (complete, ops) -> ops.remove();
        CompletionHandler<Void> later = (complete, ops) -> ops.reschedule(complete, Instant.now().plusMillis(2000));
        Optional<Row> started = tx.execute(s -> start(id));
        if (started == null) return later;
        if (started.isEmpty()) return done;
        Row row = started.get();
        if (row.status().equals("DEFER")) return later;
        // A kind this instance does not run (another build's): put back with a random delay, so that schedulers
        // polling in step cannot keep taking it first from the one instance that knows it.
        if (row.status().equals("UNKNOWN")) return (complete, ops) -> ops.reschedule(complete,
                Instant.now().plusMillis(100 + java.util.concurrent.ThreadLocalRandom.current().nextLong(900)));
        Handler<?> h = handlers.get(row.kind());
        Job job = new Job(id, row.kind(), row.owner());
        job.running();
        local.put(id, job);
        localThreads.put(id, Thread.currentThread());
        localConnections.put(id, JobConnections.begin());
        try {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    row.owner(), null, java.util.Arrays.stream(row.authorities()).map(SimpleGrantedAuthority::new).toList()));
            Object result = runWork(h, row, job);
            finish(id, job, "SUCCEEDED", result, null);
        } catch (ApiException e) {
            finish(id, job, "FAILED", null, Problems.detail(e.type(), e.getMessage(), e.errors(), e.extra()));
        } catch (RuntimeException e) {
            if (stopping) return interruptedByStop(id, h);
            log.error("job {} ({}) failed", id, row.kind(), e);
            finish(id, job, "FAILED", null, Problems.detail(ProblemType.INTERNAL, "The job failed on our side; it has been logged", null, null));
        } finally {
            SecurityContextHolder.clearContext();
            JobConnections.end();
            localConnections.remove(id);
            local.remove(id);
            localThreads.remove(id);
            Thread.interrupted();
        }
        return done;
    }

    @SuppressWarnings("unchecked")
    private <I> Object runWork(Handler<I> h, Row row, Job job) {
        I input = row.input() == null ? null : json.readValue(row.input(), h.inputType());
        return h.work().run(input, row.file(), job);
    }

    /**
     * In one transaction: the job row locked; a finished or cancelled job is done with (empty); a RUNNING one is an
     * execution revived after its instance died — run again when the kind allows, else FAILED saying so (empty);
     * an owner at the running limit → DEFER; else marked RUNNING here.
     */
    private Optional<Row> start(String id) {
        List<Row> rows = jobs.lockForStart(id);
        if (rows.isEmpty()) return Optional.empty();
        Row row = rows.get(0);
        Handler<?> h = handlers.get(row.kind());
        if (!row.status().equals("QUEUED") && !row.status().equals("RUNNING")) return Optional.empty();
        if (h == null) { // another instance (a newer or older build) may know it; give up on it after 10 minutes
            boolean old = jobs.submittedOver10MinutesAgo(id);
            if (!old) return Optional.of(new Row("UNKNOWN", row.owner(), row.kind(), row.authorities(), null, null));
            markFailed(id, "no instance knows job kind " + row.kind());
            return Optional.empty();
        }
        if (row.status().equals("RUNNING") && !h.rerunAfterCrash()) {
            markFailed(id, "The instance running this job stopped before it finished. A " + row.kind() + " job is "
                    + "all-or-nothing: check whether its changes are there, then submit it again if they are not.");
            return Optional.empty();
        }
        lockOwner(row.owner());
        long running = jobs.countRunningOthers(row.owner(), id);
        if (!row.owner().equals("system") && running >= perUserRunning) {
            return Optional.of(new Row("DEFER", row.owner(), row.kind(), row.authorities(), null, null));
        }
        // First come, first served per owner: while an older job of the owner (of a kind this instance runs) waits,
        // it goes first and this one is put back (several instances may poll the queue in any order).
        if (!row.owner().equals("system") && wakeOlder(row.owner(), id)) {
            return Optional.of(new Row("DEFER", row.owner(), row.kind(), row.authorities(), null, null));
        }
        jobs.markRunning(instance, id);
        return Optional.of(row);
    }

    /** Makes the owner's oldest job waiting before {@code id} (of a kind known here) due now; false when there is none. */
    private boolean wakeOlder(String owner, String id) {
        String[] kinds = handlers.keySet().toArray(String[]::new);
        return jobs.wakeOlder(owner, id, kinds);
    }

    private void markFailed(String id, String detail) {
        String problem = json.writeValueAsString(Problems.detail(ProblemType.INTERNAL, detail, null, null));
        jobs.markFailed(id, problem);
    }

    /** This instance is stopping with the job half done: back in the queue when it may run again, else FAILED. */
    private CompletionHandler<Void> interruptedByStop(String id, Handler<?> h) {
        if (h.rerunAfterCrash()) {
            jobs.requeueIfRunning(id);
            return (complete, ops) -> ops.reschedule(complete, Instant.now());
        }
        markFailedIfRunning(id, "The instance running this job was stopped before it finished; an all-or-nothing job "
                + "leaves the data as before or as after: check, then submit it again if needed.");
        return (complete, ops) -> ops.remove();
    }

    private void markFailedIfRunning(String id, String detail) {
        String problem = json.writeValueAsString(Problems.detail(ProblemType.INTERNAL, detail, null, null));
        jobs.markFailedIfRunning(id, problem);
    }

    /** The answer, unless the job was cancelled meanwhile (then it stays CANCELLED). */
    private void finish(String id, Job job, String status, Object result, Object error) {
        jobs.finish(id, status, result == null ? null : json.writeValueAsString(result),
                error == null ? null : json.writeValueAsString(error), job.getDone(),
                job.rawTotal() < 0 ? null : job.rawTotal(), job.getMessage());
        wakeNext(job.getOwner());
    }

    /** The owner's oldest waiting jobs are due now (they were put back while this one ran). */
    private void wakeNext(String owner) {
        try {
            jobs.wakeNext(owner, perUserRunning);
        } catch (RuntimeException e) {
            log.debug("next job of {} not woken: {}", owner, e.getMessage());
        }
    }

    /** Writes the live counters of this instance's running jobs; a job cancelled elsewhere is interrupted here. */
    private void flush() {
        for (Job job : local.values()) {
            try {
                int n = jobs.writeProgress(job.getId(), job.getDone(), job.rawTotal() < 0 ? null : job.rawTotal(), job.getMessage());
                if (n == 0 && local.containsKey(job.getId())) interruptLocal(job.getId());
            } catch (RuntimeException e) {
                log.debug("job progress not written: {}", e.getMessage());
            }
        }
    }

    /**
     * Interrupts the thread of a job running on this instance and cancels the statement it is running in the
     * database (its connections are tracked by {@link JobConnections}).
     */
    private void interruptLocal(String id) {
        Thread t = localThreads.get(id);
        if (t != null) t.interrupt();
        JobConnections.Registry connections = localConnections.get(id);
        if (connections != null) connections.cancel();
    }

    /** The job if the caller owns it or is an administrator. */
    public Job get(String id) { return get(id, true); }

    private Job get(String id, boolean checkVisible) {
        List<Job> found = jobs.byId(id, (rs, n) -> job(rs));
        if (found.isEmpty() || (checkVisible && !visible(found.get(0)))) throw ApiException.notFound("Job", id);
        return found.get(0);
    }

    private Job job(ResultSet rs) throws SQLException {
        long total = rs.getLong(5);
        boolean noTotal = rs.wasNull();
        String result = rs.getString(11);
        String error = rs.getString(12);
        return new Job(rs.getString(1), rs.getString(2), rs.getString(3), Job.Status.valueOf(rs.getString(4)),
                noTotal ? null : total, rs.getLong(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
                result == null ? null : ProblemTexts.localizedErrors(json.readTree(result)), error == null ? null : ProblemTexts.localized(json.readTree(error)));
    }

    /**
     * Cancels a queued job (it never starts) or a running one (its thread is interrupted, on whichever instance runs
     * it; work in a database statement finishes that statement). A finished job is a 409.
     */
    public Job cancel(String id) {
        Job job = get(id);
        if (job.isFinished()) throw ApiException.conflict("job " + id + " is already " + job.getStatus());
        int n = jobs.cancel(id);
        if (n == 0) throw ApiException.conflict("job " + id + " is already " + get(id).getStatus());
        interruptLocal(id);
        return get(id);
    }

    public List<Job> mine() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) return List.of();
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        return admin
                ? jobs.latest500((rs, n) -> job(rs))
                : jobs.latest500Of(auth.getName(), (rs, n) -> job(rs));
    }

    private boolean visible(Job job) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) return false;
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        return admin || job.getOwner().equals(auth.getName());
    }

    /** The name this instance's scheduler goes by (scheduled_tasks.picked_by, job.instance). */
    public String instance() { return instance; }

    // --- lifecycle: the scheduler starts once every feature has registered its kinds, and stops first -----------

    @Override
    public synchronized void start() {
        if (scheduler != null) return;
        stopping = false;
        CustomTask<Void> task = Tasks.custom(TASK, Void.class)
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                // the job's own failures are caught in execute(); this is for the bookkeeping around it (a lost
                // connection): try again in a moment, not db-scheduler's default of five minutes
                .onFailure(new com.github.kagkarlsson.scheduler.task.FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(2)))
                .execute((inst, ctx) -> execute(inst.getId()));
        scheduler = Scheduler.create(dataSource, List.of(task))
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(instance))
                .threads(threads)
                .pollingInterval(Duration.ofMillis(500))
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(4)
                .shutdownMaxWait(Duration.ofSeconds(3))
                .enableImmediateExecution()
                .build();
        scheduler.start();
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "civgeo-job-progress");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flush, flushMs, flushMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) return;
        stopping = true;
        flusher.shutdownNow();
        new ArrayList<>(localThreads.keySet()).forEach(this::interruptLocal);
        scheduler.stop();
        scheduler = null;
    }

    @Override
    public boolean isRunning() { return scheduler != null; }
}
