package cn.civgeo.boundary.management;

import cn.civgeo.common.code.DivisionCode;
import cn.civgeo.audit.AuditService;
import cn.civgeo.boundary.BoundaryLineService;
import cn.civgeo.boundary.management.ManagementModels.PeaceBorder;
import cn.civgeo.boundary.management.ManagementModels.PeaceBorderInput;
import cn.civgeo.boundary.management.ManagementModels.PeaceRates;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 平安边界: the creation agreement of a line (parties, dates, documents, status) and the creation rate indicator. */
@Service
class PeaceBorderService {
    private final ManagementRepository repo;
    private final BoundaryLineService lines;
    private final AuditService audit;

    PeaceBorderService(ManagementRepository repo, BoundaryLineService lines, AuditService audit) {
        this.repo = repo;
        this.lines = lines;
        this.audit = audit;
    }

    public Optional<PeaceBorder> of(long lineId) {
        lines.get(lineId);
        return repo.peace(lineId);
    }

    /** Creates the line's agreement or changes it (version-checked); signed needs signedOn and two parties. */
    @Transactional
    public PeaceBorder put(long lineId, PeaceBorderInput in) {
        lines.get(lineId);
        Optional<PeaceBorder> old = repo.peace(lineId);
        String status = in.status() == null ? "planned" : in.status();
        List<String> parties = in.parties() == null ? List.of() : in.parties().stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
        List<String> docs = in.documents() == null ? List.of() : in.documents().stream().filter(d -> d != null && !d.isBlank()).toList();
        Validation v = new Validation();
        v.require(ManagementModels.PEACE_STATUSES.contains(status), "status", "must be one of " + ManagementModels.PEACE_STATUSES);
        v.require(!"signed".equals(status) || in.signedOn() != null, "signedOn", "is required when the agreement is signed");
        v.require(!"signed".equals(status) || parties.size() >= 2, "parties", "a signed agreement names both sides (at least 2 parties)");
        v.require(in.validUntil() == null || in.signedOn() == null || !in.validUntil().isBefore(in.signedOn()), "validUntil",
                "must not be before signedOn");
        v.require(old.isEmpty() || in.version() != null, "version", "is required (the version you read)");
        v.throwIfInvalid();
        if (old.isEmpty()) {
            long id = repo.insertPeace(lineId, status, parties, in.signedOn(), in.validUntil(), docs, in.note());
            PeaceBorder p = repo.peace(lineId).orElseThrow();
            audit.created("peace_border", id, p);
            return p;
        }
        if (!repo.updatePeace(lineId, in.version(), status, parties, in.signedOn(), in.validUntil(), docs, in.note())) {
            throw ApiException.staleVersion("peace border agreement of line", lineId, in.version());
        }
        PeaceBorder p = repo.peace(lineId).orElseThrow();
        audit.updated("peace_border", p.id(), old.get(), p);
        return p;
    }

    /** The creation rate on {@code asOf} (default today) per level and per division within {@code within}. */
    public PeaceRates rates(String within, Integer level, LocalDate asOf) {
        Validation v = new Validation();
        v.require(within == null || within.matches("\\d{2,12}"), "within", "must be a division code of 2–12 digits");
        v.require(level == null || (level >= 1 && level <= 4), "level", "must be 1–4");
        v.throwIfInvalid();
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        String p = within == null ? null : prefix(within);
        return new PeaceRates(day, repo.peaceRates(p, level, day, false), repo.peaceRates(p, level, day, true));
    }

    static String prefix(String within) {
        return DivisionCode.significant(within);
    }
}
