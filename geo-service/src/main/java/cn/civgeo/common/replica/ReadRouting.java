package cn.civgeo.common.replica;

/** Whether the current thread is inside a read scope (then connections may come from a replica). */
final class ReadRouting {
    private static final ThreadLocal<Boolean> READ = new ThreadLocal<>();

    private ReadRouting() {}

    static void enter() { READ.set(Boolean.TRUE); }

    static void exit() { READ.remove(); }

    /** True inside a read scope. */
    public static boolean active() { return READ.get() != null; }
}
