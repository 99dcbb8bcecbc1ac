package cn.civgeo.common.jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/** A background job as clients see it: poll {@code GET /api/jobs/{id}} until status is SUCCEEDED or FAILED. */
public final class Job implements Progress {
    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final String id;
    private final String kind;
    private final String owner;
    private final OffsetDateTime submittedAt;
    private final AtomicLong total = new AtomicLong(-1);
    private final AtomicLong done = new AtomicLong();
    private volatile Status status = Status.QUEUED;
    private volatile String message;
    private volatile OffsetDateTime startedAt;
    private volatile OffsetDateTime finishedAt;
    private volatile Object result;
    private volatile Object error;

    Job(String id, String kind, String owner) {
        this.id = id;
        this.kind = kind;
        this.owner = owner;
        this.submittedAt = OffsetDateTime.now();
    }

    /** A job as stored in the job table (JobService reads every answer from there, whichever instance runs it). */
    Job(String id, String kind, String owner, Status status, Long total, long done, String message, OffsetDateTime submittedAt,
        OffsetDateTime startedAt, OffsetDateTime finishedAt, Object result, Object error) {
        this.id = id;
        this.kind = kind;
        this.owner = owner;
        this.status = status;
        if (total != null) this.total.set(total);
        this.done.set(done);
        this.message = message;
        this.submittedAt = submittedAt;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.result = result;
        this.error = error;
    }

    /** The counters as the running instance last wrote them: total (-1 unknown), done, message. */
    @JsonIgnore
    long rawTotal() { return total.get(); }

    @Override public void total(long n) { total.set(n); }

    @Override public void advance(long n) { done.addAndGet(n); }

    @Override public void message(String m) { message = m; }

    void running() { status = Status.RUNNING; startedAt = OffsetDateTime.now(); }

    void succeeded(Object r) { result = r; status = Status.SUCCEEDED; finishedAt = OffsetDateTime.now(); }

    void failed(Object problem) { error = problem; status = Status.FAILED; finishedAt = OffsetDateTime.now(); }

    void cancelled() { status = Status.CANCELLED; finishedAt = OffsetDateTime.now(); }

    public String getId() { return id; }
    public String getKind() { return kind; }
    public String getOwner() { return owner; }
    public Status getStatus() { return status; }
    public Long getTotal() { return total.get() < 0 ? null : total.get(); }
    public long getDone() { return done.get(); }
    public Double getPercent() { return total.get() <= 0 ? null : Math.min(100.0, Math.round(1000.0 * done.get() / total.get()) / 10.0); }
    public String getMessage() { return message; }
    public OffsetDateTime getSubmittedAt() { return submittedAt; }
    public OffsetDateTime getStartedAt() { return startedAt; }
    public OffsetDateTime getFinishedAt() { return finishedAt; }
    public Object getResult() { return result; }
    public Object getError() { return error; }

    @JsonIgnore
    public boolean isFinished() { return status == Status.SUCCEEDED || status == Status.FAILED || status == Status.CANCELLED; }
}
