package cn.civgeo.placename;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.placename.ExemptionRepository.Exemption;
import cn.civgeo.placename.rules.NameRule;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recording and removing naming-rule exemptions (the naming authority's), each audited. */
@Service
class ExemptionService {
    private final ExemptionRepository repo;
    private final AuditService audit;

    ExemptionService(ExemptionRepository repo, AuditService audit) {
        this.repo = repo;
        this.audit = audit;
    }

    List<Exemption> all() { return repo.all(); }

    /** Records an exemption: a name, a rule ({@link NameRule#parse}) and a reason of at least 4 characters; 409 when it exists. */
    @Transactional
    Exemption add(Exemption e) {
        if (e.name() == null || e.name().isBlank()) throw ApiException.badField("name", "must not be blank");
        if (e.reason() == null || e.reason().strip().length() < 4) throw ApiException.badField("reason", "give the reason (at least 4 characters)");
        NameRule rule;
        try {
            rule = NameRule.parse(e.rule());
        } catch (IllegalArgumentException x) {
            throw ApiException.badField("rule", x.getMessage());
        }
        String name = e.name().strip();
        if (repo.exists(name, rule.name())) throw ApiException.duplicate("an exemption of " + name + " from " + rule.name() + " exists");
        long id = repo.insert(name, rule.name(), e.reason().strip(), AuditService.currentActor());
        Exemption saved = new Exemption(id, name, rule.name(), e.reason().strip(), AuditService.currentActor());
        audit.created("place_name_exemption", id, saved);
        return saved;
    }

    /** Removes an exemption; 404 when there is none with the id. */
    @Transactional
    void delete(long id) {
        Exemption before = repo.find(id).orElseThrow(() -> ApiException.notFound("exemption", id));
        repo.delete(id);
        audit.deleted("place_name_exemption", id, before);
    }
}
