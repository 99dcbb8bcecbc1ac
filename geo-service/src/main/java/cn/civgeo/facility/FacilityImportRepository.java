package cn.civgeo.facility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FacilityImportRepository {
    private static final String ROW_COLUMNS = """
            id, import_id, row_number, facility::text as facility, address, ST_X(candidate_geom) as lon, ST_Y(candidate_geom) as lat,
            confidence, reason, status, facility_id, version, resolved_by, resolved_at""";

    private final JdbcClient jdbc;

    FacilityImportRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    long insertImport(String filename, String by, int total, int imported, int held) {
        return jdbc.sql("""
                        insert into facility_import(filename, created_by, total_rows, imported, held)
                        values (:f, :b, :t, :i, :h) returning id""")
                .param("f", filename).param("b", by).param("t", total).param("i", imported).param("h", held).query(Long.class).single();
    }

    long insertHeld(long importId, int row, String facilityJson, String address, Double lon, Double lat, Double confidence, String reason) {
        return jdbc.sql("""
                        insert into facility_import_row(import_id, row_number, facility, address, candidate_geom, confidence, reason)
                        values (:imp, :row, cast(:f as jsonb), :a,
                                case when cast(:x as float8) is null then null else ST_SetSRID(ST_MakePoint(:x, :y), 4490) end, :c, :r)
                        returning id""")
                .param("imp", importId).param("row", row).param("f", facilityJson).param("a", address).param("x", lon).param("y", lat)
                .param("c", confidence).param("r", reason).query(Long.class).single();
    }

    Optional<FacilityImportRow> row(long id) {
        return jdbc.sql("select " + ROW_COLUMNS + " from facility_import_row where id = :id").param("id", id)
                .query(FacilityImportRepository::map).optional();
    }

    List<FacilityImportRow> rows(Long importId, String status, int limit, int offset) {
        return jdbc.sql("select " + ROW_COLUMNS + " " + """
                         from facility_import_row where (cast(:imp as bigint) is null or import_id = :imp)
                           and (cast(:s as text) is null or status = :s) order by import_id, row_number limit :l offset :o""")
                .param("imp", importId).param("s", status).param("l", limit).param("o", offset)
                .query(FacilityImportRepository::map).list();
    }

    long countRows(Long importId, String status) {
        return jdbc.sql("""
                        select count(*) from facility_import_row where (cast(:imp as bigint) is null or import_id = :imp)
                           and (cast(:s as text) is null or status = :s)""")
                .param("imp", importId).param("s", status).query(Long.class).single();
    }

    boolean resolve(long id, int version, String status, Long facilityId, String by) {
        return jdbc.sql("""
                        update facility_import_row set status = :s, facility_id = :f, resolved_by = :b, resolved_at = now(),
                               version = version + 1
                         where id = :id and version = :v and status = 'pending'""")
                .param("s", status).param("f", facilityId).param("b", by).param("id", id).param("v", version).update() == 1;
    }

    private static FacilityImportRow map(ResultSet rs, int i) throws SQLException {
        return new FacilityImportRow(rs.getLong("id"), rs.getLong("import_id"), rs.getInt("row_number"), rs.getString("facility"),
                rs.getString("address"), (Double) rs.getObject("lon"), (Double) rs.getObject("lat"), (Double) rs.getObject("confidence"),
                rs.getString("reason"), rs.getString("status"), (Long) rs.getObject("facility_id"), rs.getInt("version"),
                rs.getString("resolved_by"), rs.getObject("resolved_at", OffsetDateTime.class));
    }
}
