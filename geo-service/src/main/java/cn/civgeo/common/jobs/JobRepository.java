package cn.civgeo.common.jobs;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code job} table and db-scheduler's execution rows of {@value JobService#TASK} in {@code scheduled_tasks}.
 * Built on the job service's data source, like its transaction templates, so its statements join their transactions.
 */
@Repository
class JobRepository {
    private static final String SELECT = "select id, kind, owner, status, total, done, message, submitted_at, started_at, "
            + "finished_at, result::text, error::text from job";

    /** A job row as an execution starts it: status, owner, kind, roles, stored input and uploaded file. */
    record Row(String status, String owner, String kind, String[] authorities, String input, byte[] file) {}

    private final JdbcClient jdbc;

    @Autowired
    JobRepository(DataSource dataSource) { this.jdbc = JdbcClient.create(dataSource); }

    void deleteFinishedBefore24Hours() {
        jdbc.sql("delete from job where finished_at < now() - interval '24 hours'").update();
    }

    long countQueued(String owner) {
        return jdbc.sql("select count(*) from job where owner = ? and status = 'QUEUED'").param(owner)
                .query(Long.class).single();
    }

    /** The job's row and its execution row (no task data), in the caller's transaction. */
    void insert(String id, String kind, String owner, String[] authorities, String inputJson, byte[] file) {
        jdbc.sql("insert into job (id, kind, owner, authorities, input, input_file) values (?, ?, ?, ?, ?::jsonb, ?)")
                .params(id, kind, owner, authorities, inputJson, file).update();
        // db-scheduler's execution row, in the same transaction as the job (its documented table; no task data).
        jdbc.sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version, priority) "
                + "values (?, ?, now(), false, 1, 0)").params(JobService.TASK, id).update();
    }

    /** Serialises the owner's submissions and starts until the transaction ends. */
    void lockOwner(String owner) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('civgeo-job:' || ?))").param(owner).query((rs, n) -> 1).list();
    }

    /** The job's row locked for update (empty when there is none). */
    List<Row> lockForStart(String id) {
        return jdbc.sql("select status, owner, kind, authorities, input::text, input_file from job where id = ? for update")
                .param(id).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs, 4),
                        rs.getString(5), rs.getBytes(6))).list();
    }

    boolean submittedOver10MinutesAgo(String id) {
        return jdbc.sql("select submitted_at < now() - interval '10 minutes' from job where id = ?").param(id)
                .query(Boolean.class).single();
    }

    long countRunningOthers(String owner, String id) {
        return jdbc.sql("select count(*) from job where owner = ? and status = 'RUNNING' and id <> ?")
                .params(owner, id).query(Long.class).single();
    }

    void markRunning(String instance, String id) {
        jdbc.sql("update job set status = 'RUNNING', started_at = now(), instance = ?, attempts = attempts + 1, done = 0, "
                + "total = null, message = case when status = 'RUNNING' then 'run again after its instance stopped' end where id = ?")
                .params(instance, id).update();
    }

    /** Makes the owner's oldest job waiting before {@code id} (of one of {@code kinds}) due now; false when there is none. */
    boolean wakeOlder(String owner, String id, String[] kinds) {
        String task = JobService.TASK;
        return jdbc.sql("update scheduled_tasks set execution_time = now() where task_name = ? and not picked and task_instance = "
                + "(select o.id from job o join job me on me.id = ? join scheduled_tasks t on t.task_name = ? and t.task_instance = o.id "
                + "where o.owner = ? and o.status = 'QUEUED' and o.id <> me.id and o.kind = any(?) "
                + "and (o.submitted_at, o.id) < (me.submitted_at, me.id) order by o.submitted_at, o.id limit 1)")
                .params(task, id, task, owner, kinds).update() > 0
                || jdbc.sql("select exists (select 1 from job o join job me on me.id = ? join scheduled_tasks t on t.task_name = ? "
                + "and t.task_instance = o.id where o.owner = ? and o.status = 'QUEUED' and o.id <> me.id and o.kind = any(?) "
                + "and (o.submitted_at, o.id) < (me.submitted_at, me.id))").params(id, task, owner, kinds)
                .query(Boolean.class).single();
    }

    private static String[] strings(ResultSet rs, int col) throws SQLException {
        Array a = rs.getArray(col);
        return a == null ? new String[0] : (String[]) a.getArray();
    }

    void markFailed(String id, String problemJson) {
        jdbc.sql("update job set status = 'FAILED', finished_at = now(), error = ?::jsonb, input_file = null where id = ?")
                .params(problemJson, id).update();
    }

    void requeueIfRunning(String id) {
        jdbc.sql("update job set status = 'QUEUED', message = 'queued again: its instance stopped' where id = ? and status = 'RUNNING'")
                .param(id).update();
    }

    void markFailedIfRunning(String id, String problemJson) {
        jdbc.sql("update job set status = 'FAILED', finished_at = now(), error = ?::jsonb, input_file = null where id = ? and status = 'RUNNING'")
                .params(problemJson, id).update();
    }

    /** The answer of a running job (a cancelled one stays CANCELLED). */
    void finish(String id, String status, String resultJson, String errorJson, long done, Long total, String message) {
        jdbc.sql("update job set status = ?, result = ?::jsonb, error = ?::jsonb, done = ?, total = ?, message = ?, "
                + "finished_at = now(), input_file = null where id = ? and status = 'RUNNING'")
                .params(status, resultJson, errorJson, done, total, message, id).update();
    }

    /** The owner's oldest {@code limit} waiting jobs are due now. */
    void wakeNext(String owner, int limit) {
        jdbc.sql("update scheduled_tasks set execution_time = now() where task_name = ? and not picked and task_instance in "
                + "(select id from job where owner = ? and status = 'QUEUED' order by submitted_at limit ?)")
                .params(JobService.TASK, owner, limit).update();
    }

    /** Live counters of a running job; 0 when it is no longer RUNNING (cancelled elsewhere). */
    int writeProgress(String id, long done, Long total, String message) {
        return jdbc.sql("update job set done = ?, total = ?, message = ? where id = ? and status = 'RUNNING'")
                .params(done, total, message, id).update();
    }

    <T> List<T> byId(String id, RowMapper<T> map) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(map).list();
    }

    /** 1 when a queued or running job was cancelled, 0 when it had finished meanwhile. */
    int cancel(String id) {
        return jdbc.sql("update job set status = 'CANCELLED', finished_at = now(), input_file = null "
                + "where id = ? and status in ('QUEUED', 'RUNNING')").param(id).update();
    }

    <T> List<T> latest500(RowMapper<T> map) {
        return jdbc.sql(SELECT + " order by submitted_at desc limit 500").query(map).list();
    }

    <T> List<T> latest500Of(String owner, RowMapper<T> map) {
        return jdbc.sql(SELECT + " where owner = ? order by submitted_at desc limit 500").param(owner).query(map).list();
    }
}
