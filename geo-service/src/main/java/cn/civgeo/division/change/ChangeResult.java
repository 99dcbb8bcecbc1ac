package cn.civgeo.division.change;

import java.time.LocalDate;
import java.util.List;

/** What an applied change did: the event and every unit it touched, with the role each played. */
@org.springframework.modulith.NamedInterface("change")
public record ChangeResult(long eventId, String kind, LocalDate effectiveDate, String approvalDocument,
                           List<Touched> units, List<String> notes) {
    /**
     * @param role created, abolished, renamed, survivor, absorbed, source, target, moved, reshaped, updated
     */
    public record Touched(String code, String name, String role, String status, int version) {}
}
