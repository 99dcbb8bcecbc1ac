package cn.civgeo.division.change;

import cn.civgeo.common.Paging;
import cn.civgeo.division.change.DivisionHistory.Event;
import cn.civgeo.division.change.DivisionHistory.EventDetail;
import cn.civgeo.division.change.DivisionHistory.Ref;
import cn.civgeo.division.change.DivisionHistory.Unit;
import cn.civgeo.division.change.DivisionHistory.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads of {@link DivisionHistory}: closed versions, events and their units, succession links. */
@Repository
class DivisionHistoryRepository {
    /** The filter of the event list: dates and, optionally, a unit under a code prefix. */
    private static final String EVENTS_WHERE = """
             where (cast(:from as date) is null or e.effective_date >= :from) and (cast(:to as date) is null or e.effective_date <= :to)
               and (cast(:p as text) is null or exists (select 1 from division_event_unit u where u.event_id = e.id and u.code like :p || '%'))""";

    private final JdbcClient jdbc;

    DivisionHistoryRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** The closed versions of the unit (from {@code division_version}), oldest first. */
    List<Version> closedVersions(String code) {
        return jdbc.sql("""
                select version, valid_from, valid_to, name, short_name, kind, parent_code, population, area_km2,
                       'active' status, ended_by from division_version where code = :c
                 order by valid_to, version""").param("c", code).query((rs, i) -> new Version(rs.getInt(1),
                date(rs.getDate(2)), date(rs.getDate(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), (Integer) rs.getObject(8), (Double) rs.getObject(9), rs.getString(10),
                (Long) rs.getObject(11))).list();
    }

    /** The events that touched the unit, each with the unit's roles in it, by effective date. */
    List<Event> eventsOf(String code) {
        return jdbc.sql("""
                select e.id, e.kind, e.effective_date, e.approval_doc, e.approved_by, e.note, e.created_by, e.created_at,
                       string_agg(u.role, ',' order by u.role)
                  from division_event e join division_event_unit u on u.event_id = e.id
                 where u.code = :c group by e.id order by e.effective_date, e.id""").param("c", code)
                .query((rs, i) -> new Event(rs.getLong(1), rs.getString(2), date(rs.getDate(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                        rs.getString(9))).list();
    }

    /** The direct predecessors of the unit (succession links), by code. */
    List<Ref> predecessors(String code) {
        return refs("""
                select distinct d.code, d.name, d.level, d.status from division_succession s join division d on d.code = s.predecessor
                 where s.successor = :c order by 1""", code);
    }

    /** The direct successors of the unit (succession links), by code. */
    List<Ref> successors(String code) {
        return refs("""
                select distinct d.code, d.name, d.level, d.status from division_succession s join division d on d.code = s.successor
                 where s.predecessor = :c order by 1""", code);
    }

    /** The units of an event with their roles, by code and role. */
    List<Unit> eventUnits(long id) {
        return jdbc.sql("""
                select u.code, d.name, u.role, d.status from division_event_unit u join division d on d.code = u.code
                 where u.event_id = :id order by u.code, u.role""").param("id", id)
                .query((rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** The event with the given units; empty when there is none with that id. */
    Optional<EventDetail> event(long id, List<Unit> units) {
        return jdbc.sql("""
                select id, kind, effective_date, approval_doc, approved_by, note, created_by, created_at
                  from division_event where id = :id""").param("id", id)
                .query((rs, i) -> new EventDetail(rs.getLong(1), rs.getString(2), date(rs.getDate(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), units))
                .optional();
    }

    /** One page of the events matching the filter, newest effective date first. */
    List<Event> events(String codePrefix, LocalDate from, LocalDate to, Paging paging) {
        return jdbc.sql("select e.id, e.kind, e.effective_date, e.approval_doc, e.approved_by, e.note, e.created_by,"
                        + " e.created_at, null from division_event e " + EVENTS_WHERE
                        + " order by e.effective_date desc, e.id desc limit :limit offset :offset")
                .param("from", from).param("to", to).param("p", codePrefix).param("limit", paging.limit())
                .param("offset", paging.offset())
                .query((rs, i) -> new Event(rs.getLong(1), rs.getString(2), date(rs.getDate(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), null)).list();
    }

    /** How many events match the filter of {@link #events}. */
    long countEvents(String codePrefix, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from division_event e " + EVENTS_WHERE).param("from", from).param("to", to)
                .param("p", codePrefix).query(Long.class).single();
    }

    private List<Ref> refs(String sql, String code) {
        return jdbc.sql(sql).param("c", code).query((rs, i) -> new Ref(rs.getString(1), rs.getString(2), rs.getInt(3),
                rs.getString(4))).list();
    }

    private static LocalDate date(java.sql.Date d) { return d == null ? null : d.toLocalDate(); }
}
