package cn.civgeo.adjustment;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.common.jobs.Job;
import cn.civgeo.common.jobs.JobService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proposals: drafted, revised (versioned, audited), evaluated by a dry run, approved by an ADMIN (today's change
 * events, all-or-nothing), withdrawn. Approval opens the follow-up tasks, starts the address recoding job and writes the
 * successors' demographics of merges and converts ({@link SuccessorDemographics}).
 */
@Service
class ProposalService {
    static final String ENTITY = "adjustment-proposal";

    private final ProposalRepository repo;
    private final ImpactCalculator impact;
    private final StandardChecks standards;
    private final AuditService audit;
    private final JobService jobs;
    private final JsonMapper json;
    private final TransactionTemplate dryRun;
    private final SuccessorDemographics successorDemographics;

    ProposalService(ProposalRepository repo, ImpactCalculator impact, StandardChecks standards, AuditService audit, JobService jobs,
                    JsonMapper json, PlatformTransactionManager tm, SuccessorDemographics successorDemographics) {
        this.repo = repo;
        this.successorDemographics = successorDemographics;
        this.impact = impact;
        this.standards = standards;
        this.audit = audit;
        this.jobs = jobs;
        this.json = json;
        this.dryRun = new TransactionTemplate(tm);
        // its own transaction, always rolled back: a dry run inside a write must not doom the write
        this.dryRun.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Proposal get(long id) { return repo.find(id).orElseThrow(() -> ApiException.notFound("proposal", id)); }

    public Paging.Page<Proposal> list(String status, Paging p) {
        if (status != null && !List.of("draft", "approved", "withdrawn").contains(status)) {
            throw ApiException.badField("status", "must be draft, approved or withdrawn");
        }
        return new Paging.Page<>(repo.list(status, p.limit(), p.offset()), repo.count(status), p.limit(), p.offset());
    }

    public List<Map<String, Object>> revisions(long id) {
        get(id);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : repo.revisions(id)) {
            Map<String, Object> m = new LinkedHashMap<>(r);
            m.put("body", json.readTree((String) r.get("body")));
            out.add(m);
        }
        return out;
    }

    /** Validates (static checks and a dry run, rolled back) and stores a new draft. */
    @Transactional
    public Proposal create(ProposalRequest r) {
        String title = validTitle(r);
        validate(0, 0, r);
        long id = repo.insert(title, r.note(), bodyJson(r), AuditService.currentActor());
        Proposal p = get(id);
        audit.created(ENTITY, id, p);
        return p;
    }

    @Transactional
    public Proposal update(long id, ProposalRequest r) {
        if (r.version() == null) throw ApiException.badField("version", "is required (the version you read)");
        Proposal before = repo.lock(id).orElseThrow(() -> ApiException.notFound("proposal", id));
        if (!before.status().equals("draft")) throw ApiException.conflict("proposal " + id + " is " + before.status() + "; only drafts change");
        if (before.version() != r.version()) throw ApiException.staleVersion("proposal", id, r.version());
        String title = validTitle(r);
        validate(id, r.version(), r);
        if (!repo.update(id, r.version(), title, r.note(), bodyJson(r), AuditService.currentActor())) {
            throw ApiException.staleVersion("proposal", id, r.version());
        }
        Proposal after = get(id);
        audit.updated(ENTITY, id, before, after);
        return after;
    }

    @Transactional
    public Proposal withdraw(long id, int version) {
        Proposal before = get(id);
        if (!before.status().equals("draft")) throw ApiException.conflict("proposal " + id + " is " + before.status());
        if (!repo.withdraw(id, version)) throw ApiException.staleVersion("proposal", id, version);
        Proposal after = get(id);
        audit.updated(ENTITY, id, before, after);
        return after;
    }

    /** The impact report of a draft (dry run against today's registry, rolled back) or, once approved, as it was then. */
    public ImpactReport impact(long id, boolean withIndicators) {
        Proposal p = get(id);
        if (!p.status().equals("draft")) {
            return repo.storedImpact(id).map(s -> json.readValue(s, ImpactReport.class))
                    .orElseThrow(() -> ApiException.conflict("proposal " + id + " is " + p.status() + " and has no stored impact report"));
        }
        ProposalRequest body = body(p);
        return dryRun.execute(status -> {
            status.setRollbackOnly();
            return impact.run(p.id(), p.version(), body, LocalDate.now(), "draft proposal " + id, withIndicators).report();
        });
    }

