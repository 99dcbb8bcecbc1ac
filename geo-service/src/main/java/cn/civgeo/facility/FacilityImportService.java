package cn.civgeo.facility;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.Paging;
import cn.civgeo.common.io.ImportReport;
import cn.civgeo.common.io.Tabular;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports facilities from CSV or .xlsx. Rows with lon/lat are placed there; rows with only an address are geocoded
 * with the project's geocoder: a location at or above the confidence threshold, and finer than a division's
 * representative point, is taken; anything else is held on a review list where a person picks the location.
 * Validation is all-or-nothing (mode=strict, the default): one invalid row and nothing is written.
 */
@Service
class FacilityImportService {
    static final String ENTITY = "facility_import_row";
    /** Geocoder levels that only stand for a division's representative point: never good enough for a facility. */
    static final Set<String> COARSE_LEVELS = Set.of("province", "prefecture", "city", "county", "district", "township", "village",
            "community");
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("kind", List.of("kind", "类型", "设施类型", "类别"));
        COLUMNS.put("name", List.of("name", "名称", "设施名称", "机构名称"));
        COLUMNS.put("address", List.of("address", "地址", "详细地址"));
        COLUMNS.put("lon", List.of("lon", "lng", "longitude", "经度", "x"));
        COLUMNS.put("lat", List.of("lat", "latitude", "纬度", "y"));
        COLUMNS.put("crs", List.of("crs", "坐标系"));
        COLUMNS.put("operatorKind", List.of("operatorkind", "operator_kind", "运营方式", "性质", "举办性质"));
        COLUMNS.put("operatorName", List.of("operatorname", "operator_name", "运营主体", "运营机构"));
        COLUMNS.put("beds", List.of("beds", "床位数", "床位"));
        COLUMNS.put("nursingBeds", List.of("nursingbeds", "nursing_beds", "护理型床位数", "护理型床位"));
        COLUMNS.put("floorAreaM2", List.of("flooraream2", "floor_area_m2", "建筑面积", "建筑面积(m²)", "建筑面积（平方米）"));
        COLUMNS.put("landAreaM2", List.of("landaream2", "land_area_m2", "占地面积", "占地面积(m²)", "占地面积（平方米）"));
        COLUMNS.put("capacity", List.of("capacity", "容量", "墓穴数", "格位数"));
        COLUMNS.put("status", List.of("status", "状态"));
        COLUMNS.put("openedOn", List.of("openedon", "opened_on", "开业日期", "启用日期"));
        COLUMNS.put("closedOn", List.of("closedon", "closed_on", "关闭日期"));
        COLUMNS.put("divisionCode", List.of("divisioncode", "division_code", "区划代码"));
        COLUMNS.put("subtype", List.of("subtype", "子类", "机构类型"));
        COLUMNS.put("functions", List.of("functions", "功能", "服务功能"));
        COLUMNS.put("medicalCare", List.of("medicalcare", "medical_care", "医养结合"));
        COLUMNS.put("cremators", List.of("cremators", "火化炉", "火化炉数"));
        COLUMNS.put("ecoCremators", List.of("ecocremators", "eco_cremators", "环保型火化炉", "环保火化炉数"));
        COLUMNS.put("publicSectionAreaM2", List.of("publicsectionaream2", "public_section_area_m2", "公益性墓区面积"));
        COLUMNS.put("grade", List.of("grade", "等级", "登记机关等级"));
    }

    private final FacilityService facilities;
    private final FacilityImportRepository repo;
    private final Optional<FacilityGeocoder> geocoder;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final double minConfidence;

    FacilityImportService(FacilityService facilities, FacilityImportRepository repo, Optional<FacilityGeocoder> geocoder,
                          AuditService audit, TransactionTemplate tx, JsonMapper json,
                          @Value("${civgeo.facility.import-min-confidence:0.8}") double minConfidence) {
        this.facilities = facilities;
        this.repo = repo;
        this.geocoder = geocoder;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
        this.minConfidence = minConfidence;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "FacilityImportResult")
    public record Result(Long importId, int total, int imported, int held, int rejected, ImportReport report,
                         List<FacilityImportRow> review) {}

    private record Planned(int row, FacilityInput input, String source, Double confidence, String address,
                           FacilityGeocoder.Located guess, String reason) {}

    public Result importFile(InputStream in, String filename, String modeParam) {
        ImportReport.Mode mode = ImportReport.Mode.parse(modeParam);
        Tabular table = Tabular.read(in, filename);
        Map<String, String> cols = columns(table.headers());
        if (!cols.containsKey("name") || !cols.containsKey("kind")) {
            throw ApiException.badField("file", "needs columns kind (类型) and name (名称); found " + table.headers());
        }
        if (!cols.containsKey("address") && !(cols.containsKey("lon") && cols.containsKey("lat"))) {
            throw ApiException.badField("file", "needs an address (地址) column or lon/lat (经度/纬度) columns");
        }
        ImportReport.Builder report = ImportReport.builder(mode);
        List<Planned> plans = plan(table, cols, report);
        ImportReport preliminary = report.build(false);
        preliminary.throwIfRejected();
        return tx.execute(s -> store(mode, preliminary, plans, filename, table));
    }

    /** Every row checked and located (or rejected into the report), in file order. */
    private List<Planned> plan(Tabular table, Map<String, String> cols, ImportReport.Builder report) {
        List<Planned> plans = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Tabular.DataRow r : table.rows()) {
            List<FieldProblem> problems = new ArrayList<>();
            FacilityInput input = input(r, cols, problems);
            if (!problems.isEmpty()) {
                report.reject(r.rowNumber(), problems);
                continue;
            }
            FacilityService.ValidatedFacility v;
            try {
                v = facilities.check(input, false);
            } catch (ApiException e) {
                report.reject(r.rowNumber(), e.errors());
                continue;
            }
            if (!seen.add(v.kind().code() + "|" + v.name())) {
                report.reject(r.rowNumber(), "name", "appears twice in the file for the same kind");
                continue;
            }
            if (v.lon() != null) {
                plans.add(new Planned(r.rowNumber(), input, "manual", null, v.address(), null, null));
                continue;
            }
            if (v.address() == null) {
                report.reject(r.rowNumber(), "address", "an address or lon/lat is required");
                continue;
            }
            plans.add(geocoded(r, input, v));
        }
        return plans;
    }

    /** A row located by its address, or held for review with the reason when the geocoder is not sure enough. */
    private Planned geocoded(Tabular.DataRow r, FacilityInput input, FacilityService.ValidatedFacility v) {
        Optional<FacilityGeocoder.Located> hit = geocoder.flatMap(g -> g.locate(v.address()));
        if (hit.isPresent() && hit.get().confidence() >= minConfidence && !COARSE_LEVELS.contains(hit.get().level())) {
            FacilityGeocoder.Located h = hit.get();
            return new Planned(r.rowNumber(), input.withLocation(h.lon(), h.lat(), null), "geocoded", h.confidence(), v.address(), h, null);
        }
        String reason = geocoder.isEmpty() ? "no geocoder available"
                : hit.isEmpty() ? "address not found"
                : hit.get().confidence() < minConfidence
                    ? String.format(Locale.ROOT, "confidence %.2f below %.2f", hit.get().confidence(), minConfidence)
                    : "located only to the " + hit.get().level() + " (" + hit.get().matched() + ")";
        return new Planned(r.rowNumber(), input, null, null, v.address(), hit.orElse(null), reason);
    }

    /** In the import's transaction: creates the located facilities and holds the others for review. */
    private Result store(ImportReport.Mode mode, ImportReport preliminary, List<Planned> plans, String filename, Tabular table) {
        ImportReport.Builder outcome = ImportReport.builder(mode);
        for (var row : preliminary.rows()) if ("rejected".equals(row.status())) outcome.reject(row.row(), row.errors());
        List<Long> created = new ArrayList<>();
        List<Planned> held = new ArrayList<>();
        for (Planned p : plans) {
            if (p.reason() != null) {
                held.add(p);
                continue;
            }
            try {
                Facility f = facilities.create(p.input(), p.source(), p.confidence());
                created.add(f.id());
                outcome.accept(p.row(), f.id(), p.confidence() == null ? Map.of("location", p.source())
                        : Map.of("location", p.source(), "confidence", p.confidence()));
            } catch (ApiException e) {
                if (mode == ImportReport.Mode.STRICT) {
                    outcome.reject(p.row(), e.errors().isEmpty() ? List.of(new FieldProblem("name", e.getMessage())) : e.errors());
                    outcome.build(false).throwIfRejected();
                }
                outcome.reject(p.row(), e.errors().isEmpty() ? List.of(new FieldProblem("name", e.getMessage())) : e.errors());
            }
        }
        Long importId = null;
        List<FacilityImportRow> review = new ArrayList<>();
        if (!held.isEmpty()) {
            importId = repo.insertImport(filename, cn.civgeo.audit.AuditService.currentActor(), table.size(), created.size(), held.size());
            for (Planned p : held) {
                long id = repo.insertHeld(importId, p.row(), json.writeValueAsString(p.input()), p.address(),
                        p.guess() == null ? null : p.guess().lon(), p.guess() == null ? null : p.guess().lat(),
                        p.guess() == null ? null : p.guess().confidence(), p.reason());
                FacilityImportRow row = repo.row(id).orElseThrow();
                audit.created(ENTITY, id, row);
                review.add(row);
                outcome.accept(p.row(), null, Map.of("location", "held for review", "reviewRowId", id, "reason", p.reason()));
            }
        }
        ImportReport rep = outcome.build(true);
        return new Result(importId, table.size(), created.size(), held.size(), rep.rejected(), rep, review);
    }

    public Paging.Page<FacilityImportRow> review(Long importId, String status, Paging paging) {
        String s = status == null ? "pending" : status;
        if (!Set.of("pending", "resolved", "discarded", "all").contains(s)) {
            throw ApiException.badField("status", "must be pending, resolved, discarded or all");
        }
        String filter = s.equals("all") ? null : s;
        return paging.page(repo.rows(importId, filter, paging.limit(), paging.offset()), repo.countRows(importId, filter));
    }

    /** A person picked the location of a held row: the facility is created there (location source "picked"). */
    public Facility resolve(long rowId, Integer version, Double lon, Double lat, String crs) {
        if (version == null) throw ApiException.badField("version", "is required: send the version you read");
        if (lon == null || lat == null) throw ApiException.badField("lon", "lon and lat of the picked location are required");
        return tx.execute(s -> {
            FacilityImportRow before = repo.row(rowId).orElseThrow(() -> ApiException.notFound("Import row", rowId));
            if (!before.status().equals("pending")) throw ApiException.conflict("Import row " + rowId + " is already " + before.status());
            FacilityInput input = json.readValue(before.facility(), FacilityInput.class).withLocation(lon, lat, crs);
            Facility f = facilities.create(input, "picked", null);
            if (!repo.resolve(rowId, version, "resolved", f.id(), cn.civgeo.audit.AuditService.currentActor())) {
                throw ApiException.staleVersion("Import row", rowId, version);
            }
            audit.updated(ENTITY, rowId, before, repo.row(rowId).orElseThrow());
            return f;
        });
    }

    public FacilityImportRow discard(long rowId, Integer version) {
        if (version == null) throw ApiException.badField("version", "is required: send the version you read");
        return tx.execute(s -> {
            FacilityImportRow before = repo.row(rowId).orElseThrow(() -> ApiException.notFound("Import row", rowId));
            if (!before.status().equals("pending")) throw ApiException.conflict("Import row " + rowId + " is already " + before.status());
            if (!repo.resolve(rowId, version, "discarded", null, cn.civgeo.audit.AuditService.currentActor())) {
                throw ApiException.staleVersion("Import row", rowId, version);
            }
            FacilityImportRow after = repo.row(rowId).orElseThrow();
            audit.updated(ENTITY, rowId, before, after);
            return after;
        });
    }

    private static Map<String, String> columns(List<String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : headers) {
            String key = h.strip().toLowerCase(Locale.ROOT);
            for (var e : COLUMNS.entrySet()) if (e.getValue().contains(key) && !out.containsKey(e.getKey())) out.put(e.getKey(), h);
        }
        return out;
    }

    private static FacilityInput input(Tabular.DataRow r, Map<String, String> cols, List<FieldProblem> problems) {
        String kind = get(r, cols, "kind");
        return new FacilityInput(kind, get(r, cols, "name"), get(r, cols, "address"), get(r, cols, "divisionCode"),
                dbl(r, cols, "lon", problems), dbl(r, cols, "lat", problems), get(r, cols, "crs"),
                operator(get(r, cols, "operatorKind")), get(r, cols, "operatorName"), integer(r, cols, "beds", problems),
                integer(r, cols, "nursingBeds", problems), dbl(r, cols, "floorAreaM2", problems), dbl(r, cols, "landAreaM2", problems),
                integer(r, cols, "capacity", problems), status(get(r, cols, "status")), date(r, cols, "openedOn", problems),
                date(r, cols, "closedOn", problems), null, attributes(r, cols, problems));
    }

    private static FacilityAttributes attributes(Tabular.DataRow r, Map<String, String> cols, List<FieldProblem> problems) {
        String fn = get(r, cols, "functions");
        List<String> functions = fn == null ? null : java.util.Arrays.stream(fn.split("[,，、;；/ ]+")).filter(s -> !s.isBlank()).toList();
        String mc = get(r, cols, "medicalCare");
        Boolean medical = mc == null ? null : switch (mc.strip().toLowerCase(Locale.ROOT)) {
            case "是", "y", "yes", "true", "1" -> true;
            case "否", "n", "no", "false", "0" -> false;
            default -> {
                problems.add(new FieldProblem("medicalCare", "'" + mc + "' is not 是/否 (row " + r.rowNumber() + ")", r.rowNumber()));
                yield null;
            }
        };
        FacilityAttributes a = new FacilityAttributes(get(r, cols, "subtype"), functions, medical, integer(r, cols, "cremators", problems),
                integer(r, cols, "ecoCremators", problems), dbl(r, cols, "publicSectionAreaM2", problems), get(r, cols, "grade"));
        return a.isEmpty() ? null : a;
    }

    static String operator(String v) {
        if (v == null) return null;
        return switch (v.strip()) {
            case "公办", "公立", "政府办" -> "public";
            case "民办", "私营", "社会办" -> "private";
            case "公建民营", "公办民营" -> "public_private";
            default -> v.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        };
    }

    static String status(String v) {
        if (v == null) return null;
        return switch (v.strip()) {
            case "运营", "运营中", "在营", "正常" -> "operating";
            case "规划", "计划", "拟建" -> "planned";
            case "在建", "建设中" -> "under_construction";
            case "停业", "暂停", "暂停运营" -> "suspended";
            case "关闭", "已关闭", "撤销", "停办" -> "closed";
            default -> v.strip().toLowerCase(Locale.ROOT);
        };
    }

    private static String get(Tabular.DataRow r, Map<String, String> cols, String key) {
        String h = cols.get(key);
        return h == null ? null : r.get(h);
    }

    private static Double dbl(Tabular.DataRow r, Map<String, String> cols, String key, List<FieldProblem> problems) {
        String v = get(r, cols, key);
        if (v == null) return null;
        try {
            return Double.parseDouble(v.replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(key, "'" + v + "' is not a number (row " + r.rowNumber() + ")"));
            return null;
        }
    }

    private static Integer integer(Tabular.DataRow r, Map<String, String> cols, String key, List<FieldProblem> problems) {
        Double d = dbl(r, cols, key, problems);
        if (d == null) return null;
        if (d != Math.rint(d)) {
            problems.add(new FieldProblem(key, "must be a whole number (row " + r.rowNumber() + ")"));
            return null;
        }
        return d.intValue();
    }

    private static LocalDate date(Tabular.DataRow r, Map<String, String> cols, String key, List<FieldProblem> problems) {
        String v = get(r, cols, key);
        if (v == null) return null;
        try {
            return LocalDate.parse(v.strip().replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(key, "'" + v + "' is not a date yyyy-mm-dd (row " + r.rowNumber() + ")"));
            return null;
        }
    }
}
