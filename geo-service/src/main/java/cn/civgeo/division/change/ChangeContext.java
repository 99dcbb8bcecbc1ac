package cn.civgeo.division.change;

import cn.civgeo.common.ApiException;
import cn.civgeo.division.Division;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** State of one change being applied: the event, the date, what was touched, notes for the caller. */
final class ChangeContext {
    final long eventId;
    final String kind;
    final LocalDate date;
    final Map<String, Integer> expected;
    final List<ChangeResult.Touched> touched = new ArrayList<>();
    final Set<String> codes = new LinkedHashSet<>();
    final List<String> notes = new ArrayList<>();

    ChangeContext(long eventId, String kind, LocalDate date, Map<String, Integer> expected) {
        this.eventId = eventId;
        this.kind = kind;
        this.date = date;
        this.expected = expected == null ? Map.of() : expected;
    }

    /** The version the caller last read of a unit it names; checked against the locked row (409 if stale). */
    int expectedVersion(Division d) {
        Integer v = expected.get(d.code());
        if (v == null) {
            throw ApiException.badField("expectedVersions." + d.code(), "is required: the version of " + d.code()
                    + " you last read (currently " + d.version() + ")");
        }
        if (v != d.version()) throw ApiException.staleVersion("division", d.code(), v);
        return v;
    }

    /** Changes are applied in date order: a unit whose current version began after the date cannot change then. */
    void requireNotBefore(Division d) {
        if (d.validFrom() != null && date.isBefore(d.validFrom())) {
            throw ApiException.conflict("division " + d.code() + " has a version valid from " + d.validFrom()
                    + "; a change effective " + date + " would rewrite its history. Apply changes in date order.");
        }
    }

    void requireActive(Division d, String field) {
        if (!d.active()) {
            throw ApiException.badField(field, d.code() + " " + d.name() + " was abolished on " + d.validTo());
        }
    }
}