    /** Applies the proposal as today's change events, stores its impact report and opens the follow-up tasks. */
    @Transactional
    public Map<String, Object> approve(long id, int version, String document) {
        if (document == null || document.isBlank() || document.length() > 200) {
            throw ApiException.badField("approvalDocument", "is required (批复文号, at most 200 characters)");
        }
        Proposal before = repo.lock(id).orElseThrow(() -> ApiException.notFound("proposal", id));
        if (!before.status().equals("draft")) throw ApiException.conflict("proposal " + id + " is " + before.status());
        if (before.version() != version) throw ApiException.staleVersion("proposal", id, version);
        LocalDate today = LocalDate.now();
        ImpactCalculator.Outcome o = impact.run(id, version, body(before), today, document.strip(), true);
        List<Long> events = new ArrayList<>();
        o.applied().forEach(a -> a.results().forEach(r -> events.add(r.eventId())));
        if (!repo.approve(id, version, AuditService.currentActor(), document.strip(), events, json.writeValueAsString(o.report()))) {
            throw ApiException.staleVersion("proposal", id, version);
        }
        Proposal after = get(id);
        audit.updated(ENTITY, id, before, after);
        // successors of merges and converts get their predecessors' figures for this year (through the demographics service)
        var carried = successorDemographics.carry(id, o.applied(), today, document.strip());
        List<Long> tasks = new ArrayList<>();
        ImpactReport rep = o.report();
        for (ImpactReport.Line l : rep.boundaryLines()) {
            tasks.add(repo.insertTask(id, "redemarcation", "line " + l.code() + " " + l.name(), json.writeValueAsString(l)));
        }
        for (ImpactReport.Duplicate d : rep.duplicateNames()) {
            tasks.add(repo.insertTask(id, "rename_duplicate", d.name() + " (" + d.toDivision() + ") clashes with " + d.clashesWith(),
                    json.writeValueAsString(d)));
        }
        String jobId = null;
        if (!rep.addresses().isEmpty()) {
            long t = repo.insertTask(id, "address_recoding", rep.addresses().size() + " standard addresses to recode",
                    json.writeValueAsString(Map.of("addresses", rep.addresses())));
            tasks.add(t);
            Job j = jobs.submit(AddressRecoding.KIND, new AddressRecoding.Input(t));
            jobId = j.getId();
            repo.taskJob(t, jobId);
        }
        for (Long t : tasks) audit.created("adjustment-task", t, repo.task(t).orElseThrow());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("proposal", after);
        out.put("eventIds", events);
        out.put("tasks", repo.tasks(id));
        out.put("recodingJob", jobId);
        out.put("demographics", carried);
        return out;
    }

    public List<ProposalRepository.Task> tasks(long id) {
        get(id);
        return repo.tasks(id);
    }

    /** Marks a re-demarcation or renaming task done (or reopens it). */
    @Transactional
    public ProposalRepository.Task setTaskStatus(long taskId, int version, String status) {
        if (!List.of("open", "done").contains(String.valueOf(status))) throw ApiException.badField("status", "must be open or done");
        ProposalRepository.Task before = repo.task(taskId).orElseThrow(() -> ApiException.notFound("adjustment task", taskId));
        if (before.kind().equals("address_recoding")) throw ApiException.conflict("the address recoding task is closed by its job");
        if (!repo.taskStatus(taskId, version, status)) throw ApiException.staleVersion("adjustment task", taskId, version);
        ProposalRepository.Task after = repo.task(taskId).orElseThrow();
        audit.updated("adjustment-task", taskId, before, after);
        return after;
    }

    private void validate(long id, int version, ProposalRequest r) {
        standards.requireKnown(r.standard(), "standard");
        dryRun.execute(status -> {
            status.setRollbackOnly();
            return impact.run(id, version, r, LocalDate.now(), "draft proposal validation", false);
        });
    }

    private static String validTitle(ProposalRequest r) {
        if (r.title() == null || r.title().isBlank()) throw ApiException.badField("title", "is required");
        if (r.title().strip().length() > 200) throw ApiException.badField("title", "must be at most 200 characters");
        return r.title().strip();
    }

    private String bodyJson(ProposalRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", r.steps());
        if (r.seats() != null) m.put("seats", r.seats());
        if (r.entered() != null) m.put("entered", r.entered());
        if (r.standard() != null) m.put("standard", r.standard());
        return json.writeValueAsString(m);
    }

    ProposalRequest body(Proposal p) {
        JsonNode b = p.body();
        ProposalRequest parsed = json.treeToValue(b, ProposalRequest.class);
        return new ProposalRequest(p.title(), p.note(), parsed.steps(), parsed.seats(), parsed.entered(), parsed.standard(), p.version());
    }
}
