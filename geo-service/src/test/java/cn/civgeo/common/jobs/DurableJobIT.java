package cn.civgeo.common.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Jobs in the database, shared by instances: the application context's JobService and a second one (another
 * instance: its own scheduler, name and workers) on the same test database, as two CivGeo processes would be.
 */
class DurableJobIT extends IntegrationTest {
    @Autowired
    JobService jobs;
    @Autowired
    DataSource dataSource;

    private final List<JobService> others = new CopyOnWriteArrayList<>();

    private JobService instance(String name) {
        JobService s = new JobService(new JobRepository(dataSource), dataSource, json, 2, 1, 20, 1000, 200, name + "-" + UUID.randomUUID().toString().substring(0, 6));
        others.add(s);
        return s;
    }

    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierRuns() { // jobs are durable: a killed earlier test JVM may have left its test jobs unfinished
        jdbc.sql("update job set status = 'CANCELLED', finished_at = now() where status in ('QUEUED', 'RUNNING') and ("
                + "kind like 'exactly-once-%' or kind like 'progress-%' or kind like 'restart-%' or kind like 'crash-%')").update();
    }

    @AfterEach
    void stopOthers() {
        others.forEach(JobService::stop);
    }

    @Test
    void twoInstancesRunEachJobExactlyOnce() {
        JobService other = instance("other");
        String kind = "exactly-once-" + UUID.randomUUID();
        Map<String, List<String>> runs = new ConcurrentHashMap<>();
        for (JobService s : List.of(jobs, other)) {
            s.register(kind, String.class, true, (in, file, p) -> {
                runs.computeIfAbsent(in, k -> new CopyOnWriteArrayList<>()).add(s.instance());
                sleep(250);
                return Map.of("ran", in);
            });
        }
        other.start();
        List<Job> submitted = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            as("owner-" + i + "-" + kind.substring(13, 21), "PLANNER"); // one owner each: the per-user limit does not serialise them
            try {
                submitted.add((i % 2 == 0 ? jobs : other).submit(kind, "job-" + i));
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
        waitFor(() -> submitted.stream().allMatch(j -> status(j.getId()).equals("SUCCEEDED")), 60);
        assertThat(runs).hasSize(12);
        assertThat(runs.values()).allSatisfy(ran -> assertThat(ran).hasSize(1));
        Set<String> where = runs.values().stream().map(l -> l.get(0)).collect(Collectors.toSet());
        assertThat(where).as("both instances took jobs").containsExactlyInAnyOrder(jobs.instance(), other.instance());
        // The row says who ran it; and no execution is left behind.
        for (Job j : submitted) {
            String ranOn = jdbc.sql("select instance from job where id = ?").param(j.getId()).query(String.class).single();
            assertThat(runs.get(jdbc.sql("select input #>> '{}' from job where id = ?").param(j.getId()).query(String.class).single()))
                    .containsExactly(ranOn);
        }
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance in (:ids)")
                .param("ids", submitted.stream().map(Job::getId).toList()).query(Long.class).single()).isZero();
    }

    @Test
    void progressIsReadFromTheOtherInstanceAndCancelReachesTheRunningOne() throws Exception {
        JobService other = instance("other");
        String kind = "progress-" + UUID.randomUUID();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        // Only the other instance knows this kind: submitted and run there, read and cancelled here.
        other.register(kind, String.class, true, (in, file, p) -> {
            p.total(10);
            p.advance(3);
            p.message("three of ten");
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "never";
        });
        other.start();
        // This instance's scheduler pauses for the test: it would take the job, find its kind unknown and put it back
        // (twoInstancesRunEachJobExactlyOnce has both polling). Under the suite's load it once held the job for over
        // 20 s in CI, probably waiting for a connection with the execution picked. Reads and the cancel need no scheduler.
        jobs.stop();
        as("planner-jobs-t", "PLANNER");
        try {
            Job job = other.submit(kind, "x");
            assertThat(started.await(30, TimeUnit.SECONDS)).as("the other instance started the job within 30 s").isTrue();
            waitFor(() -> jobs.get(job.getId()).getDone() == 3, 10);
            Job seenHere = jobs.get(job.getId());
            assertThat(seenHere.getStatus()).isEqualTo(Job.Status.RUNNING);
            assertThat(seenHere.getTotal()).isEqualTo(10);
            assertThat(seenHere.getPercent()).isEqualTo(30.0);
            assertThat(seenHere.getMessage()).isEqualTo("three of ten");
            assertThat(jdbc.sql("select instance from job where id = ?").param(job.getId()).query(String.class).single())
                    .isEqualTo(other.instance());
            // Over HTTP, from this instance, as the owner.
            Response r = get("/api/jobs/" + job.getId(), "planner-jobs-t");
            assertThat(r.json().get("done").asLong()).isEqualTo(3);
            assertThat(r.json().get("percent").asDouble()).isEqualTo(30.0);

            assertThat(jobs.cancel(job.getId()).getStatus()).isEqualTo(Job.Status.CANCELLED);
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the other instance interrupted the job").isTrue();
            sleep(500);
            assertThat(jobs.get(job.getId()).getStatus()).isEqualTo(Job.Status.CANCELLED);
        } finally {
            SecurityContextHolder.clearContext();
            jobs.start();
        }
    }

