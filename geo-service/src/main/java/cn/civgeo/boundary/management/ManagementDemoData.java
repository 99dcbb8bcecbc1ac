package cn.civgeo.boundary.management;

import cn.civgeo.boundary.inspection.CycleModels.AssignmentChange;
import cn.civgeo.boundary.inspection.CycleModels.AssignmentInput;
import cn.civgeo.boundary.inspection.CycleService;
import cn.civgeo.boundary.inspection.InspectionModels.NewRound;
import cn.civgeo.boundary.inspection.InspectionService;
import cn.civgeo.boundary.management.ManagementDemoRepository.DemoLine;
import cn.civgeo.boundary.management.ManagementModels.CustodianInput;
import cn.civgeo.boundary.management.ManagementModels.PatrolInput;
import cn.civgeo.boundary.management.ManagementModels.PeaceBorderInput;
import cn.civgeo.demo.DemoDataContributor;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everyday boundary management in the demo city (domain §8), so that a new user finds it filled in: 平安边界
 * agreements (every district line signed, as the seeds' plans report for their city-level lines; township lines
 * part signed, part negotiating or planned), 界线界桩管理责任制 custodians of the district lines and of the double
 * markers with patrol logs (two of them overdue), one open re-demarcation (勘界) task, and this year's survey tasks:
 * an open round of six township lines, three of them assigned to the demo surveyor ("surveyor", team 外业一组).
 * Runs after the demo boundaries (order 50); deterministic in the lines it picks, dates relative to today so that
 * "overdue" stays true. Skipped when the demo city has no lines or already has agreements.
 */
@Component
class ManagementDemoData implements DemoDataContributor {
    private static final Logger log = LoggerFactory.getLogger(ManagementDemoData.class);
    private static final String[] PERSONS = {"王建华", "李秀英", "张伟", "刘芳", "陈志强", "杨丽", "黄海", "周敏", "吴磊", "郑小燕"};

    private final ManagementDemoRepository repo;
    private final PeaceBorderService peace;
    private final CustodianService custodians;
    private final RedemarcationService redemarcation;
    private final InspectionService inspections;
    private final CycleService cycle;

    ManagementDemoData(ManagementDemoRepository repo, PeaceBorderService peace, CustodianService custodians, RedemarcationService redemarcation,
                       InspectionService inspections, CycleService cycle) {
        this.repo = repo;
        this.peace = peace;
        this.custodians = custodians;
        this.redemarcation = redemarcation;
        this.inspections = inspections;
        this.cycle = cycle;
    }

    @Override
    public int order() { return 52; }

    @Override
    public String name() { return "平安边界, custodians, patrols, a re-demarcation task and survey tasks of the demo city"; }

    /** Custodians created so far and how many of them are overdue with their patrol. */
    private record CustodianCount(int custodians, int overdue) {}

    @Override
    @Transactional
    public void load() {
        List<DemoLine> lines = repo.demoCityLines();
        if (lines.isEmpty()) {
            log.info("demo boundary management: the demo city has no boundary lines; skipped");
            return;
        }
        boolean has = repo.anyDemoCityAgreement();
        if (has) return;
        LocalDate today = LocalDate.now();
        List<DemoLine> county = lines.stream().filter(l -> l.level() == 3).toList();
        List<DemoLine> township = lines.stream().filter(l -> l.level() == 4).toList();
        peaceBorders(county, township, today);
        CustodianCount c = custodians(county, today);
        int opened = redemarcation(township);
        int assigned = surveyTasks(township, today);
        log.info("demo boundary management: {} agreements, {} custodians ({} overdue), {} re-demarcation task, {} lines assigned to surveyor",
                county.size() + township.size(), c.custodians(), c.overdue(), opened, assigned);
    }

