package cn.civgeo.boundary.dispute;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.common.Validation;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Boundary disputes and their status history until settled. */
@Service
public class DisputeService {
    public static final List<String> STATUSES = List.of("reported", "negotiating", "mediation", "ruling", "settled");

    public record Dispute(long id, String title, String leftCode, String rightCode, Long lineId, double areaKm2,
                          String status, String description, String settlement, LocalDate settledOn, int version,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt, @JsonRawValue String area,
                          List<String> resources, List<String> departments) {}

    /** {@code resources}: what is at stake (forest, water, mineral, land, grassland, sea); {@code departments} involved. */
    public record NewDispute(String title, String leftCode, String rightCode, Long lineId, String description,
                             tools.jackson.databind.JsonNode area, List<String> resources, List<String> departments) {}

    public static final List<String> RESOURCES = List.of("forest", "water", "mineral", "land", "grassland", "sea");

    /** A status change; {@code settled} needs {@code settlement} (what was agreed or ruled) and {@code settledOn}. */
    public record StatusChange(String status, String note, String settlement, LocalDate settledOn, Integer version) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "DisputeEvent")
    public record Event(long id, OffsetDateTime at, String actor, String fromStatus, String toStatus, String note) {}

    private static final String SELECT = """
            select id, title, left_code, right_code, line_id, area_km2, status, description, settlement, settled_on, version,
                   created_at, updated_at, ST_AsGeoJSON(area, 7) as area_json, resources, departments from boundary_dispute""";

    private final JdbcClient jdbc;
    private final AuditService audit;

    DisputeService(JdbcClient jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Dispute get(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(DisputeService::map).optional()
                .orElseThrow(() -> ApiException.notFound("dispute", id));
    }

    public Paging.Page<Dispute> list(String status, String division, Paging p) {
        if (status != null && !STATUSES.contains(status)) throw ApiException.badField("status", "must be one of " + STATUSES);
        String where = """
                 where (cast(:s as text) is null or status = :s)
                   and (cast(:d as text) is null or left_code = :d or right_code = :d)""";
        return p.page(jdbc.sql(SELECT + " " + where + " order by id desc limit :limit offset :offset").param("s", status)
                        .param("d", division).param("limit", p.limit()).param("offset", p.offset())
                        .query(DisputeService::map).list(),
                jdbc.sql("select count(*) from boundary_dispute " + where).param("s", status).param("d", division)
                        .query(Long.class).single());
    }

    public List<Event> history(long id) {
        get(id);
        return jdbc.sql("select * from boundary_dispute_event where dispute_id = :id order by id").param("id", id)
                .query((rs, i) -> new Event(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getString("note"))).list();
    }

    @Transactional
    public Dispute create(NewDispute in) {
        Validation v = new Validation();
        v.notBlank(in.title(), "title").notBlank(in.leftCode(), "leftCode").notBlank(in.rightCode(), "rightCode");
        v.require(in.leftCode() == null || !in.leftCode().equals(in.rightCode()), "rightCode", "must differ from leftCode");
        v.require(in.area() != null && !in.area().isNull(), "area", "is required (GeoJSON Polygon or MultiPolygon, EPSG:4490)");
        List<String> resources = in.resources() == null ? List.of() : in.resources();
        for (int i = 0; i < resources.size(); i++) {
            v.require(RESOURCES.contains(resources.get(i)), "resources[" + i + "]", "must be one of " + RESOURCES);
        }
        List<String> departments = in.departments() == null ? List.of()
                : in.departments().stream().filter(d -> d != null && !d.isBlank()).map(String::strip).toList();
        v.throwIfInvalid();
        for (String[] f : new String[][] {{"leftCode", in.leftCode()}, {"rightCode", in.rightCode()}}) {
            boolean known = jdbc.sql("select exists(select 1 from division_read division where code = :c)").param("c", f[1]).query(Boolean.class).single();
            v.require(known, f[0], "unknown division " + f[1]);
        }
        if (in.lineId() != null) {
            boolean ok = jdbc.sql("select exists(select 1 from boundary_line where id = :id)").param("id", in.lineId())
                    .query(Boolean.class).single();
            v.require(ok, "lineId", "unknown line " + in.lineId());
        }
        v.throwIfInvalid();
        String geojson = in.area().toString();
        String problem;
        try {
            problem = jdbc.sql("""
                            select case when GeometryType(g) not in ('POLYGON', 'MULTIPOLYGON') then 'must be a Polygon or MultiPolygon'
                                        when not ST_IsValid(g) then 'is not a valid polygon: ' || ST_IsValidReason(g) end
                              from (select ST_GeomFromGeoJSON(:g) as g) t""")
                    .param("g", geojson).query(String.class).optional().orElse(null);
        } catch (RuntimeException e) {
            throw ApiException.badField("area", "is not valid GeoJSON geometry");
        }
        if (problem != null) throw ApiException.badField("area", problem);
        long id = jdbc.sql("""
                        insert into boundary_dispute(title, left_code, right_code, line_id, area, area_km2, description,
                               resources, departments)
                        select :t, :l, :r, :line, g, ST_Area(g::geography) / 1e6, :d, :res, :deps
                          from (select ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(:g), 4490)) as g) x returning id""")
                .param("t", in.title()).param("l", in.leftCode()).param("r", in.rightCode()).param("line", in.lineId())
                .param("d", in.description()).param("g", geojson).param("res", resources.toArray(String[]::new))
                .param("deps", departments.toArray(String[]::new)).query(Long.class).single();
        event(id, null, "reported", in.description());
        Dispute d = get(id);
        audit.created("boundary_dispute", id, d);
        return d;
    }

    @Transactional
    public Dispute changeStatus(long id, StatusChange c) {
        Dispute old = get(id);
        Validation v = new Validation();
        v.require(c.version() != null, "version", "is required (the version you read)");
        v.require(c.status() != null && STATUSES.contains(c.status()), "status", "must be one of " + STATUSES);
        if ("settled".equals(c.status())) {
            v.notBlank(c.settlement(), "settlement");
            v.require(c.settledOn() != null, "settledOn", "is required to settle");
        }
        v.throwIfInvalid();
        if ("settled".equals(old.status())) throw ApiException.conflict("dispute " + id + " is settled");
        if (c.status().equals(old.status())) throw ApiException.conflict("dispute " + id + " is already " + old.status());
        int n = jdbc.sql("""
                        update boundary_dispute set status = :s, settlement = coalesce(:st, settlement),
                               settled_on = coalesce(:on, settled_on), version = version + 1, updated_at = now()
                         where id = :id and version = :v""")
                .param("s", c.status()).param("st", c.settlement()).param("on", c.settledOn()).param("id", id)
                .param("v", c.version()).update();
        if (n == 0) throw ApiException.staleVersion("dispute", id, c.version());
        event(id, old.status(), c.status(), c.note());
        Dispute d = get(id);
        audit.updated("boundary_dispute", id, withoutArea(old), withoutArea(d));
        return d;
    }

    private void event(long id, String from, String to, String note) {
        jdbc.sql("insert into boundary_dispute_event(dispute_id, actor, from_status, to_status, note) values (:d, :a, :f, :t, :n)")
                .param("d", id).param("a", AuditService.currentActor()).param("f", from).param("t", to).param("n", note).update();
    }

    private static Dispute withoutArea(Dispute d) {
        return new Dispute(d.id(), d.title(), d.leftCode(), d.rightCode(), d.lineId(), d.areaKm2(), d.status(), d.description(),
                d.settlement(), d.settledOn(), d.version(), d.createdAt(), d.updatedAt(), null, d.resources(), d.departments());
    }

    private static Dispute map(ResultSet rs, int i) throws SQLException {
        return new Dispute(rs.getLong("id"), rs.getString("title"), rs.getString("left_code"), rs.getString("right_code"),
                (Long) rs.getObject("line_id", Long.class), rs.getDouble("area_km2"), rs.getString("status"),
                rs.getString("description"), rs.getString("settlement"), rs.getObject("settled_on", LocalDate.class),
                rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("area_json"), strings(rs.getArray("resources")),
                strings(rs.getArray("departments")));
    }

    private static List<String> strings(java.sql.Array a) throws SQLException {
        return a == null ? List.of() : java.util.Arrays.asList((String[]) a.getArray());
    }
}
