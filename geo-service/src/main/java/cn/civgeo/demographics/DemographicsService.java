package cn.civgeo.demographics;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.io.ImportReport;
import cn.civgeo.common.io.Tabular;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demographics per division and year: as-of reads, single-row writes (version-checked, audited, history kept) and
 * table imports. An import is all-or-nothing unless mode=partial; each bad row is named. After the rows are
 * checked, every parent division whose children are in the table (or already stored for that year) is compared
 * with the sum of its children: a difference is a <em>finding</em> in the answer, never silently accepted and never a
 * rejection (bureaus' tables often disagree by a few persons; the planner decides).
 */
@Service
public class DemographicsService {
    static final String ENTITY = "demographics";
    private static final List<String> SUMMED = List.of("population", "households", "age60");

    private final DemographicsRepository repo;
    private final DivisionService divisions;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    DemographicsService(DemographicsRepository repo, DivisionService divisions, AuditService audit, TransactionTemplate tx,
                        JsonMapper json, ApplicationEventPublisher events) {
        this.repo = repo;
        this.divisions = divisions;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
        this.events = events;
    }

    /** Announced after a demographics write commits (indicator caches, if any, listen). */
    public record DemographicsChangedEvent(List<String> divisionCodes) {}

    /** The division's figures as of year (the latest year ≤ year). */
    public Optional<DemographicsRow> asOf(String code, int year) { return repo.asOf(code, year); }

    public List<DemographicsRow> asOf(List<String> codes, int year) { return repo.asOf(codes, year); }

    public List<DemographicsRow> years(String code) { return repo.years(code); }

    public List<DemographicsRepository.Replaced> history(String code) { return repo.history(code); }

    /** One row written by hand: version 0 (or absent) creates, the version read replaces (409 when stale). */
    public DemographicsRow put(String code, int year, DemographicsRow in, Integer version) {
        Tabular table = Tabular.readCsv(csvOf(code, year, in));
        Map<String, String> cols = DemographicsImport.columns(table.headers());
        DemographicsImport.Parsed p = DemographicsImport.parse(table.rows().get(0), cols, in.source());
        if (!p.problems().isEmpty()) {
            throw ApiException.invalid(p.problems().stream().map(e -> new FieldProblem(e.field(), e.message())).toList());
        }
        requireDivision(code);
        return tx.execute(s -> {
            Optional<DemographicsRow> before = repo.exact(code, year);
            if (before.isPresent() && version == null) throw ApiException.badField("version", "is required to replace an existing year");
            if (!repo.upsert(p.value(), version, AuditService.currentActor(), null)) {
                throw ApiException.staleVersion("Demographics of " + code + " in", year, version == null ? 0 : version);
            }
            DemographicsRow after = repo.exact(code, year).orElseThrow();
            if (before.isPresent()) audit.updated(ENTITY, code + "/" + year, before.get(), after);
            else audit.created(ENTITY, code + "/" + year, after);
            events.publishEvent(new DemographicsChangedEvent(List.of(code)));
            return after;
        });
    }

    /**
     * What {@link #carryToSuccessor} did for one successor unit: the row written (or null) and why not otherwise.
     */
    public record Carried(String divisionCode, int year, List<String> from, DemographicsRow written, String note) {}

    /**
     * Writes a successor unit's figures for {@code year} as the sum of its predecessors' (each as of that year: its latest
     * row of a year ≤ year) after a merge or a re-coding change (issue #19), in the caller's transaction, audited as a
     * created row. Counts are summed where every predecessor reports them (else null: not reported, never a partial sum);
     * urban/rural and 火化区 are kept when all agree. Nothing is written when the successor has a row of that year
     * already (a figure entered by hand or imported is never overwritten) or when some predecessor has no row at all.
     */
    public Carried carryToSuccessor(String successor, int year, List<String> predecessors, String source) {
        List<String> from = List.copyOf(new java.util.LinkedHashSet<>(predecessors));
        return tx.execute(s -> {
            if (repo.exact(successor, year).isPresent()) {
                return new Carried(successor, year, from, null, "kept: " + successor + " has figures for " + year + " already");
            }
            List<DemographicsRow> rows = repo.asOf(from, year);
            if (rows.isEmpty() || rows.size() < from.size()) {
                Set<String> have = new HashSet<>();
                rows.forEach(r -> have.add(r.divisionCode()));
                List<String> missing = from.stream().filter(c -> !have.contains(c)).toList();
                return new Carried(successor, year, from, null, "not written: no figures up to " + year + " for " + String.join(", ", missing));
            }
            DemographicsRow sum = new DemographicsRow(successor, year, sum(rows, DemographicsRow::population), sum(rows, DemographicsRow::households),
                    sum(rows, DemographicsRow::age60), sum(rows, DemographicsRow::age65), sum(rows, DemographicsRow::age80),
                    sum(rows, DemographicsRow::disabledElderly), sum(rows, DemographicsRow::semiDisabledElderly),
                    sum(rows, DemographicsRow::tekunElderly), same(rows, DemographicsRow::urbanRural), same(rows, DemographicsRow::cremationArea),
                    truncate(source), null, null, null);
            if (!repo.upsert(sum, 0, AuditService.currentActor(), null)) {
                throw ApiException.conflict("demographics of " + successor + " in " + year + " were written meanwhile");
            }
            DemographicsRow after = repo.exact(successor, year).orElseThrow();
            audit.created(ENTITY, successor + "/" + year, after);
            events.publishEvent(new DemographicsChangedEvent(List.of(successor)));
            return new Carried(successor, year, from, after, "sum of " + rows.size() + " predecessor row(s)");
        });
    }

    private static Integer sum(List<DemographicsRow> rows, java.util.function.Function<DemographicsRow, Integer> f) {
        long s = 0;
        for (DemographicsRow r : rows) {
            Integer v = f.apply(r);
            if (v == null) return null;
            s += v;
        }
        return s > Integer.MAX_VALUE ? null : (int) s;
    }

    private static <T> T same(List<DemographicsRow> rows, java.util.function.Function<DemographicsRow, T> f) {
        T first = f.apply(rows.get(0));
        for (DemographicsRow r : rows) if (!java.util.Objects.equals(first, f.apply(r))) return null;
        return first;
    }

    private static String truncate(String s) { return s == null || s.length() <= 200 ? s : s.substring(0, 200); }

    /** What an import did: the row report, the findings (children vs parent) and the import's id. */
    public record ImportResult(Long importId, ImportReport report, List<Finding> findings) {}

    /** A parent whose children's figures do not add up to its own (or whose children are incomplete). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DemographicsFinding")
    public record Finding(String divisionCode, String name, int year, String field, Long parentValue, long childrenSum,
                          int childrenReported, int childrenTotal, String message) {}

    public ImportResult importFile(InputStream in, String filename, String modeParam, String defaultSource) {
        ImportReport.Mode mode = ImportReport.Mode.parse(modeParam);
        Tabular table = Tabular.read(in, filename);
        Map<String, String> cols = DemographicsImport.columns(table.headers());
        if (table.size() == 0) throw ApiException.badField("file", "has a header but no data rows");
        if (table.size() > 100_000) throw ApiException.badField("file", "has more than 100000 rows; split it");
        ImportReport.Builder b = ImportReport.builder(mode);
        List<DemographicsRow> good = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Division> known = new HashMap<>();
        for (Tabular.DataRow r : table.rows()) {
            DemographicsImport.Parsed p = DemographicsImport.parse(r, cols, defaultSource == null ? filename : defaultSource);
            List<FieldProblem> problems = new ArrayList<>(p.problems());
            DemographicsRow v = p.value();
            if (v != null) {
                Optional<Division> d = Optional.ofNullable(known.get(v.divisionCode())).or(() -> divisions.find(v.divisionCode()));
                if (d.isEmpty() || !d.get().active()) {
                    problems.add(new FieldProblem("divisionCode", "no active division has code " + v.divisionCode() + " (row " + p.row() + ")", p.row()));
                } else {
                    known.put(v.divisionCode(), d.get());
                    if (!seen.add(v.divisionCode() + "/" + v.year())) {
                        problems.add(new FieldProblem("divisionCode", v.divisionCode() + " appears twice for " + v.year() + " (row " + p.row() + ")", p.row()));
                    }
                }
            }
            if (problems.isEmpty()) {
                good.add(v);
                b.accept(p.row(), v.divisionCode() + "/" + v.year(), Map.of("divisionCode", v.divisionCode(), "year", v.year()));
            } else {
                b.reject(p.row(), problems);
            }
        }
        b.build(false).throwIfRejected();
        String actor = AuditService.currentActor();
        return tx.execute(s -> {
            List<String[]> keys = new ArrayList<>();
            for (DemographicsRow r : good) {
                Optional<DemographicsRow> before = repo.exact(r.divisionCode(), r.year());
                repo.upsert(r, null, actor, null);
                keys.add(new String[] {r.divisionCode(), String.valueOf(r.year())});
                DemographicsRow after = repo.exact(r.divisionCode(), r.year()).orElseThrow();
                if (before.isPresent()) audit.updated(ENTITY, r.divisionCode() + "/" + r.year(), before.get(), after);
                else audit.created(ENTITY, r.divisionCode() + "/" + r.year(), after);
            }
            List<Finding> findings = findings(good, known);
            ImportReport report = b.build(true);
            long id = repo.insertImport(filename, mode.name().toLowerCase(), actor, report.accepted(), report.rejected(),
                    json.writeValueAsString(findings));
            repo.setImportId(id, keys);
            events.publishEvent(new DemographicsChangedEvent(good.stream().map(DemographicsRow::divisionCode).distinct().toList()));
            return new ImportResult(id, report, findings);
        });
    }

    /**
     * Children's sums against their parent, for every parent that the table touches (as a parent or through a
     * child) in each imported year, over the stored rows of exactly that year after the import.
     */
    private List<Finding> findings(List<DemographicsRow> rows, Map<String, Division> known) {
        Map<String, Set<Integer>> parents = new LinkedHashMap<>();
        for (DemographicsRow r : rows) {
            Division d = known.get(r.divisionCode());
            parents.computeIfAbsent(r.divisionCode(), k -> new HashSet<>()).add(r.year());
            if (d.parentCode() != null) parents.computeIfAbsent(d.parentCode(), k -> new HashSet<>()).add(r.year());
        }
        List<Finding> out = new ArrayList<>();
        for (var e : parents.entrySet()) {
            List<String> kids = divisions.children(e.getKey()).stream().filter(Division::active).map(Division::code).toList();
            if (kids.isEmpty()) continue;
            for (int year : e.getValue()) {
                Optional<DemographicsRow> parent = repo.exact(e.getKey(), year);
                List<DemographicsRow> children = repo.asOf(kids, year).stream().filter(c -> c.year() == year).toList();
                if (parent.isEmpty() || children.isEmpty()) continue;
                String name = divisions.find(e.getKey()).map(Division::name).orElse(e.getKey());
                if (children.size() < kids.size()) {
                    out.add(new Finding(e.getKey(), name, year, "children", null, children.size(), children.size(), kids.size(),
                            "only " + children.size() + " of " + kids.size() + " children have figures for " + year));
                    continue;
                }
                for (String field : SUMMED) {
                    Long pv = value(parent.get(), field);
                    if (pv == null) continue;
                    long sum = 0;
                    boolean complete = true;
                    for (DemographicsRow c : children) {
                        Long v = value(c, field);
                        if (v == null) complete = false;
                        else sum += v;
                    }
                    if (complete && sum != pv) {
                        out.add(new Finding(e.getKey(), name, year, field, pv, sum, children.size(), kids.size(),
                                "children's " + field + " add up to " + sum + ", the division reports " + pv
                                        + " (difference " + (pv - sum) + ")"));
                    }
                }
            }
        }
        return out;
    }

    private static Long value(DemographicsRow r, String field) {
        Integer v = switch (field) {
            case "population" -> r.population();
            case "households" -> r.households();
            default -> r.age60();
        };
        return v == null ? null : v.longValue();
    }

    private void requireDivision(String code) {
        if (divisions.find(code).filter(Division::active).isEmpty()) throw ApiException.badField("divisionCode", "no active division has code " + code);
    }

    private static String csvOf(String code, int year, DemographicsRow in) {
        List<Object> v = new ArrayList<>(List.of(code, year));
        v.add(in.population()); v.add(in.households()); v.add(in.age60()); v.add(in.age65()); v.add(in.age80());
        v.add(in.disabledElderly()); v.add(in.semiDisabledElderly()); v.add(in.tekunElderly()); v.add(in.urbanRural());
        v.add(in.cremationArea()); v.add(in.source());
        StringBuilder sb = new StringBuilder("divisionCode,year,population,households,age60,age65,age80,disabledElderly,"
                + "semiDisabledElderly,tekunElderly,urbanRural,cremationArea,source\n");
        for (int i = 0; i < v.size(); i++) {
            if (i > 0) sb.append(',');
            Object o = v.get(i);
            if (o != null) sb.append('"').append(o.toString().replace("\"", "\"\"")).append('"');
        }
        return sb.append('\n').toString();
    }
}
