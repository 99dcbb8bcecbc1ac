package cn.civgeo.common.jobs;

/** What a job's work reports while it runs. Thread-safe. */
public interface Progress {
    void total(long total);

    void advance(long done);

    void message(String message);

    /** A Progress that goes nowhere, for running the same work synchronously. */
    Progress NONE = new Progress() {
        @Override public void total(long total) { }
        @Override public void advance(long done) { }
        @Override public void message(String message) { }
    };
}
