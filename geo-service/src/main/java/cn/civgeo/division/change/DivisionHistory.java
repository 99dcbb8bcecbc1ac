package cn.civgeo.division.change;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the history: versions of a unit, events, predecessor and successor chains. */
@Service
@Transactional(readOnly = true)
public class DivisionHistory {
    private final JdbcClient jdbc;
    private final DivisionService divisions;

    DivisionHistory(JdbcClient jdbc, DivisionService divisions) {
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "DivisionVersion")
    public record Version(int version, LocalDate validFrom, LocalDate validTo, String name, String shortName, String kind,
                          String parentCode, Integer population, Double areaKm2, String status, Long endedByEvent) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "DivisionChangeEvent")
    public record Event(long id, String kind, LocalDate effectiveDate, String approvalDocument, String approvedBy,
                        String note, String createdBy, OffsetDateTime createdAt, String role) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "DivisionHistoryRef")
    public record Ref(String code, String name, int level, String status) {}

    public record History(String code, Division current, List<Version> versions, List<Event> events,
                          List<Ref> predecessors, List<Ref> successors, List<Ref> resolvesTo) {}

    public record Unit(String code, String name, String role, String status) {}

    public record EventDetail(long id, String kind, LocalDate effectiveDate, String approvalDocument, String approvedBy,
                              String note, String createdBy, OffsetDateTime createdAt, List<Unit> units) {}

    public History of(String code) {
        Division current = divisions.get(code);
        List<Version> versions = new java.util.ArrayList<>(jdbc.sql("""
                select version, valid_from, valid_to, name, short_name, kind, parent_code, population, area_km2,
                       'active' status, ended_by from division_version where code = :c
                 order by valid_to, version""").param("c", code).query((rs, i) -> new Version(rs.getInt(1),
                date(rs.getDate(2)), date(rs.getDate(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), (Integer) rs.getObject(8), (Double) rs.getObject(9), rs.getString(10),
                (Long) rs.getObject(11))).list());
        versions.add(new Version(current.version(), current.validFrom(), current.validTo(), current.name(),
                current.shortName(), current.kind(), current.parentCode(), current.population(), current.areaKm2(),
                current.status(), null));
        List<Event> events = jdbc.sql("""
                select e.id, e.kind, e.effective_date, e.approval_doc, e.approved_by, e.note, e.created_by, e.created_at,
                       string_agg(u.role, ',' order by u.role)
                  from division_event e join division_event_unit u on u.event_id = e.id
                 where u.code = :c group by e.id order by e.effective_date, e.id""").param("c", code)
                .query((rs, i) -> new Event(rs.getLong(1), rs.getString(2), date(rs.getDate(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                        rs.getString(9))).list();
        return new History(code, current, versions, events, refs("""
                select distinct d.code, d.name, d.level, d.status from division_succession s join division d on d.code = s.predecessor
                 where s.successor = :c order by 1""", code), refs("""
                select distinct d.code, d.name, d.level, d.status from division_succession s join division d on d.code = s.successor
                 where s.predecessor = :c order by 1""", code),
                divisions.successors(code).stream().map(d -> new Ref(d.code(), d.name(), d.level(), d.status())).toList());
    }

    public Optional<EventDetail> event(long id) {
        List<Unit> units = jdbc.sql("""
                select u.code, d.name, u.role, d.status from division_event_unit u join division d on d.code = u.code
                 where u.event_id = :id order by u.code, u.role""").param("id", id)
                .query((rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        return jdbc.sql("""
                select id, kind, effective_date, approval_doc, approved_by, note, created_by, created_at
                  from division_event where id = :id""").param("id", id)
                .query((rs, i) -> new EventDetail(rs.getLong(1), rs.getString(2), date(rs.getDate(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), units))
                .optional();
    }

    /** Events, newest effective date first, optionally touching units under a code prefix and within dates. */
    public Paging.Page<Event> events(String codePrefix, LocalDate from, LocalDate to, Paging paging) {
        if (codePrefix != null && !codePrefix.matches("\\d{1,12}")) throw ApiException.badField("code", "must be digits (a code or its prefix)");
        String where = """
                 where (cast(:from as date) is null or e.effective_date >= :from) and (cast(:to as date) is null or e.effective_date <= :to)
                   and (cast(:p as text) is null or exists (select 1 from division_event_unit u where u.event_id = e.id and u.code like :p || '%'))""";
        List<Event> items = jdbc.sql("select e.id, e.kind, e.effective_date, e.approval_doc, e.approved_by, e.note, e.created_by,"
                        + " e.created_at, null from division_event e " + where
                        + " order by e.effective_date desc, e.id desc limit :limit offset :offset")
                .param("from", from).param("to", to).param("p", codePrefix).param("limit", paging.limit())
                .param("offset", paging.offset())
                .query((rs, i) -> new Event(rs.getLong(1), rs.getString(2), date(rs.getDate(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), null)).list();
        long total = jdbc.sql("select count(*) from division_event e " + where).param("from", from).param("to", to)
                .param("p", codePrefix).query(Long.class).single();
        return paging.page(items, total);
    }

    private List<Ref> refs(String sql, String code) {
        return jdbc.sql(sql).param("c", code).query((rs, i) -> new Ref(rs.getString(1), rs.getString(2), rs.getInt(3),
                rs.getString(4))).list();
    }

    private static LocalDate date(java.sql.Date d) { return d == null ? null : d.toLocalDate(); }
}