    @Test
    void aJobIdAnswersAfterTheInstancesRestartAndCrashedJobsAreRerunOrFailedHonestly() {
        String kind = "restart-" + UUID.randomUUID();
        JobService first = instance("first");
        first.register(kind, String.class, true, (in, file, p) -> Map.of("echo", in, "bytes", file == null ? 0 : file.length));
        first.start();
        as("planner-jobs-t", "PLANNER");
        Job done;
        try {
            done = first.submit(kind, "hello", new byte[] {1, 2, 3});
        } finally {
            SecurityContextHolder.clearContext();
        }
        waitFor(() -> status(done.getId()).equals("SUCCEEDED"), 60);
        first.stop();
        // A fresh instance (nothing in memory) answers the id with the result, over its own code path.
        JobService restarted = instance("restarted");
        as("planner-jobs-t", "PLANNER");
        try {
            Job again = restarted.get(done.getId());
            assertThat(again.getStatus()).isEqualTo(Job.Status.SUCCEEDED);
            assertThat(json.valueToTree(again.getResult()).get("echo").asString()).isEqualTo("hello");
            assertThat(json.valueToTree(again.getResult()).get("bytes").asInt()).isEqualTo(3);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(get("/api/jobs/" + done.getId(), "planner-jobs-t").json().get("result").get("echo").asString()).isEqualTo("hello");
        assertThat(jdbc.sql("select input_file is null from job where id = ?").param(done.getId()).query(Boolean.class).single())
                .as("the upload is dropped once the job has run").isTrue();

        // What a kill -9 of an instance leaves: the job RUNNING on it, its execution picked, heartbeat gone stale.
        String readKind = "crash-read-" + UUID.randomUUID();
        String writeKind = "crash-write-" + UUID.randomUUID();
        jobs.register(readKind, String.class, true, (in, file, p) -> Map.of("rerun", in));
        jobs.register(writeKind, String.class, false, (in, file, p) -> {
            throw new AssertionError("an import interrupted by a crash must not run again");
        });
        String read = crashed(readKind);
        String write = crashed(writeKind);
        waitFor(() -> !status(read).equals("RUNNING") && !status(write).equals("RUNNING"), 30);
        assertThat(status(read)).isEqualTo("SUCCEEDED");
        assertThat(jdbc.sql("select attempts from job where id = ?").param(read).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select instance from job where id = ?").param(read).query(String.class).single()).isEqualTo(jobs.instance());
        assertThat(status(write)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select error ->> 'detail' from job where id = ?").param(write).query(String.class).single())
                .contains("stopped before it finished").contains("all-or-nothing");
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance in (?, ?)").params(read, write)
                .query(Long.class).single()).isZero();
    }

    private String crashed(String kind) {
        String id = UUID.randomUUID().toString();
        // owned by a user of their own: a RUNNING job of planner-t would hold the other tests' jobs (one running per user)
        jdbc.sql("insert into job (id, kind, owner, authorities, input, status, started_at, instance, attempts) "
                + "values (?, ?, 'killed-owner-t', '{ROLE_PLANNER}', '\"x\"', 'RUNNING', now() - interval '1 minute', 'killed-instance', 1)")
                .params(id, kind).update();
        jdbc.sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat, version, priority) "
                + "values (?, ?, now() - interval '1 minute', true, 'killed-instance', now() - interval '1 minute', 2, 0)")
                .params(JobService.TASK, id).update();
        return id;
    }

    private String status(String id) {
        return jdbc.sql("select status from job where id = ?").param(id).query(String.class).single();
    }

    private static void as(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    private static void waitFor(BooleanSupplier cond, int seconds) {
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (!cond.getAsBoolean() && System.currentTimeMillis() < end) sleep(100);
        assertThat(cond.getAsBoolean()).isTrue();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