    /** 平安边界: every district line signed (within the last two years, valid five years); township lines: 3 of 5 signed. */
    private void peaceBorders(List<DemoLine> county, List<DemoLine> township, LocalDate today) {
        int k = 0;
        for (DemoLine l : county) {
            k++;
            LocalDate signed = today.minusDays(120 + (k * 37L) % 600);
            peace.put(l.id(), new PeaceBorderInput("signed", List.of(l.leftName() + "人民政府", l.rightName() + "人民政府"), signed,
                    signed.plusYears(5), List.of("厦门市" + l.name() + "平安边界创建协议书（厦平边〔" + signed.getYear() + "〕" + k + "号）"),
                    "双方联合开展界线巡查与矛盾纠纷排查", null));
        }
        int t = 0;
        for (DemoLine l : township) {
            t++;
            String status = t % 5 == 0 ? "planned" : t % 5 == 3 ? "negotiating" : "signed";
            LocalDate signed = "signed".equals(status) ? today.minusDays(30 + (t * 53L) % 900) : null;
            peace.put(l.id(), new PeaceBorderInput(status, List.of(l.leftName(), l.rightName()), signed,
                    signed == null ? null : signed.plusYears(5),
                    signed == null ? List.of() : List.of(l.name() + "平安边界协议书"), "planned".equals(status) ? "列入下年度创建计划" : null, null));
        }
    }

    /** 界线界桩管理责任制: a custodian per district line, and per double marker (A/B); patrol logs, two overdue. */
    private CustodianCount custodians(List<DemoLine> county, LocalDate today) {
        int c = 0, overdue = 0;
        for (DemoLine l : county) {
            var cu = custodians.create(new CustodianInput(l.id(), null, l.leftName() + "民政局区划地名科", PERSONS[c % PERSONS.length],
                    String.format("0592-%07d", 5_100_000 + c * 1_317), 90, LocalDate.of(2023, 1, 1), null));
            boolean late = c % 2 == 1 && overdue < 2;
            if (late) overdue++;
            LocalDate last = today.minusDays(late ? 150 + c : 20 + (c * 13) % 60);
            custodians.patrol(cu.id(), new PatrolInput(last.minusDays(90), null, "界桩完好，界线清楚", false));
            custodians.patrol(cu.id(), new PatrolInput(last, null, c % 3 == 0 ? "界桩周边杂草清理，已描红" : "界线两侧无新增建设", false));
            c++;
        }
        for (long markerId : repo.demoCityDoubleMarkers()) {
            var cu = custodians.create(new CustodianInput(null, markerId, "界桩所在村（居）委会",
                    PERSONS[c % PERSONS.length], String.format("1390592%04d", 1000 + c * 37), 30, LocalDate.of(2024, 6, 1), null));
            custodians.patrol(cu.id(), new PatrolInput(today.minusDays(5 + c % 20), null, "界桩完好", false));
            c++;
        }
        return new CustodianCount(c, overdue);
    }

    /** Re-demarcation (勘界) after a division change: one township line, the new agreement already signed; tasks opened. */
    private int redemarcation(List<DemoLine> township) {
        int opened = 0;
        if (!township.isEmpty()) {
            DemoLine l = township.get(township.size() - 1);
            var task = redemarcation.open(List.of(l.id()), "行政区划调整（示例）：" + l.leftName() + "部分社区划归" + l.rightName() + "，界线需重新勘定");
            if (!task.isEmpty()) {
                opened = 1;
                var x = task.get(0);
                redemarcation.step(x.id(), new ManagementModels.RedemarcationStep(true, null, null, false, "新界线协议书已签订", x.version()));
            }
        }
        return opened;
    }

    /** Survey tasks: this year's round of township lines, the first three assigned to the demo surveyor; lines assigned. */
    private int surveyTasks(List<DemoLine> township, LocalDate today) {
        int assigned = 0;
        if (!township.isEmpty()) {
            // the last lines by code (翔安、同安 before 思明): the tests that plan rounds work on 思明's lines
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = township.size() - 2; i >= 0 && ids.size() < 6; i--) ids.add(township.get(i).id());
            var round = inspections.createRound(new NewRound(5, 4, "第5轮乡级界线联检（厦门市，" + today.getYear() + "）", today.getYear(),
                    today.getYear() + 1, "demo data: survey tasks of the demo surveyor", ids, null));
            List<AssignmentInput> a = ids.stream().limit(3).map(id -> new AssignmentInput(id, "外业一组", List.of("surveyor"))).toList();
            assigned = cycle.assign(round.id(), new AssignmentChange(round.version(), a)).size();
        }
        return assigned;
    }
}
