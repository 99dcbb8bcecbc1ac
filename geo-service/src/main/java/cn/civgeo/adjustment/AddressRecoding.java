package cn.civgeo.adjustment;

import cn.civgeo.address.Address;
import cn.civgeo.address.AddressRequest;
import cn.civgeo.address.AddressService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.jobs.JobService;
import cn.civgeo.common.jobs.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The address recoding job an approval starts: each listed doorplate moves to the community that now contains it
 * (its code follows, built by the address feature), through {@link AddressService} (an approved doorplate is
 * reopened, changed and approved again, each step audited), one transaction per doorplate; the report lists what was
 * recoded and what failed with the reason.
 */
@Component
class AddressRecoding {
    static final String KIND = "address-recoding";

    record Input(long taskId) {}

    private final ProposalRepository repo;
    private final AddressService addresses;
    private final JsonMapper json;
    private final TransactionTemplate each;

    AddressRecoding(ProposalRepository repo, AddressService addresses, JsonMapper json, JobService jobs, PlatformTransactionManager tm) {
        this.repo = repo;
        this.addresses = addresses;
        this.json = json;
        this.each = new TransactionTemplate(tm);
        this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        jobs.register(KIND, Input.class, true, (in, file, p) -> run(in.taskId(), p));
    }

    Map<String, Object> run(long taskId, Progress progress) {
        ProposalRepository.Task task = repo.task(taskId).orElseThrow(() -> ApiException.notFound("adjustment task", taskId));
        JsonNode list = json.readTree(task.detail()).get("addresses");
        progress.total(list.size());
        List<Map<String, Object>> done = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        for (JsonNode a : list) {
            long id = a.get("id").asLong();
            String to = a.get("toCommunity").isNull() ? null : a.get("toCommunity").asString();
            try {
                Address after = each.execute(s -> recode(id, to));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("oldCode", a.get("code").asString());
                m.put("newCode", after.code());
                m.put("communityCode", after.communityCode());
                done.add(m);
            } catch (RuntimeException e) {
                failed.add(Map.of("id", id, "reason", String.valueOf(e.getMessage())));
            }
            progress.advance(1);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("taskId", taskId);
        report.put("recoded", done.size());
        report.put("failed", failed.size());
        report.put("items", done);
        report.put("failures", failed);
        repo.taskDone(taskId, failed.isEmpty() ? "done" : "failed", json.writeValueAsString(report));
        return report;
    }

    private Address recode(long id, String community) {
        if (community == null) throw ApiException.conflict("no community contains the doorplate any more");
        Address a = addresses.get(id);
        boolean approved = Address.APPROVED.equals(a.approval());
        if (approved) a = addresses.reopen(id, a.version());
        Address u = addresses.update(id, new AddressRequest(a.roadId(), null, a.number(), a.numberSuffix(), a.building(), a.unit(),
                a.room(), community, a.lon(), a.lat(), a.status(), a.version()));
        if (approved) u = addresses.approve(id, u.version());
        return u;
    }
}
