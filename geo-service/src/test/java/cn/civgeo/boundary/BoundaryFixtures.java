package cn.civgeo.boundary;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Synthetic test divisions under the test province 99 and clean-up of this feature's rows for them, so a test
 * class can run again on the same database. Only rows of lines between the given code prefix are removed.
 */
public final class BoundaryFixtures {
    private BoundaryFixtures() {}

    /** Makes sure province 990000 and the prefecture {@code prefecture} exist (idempotent). */
    public static void ensurePrefecture(JdbcClient jdbc, String prefecture, String name) {
        division(jdbc, "990000", "测试省", 1, "省", null, null);
        division(jdbc, prefecture, name, 2, "地级市", "990000", null);
    }

    /** Inserts (or resets the geometry of) a test division; {@code wkt} is a POLYGON in EPSG:4490. */
    public static void division(JdbcClient jdbc, String code, String name, int level, String kind, String parent, String wkt) {
        jdbc.sql("""
                        insert into division(code, name, short_name, level, kind, parent_code, geom, status)
                        values (:c, :n, :n, :l, :k, :p, ST_Multi(ST_GeomFromText(:w, 4490)), 'active')
                        on conflict (code) do update set geom = excluded.geom, status = 'active', valid_to = null""")
                .param("c", code).param("n", name).param("l", level).param("k", kind).param("p", parent).param("w", wkt)
                .update();
    }

    /** Removes every boundary row (lines, markers, inspections, problems) of lines whose divisions start with {@code prefix}. */
    public static void cleanBoundary(JdbcClient jdbc, String prefix) {
        String lines = "(select id from boundary_line where left_code like :p || '%' or right_code like :p || '%')";
        String[] sql = {
                "delete from boundary_patrol where custodian_id in (select id from boundary_custodian where line_id in " + lines
                        + " or marker_id in (select id from boundary_marker where line_id in " + lines + "))",
                "delete from boundary_custodian where line_id in " + lines + " or marker_id in (select id from boundary_marker where line_id in " + lines + ")",
                "delete from redemarcation_task where line_id in " + lines,
                "delete from peace_border where line_id in " + lines,
                "delete from boundary_problem_event where problem_id in (select id from boundary_problem where line_id in " + lines + ")",
                "delete from boundary_problem where line_id in " + lines,
                "delete from marker_record where marker_id in (select id from boundary_marker where line_id in " + lines + ")",
                "delete from stretch_record where inspection_id in (select id from line_inspection where line_id in " + lines + ")",
                "delete from marker_record where inspection_id in (select id from line_inspection where line_id in " + lines + ")",
                "delete from line_inspection where line_id in " + lines,
                "delete from inspection_assignment where line_id in " + lines,
                "delete from inspection_round_line where line_id in " + lines,
                "delete from boundary_attachment where owner_kind = 'line' and owner_id in " + lines,
                "delete from boundary_attachment where owner_kind = 'marker' and owner_id in (select id from boundary_marker where line_id in " + lines + ")",
                "delete from boundary_marker where line_id in " + lines,
                "delete from boundary_dispute_event where dispute_id in (select id from boundary_dispute where left_code like :p || '%')",
                "delete from boundary_dispute where left_code like :p || '%' or line_id in " + lines,
                "delete from boundary_line where id in " + lines,
        };
        for (String s : sql) jdbc.sql(s).param("p", prefix).update();
    }
}
