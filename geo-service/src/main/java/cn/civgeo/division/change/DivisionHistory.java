package cn.civgeo.division.change;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the history: versions of a unit, events, predecessor and successor chains. */
@Service
@Transactional(readOnly = true)
class DivisionHistory {
    private final DivisionHistoryRepository history;
    private final DivisionService divisions;

    DivisionHistory(DivisionHistoryRepository history, DivisionService divisions) {
        this.history = history;
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
        List<Version> versions = new java.util.ArrayList<>(history.closedVersions(code));
        versions.add(new Version(current.version(), current.validFrom(), current.validTo(), current.name(),
                current.shortName(), current.kind(), current.parentCode(), current.population(), current.areaKm2(),
                current.status(), null));
        List<Event> events = history.eventsOf(code);
        return new History(code, current, versions, events, history.predecessors(code), history.successors(code),
                divisions.successors(code).stream().map(d -> new Ref(d.code(), d.name(), d.level(), d.status())).toList());
    }

    public Optional<EventDetail> event(long id) {
        List<Unit> units = history.eventUnits(id);
        return history.event(id, units);
    }

    /** Events, newest effective date first, optionally touching units under a code prefix and within dates. */
    public Paging.Page<Event> events(String codePrefix, LocalDate from, LocalDate to, Paging paging) {
        if (codePrefix != null && !codePrefix.matches("\\d{1,12}")) throw ApiException.badField("code", "must be digits (a code or its prefix)");
        List<Event> items = history.events(codePrefix, from, to, paging);
        long total = history.countEvents(codePrefix, from, to);
        return paging.page(items, total);
    }
}
