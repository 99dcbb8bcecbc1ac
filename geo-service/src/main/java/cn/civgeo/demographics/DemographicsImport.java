package cn.civgeo.demographics;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.io.Tabular;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one demographics table (the bureau's own: English or Chinese headers) into rows and checks each row on its
 * own: known columns, whole non-negative numbers, a plausible year (1949 … this year), 60+ ≤ population,
 * 65+ ≤ 60+, 80+ ≤ 65+, disabled + semi-disabled ≤ 60+, 特困 elderly ≤ 60+. Unknown division codes are checked by
 * the service (it needs the registry).
 */
final class DemographicsImport {
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("divisionCode", List.of("divisioncode", "division_code", "code", "区划代码", "行政区划代码", "代码"));
        COLUMNS.put("year", List.of("year", "年份", "年度", "统计年度"));
        COLUMNS.put("population", List.of("population", "人口", "户籍人口", "常住人口", "总人口"));
        COLUMNS.put("households", List.of("households", "户数", "居民户数", "总户数"));
        COLUMNS.put("age60", List.of("age60", "60+", "60岁以上", "60周岁及以上", "60岁及以上老年人口", "60周岁以上老年人口", "老年人口"));
        COLUMNS.put("age65", List.of("age65", "65+", "65岁以上", "65周岁及以上", "65岁及以上老年人口"));
        COLUMNS.put("age80", List.of("age80", "80+", "80岁以上", "80周岁及以上", "80岁及以上老年人口"));
        COLUMNS.put("disabledElderly", List.of("disabledelderly", "disabled_elderly", "失能老年人", "失能老人"));
        COLUMNS.put("semiDisabledElderly", List.of("semidisabledelderly", "semi_disabled_elderly", "半失能老年人", "半失能老人"));
        COLUMNS.put("tekunElderly", List.of("tekunelderly", "tekun_elderly", "特困老年人", "特困老人", "特困供养老年人"));
        COLUMNS.put("urbanRural", List.of("urbanrural", "urban_rural", "城乡", "城乡属性", "城乡分类"));
        COLUMNS.put("cremationArea", List.of("cremationarea", "cremation_area", "火化区"));
        COLUMNS.put("source", List.of("source", "来源", "数据来源"));
    }

    /** A row as read, with its 1-based data row number, or the problems that reject it. */
    record Parsed(int row, DemographicsRow value, List<FieldProblem> problems) {}

    private DemographicsImport() {}

    /** Maps headers to fields; a sheet without a code and a year column is not a demographics table (400). */
    static Map<String, String> columns(List<String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : headers) {
            String key = h.strip().toLowerCase(Locale.ROOT).replace(" ", "");
            for (var e : COLUMNS.entrySet()) if (e.getValue().contains(key) && !out.containsKey(e.getKey())) out.put(e.getKey(), h);
        }
        List<FieldProblem> missing = new ArrayList<>();
        if (!out.containsKey("divisionCode")) missing.add(new FieldProblem("file", "has no division code column (divisionCode/区划代码); headers found: " + headers));
        if (!out.containsKey("year")) missing.add(new FieldProblem("file", "has no year column (year/年份)"));
        if (!missing.isEmpty()) {
            throw new ApiException(cn.civgeo.common.ProblemType.VALIDATION,
                    "the sheet is not a demographics table: " + missing.get(0).message(), missing);
        }
        if (out.size() < 3) throw ApiException.badField("file", "has no figure columns (population/人口, households/户数, age60/60岁以上 …)");
        return out;
    }

    static Parsed parse(Tabular.DataRow r, Map<String, String> cols, String defaultSource) {
        List<FieldProblem> p = new ArrayList<>();
        int n = r.rowNumber();
        String code = get(r, cols, "divisionCode");
        if (code == null) p.add(new FieldProblem("divisionCode", "is required (row " + n + ")", n));
        else if (!code.matches("[0-9]{6}([0-9]{3}){0,2}")) p.add(new FieldProblem("divisionCode", "'" + code + "' is not a division code of 6, 9 or 12 digits (row " + n + ")", n));
        Integer year = count(r, cols, "year", p);
        int thisYear = Year.now().getValue();
        if (year == null && get(r, cols, "year") == null) p.add(new FieldProblem("year", "is required (row " + n + ")", n));
        else if (year != null && (year < 1949 || year > thisYear)) {
            p.add(new FieldProblem("year", year + " is not a plausible statistics year (1949–" + thisYear + ") (row " + n + ")", n));
        }
        Integer pop = count(r, cols, "population", p), hh = count(r, cols, "households", p), a60 = count(r, cols, "age60", p);
        Integer a65 = count(r, cols, "age65", p), a80 = count(r, cols, "age80", p), dis = count(r, cols, "disabledElderly", p);
        Integer semi = count(r, cols, "semiDisabledElderly", p), tk = count(r, cols, "tekunElderly", p);
        if (a60 != null && pop != null && a60 > pop) p.add(new FieldProblem("age60", "60+ (" + a60 + ") exceeds the population (" + pop + ") (row " + n + ")", n));
        if (a65 != null && a60 != null && a65 > a60) p.add(new FieldProblem("age65", "65+ (" + a65 + ") exceeds 60+ (" + a60 + ") (row " + n + ")", n));
        if (a80 != null && a65 != null && a80 > a65) p.add(new FieldProblem("age80", "80+ (" + a80 + ") exceeds 65+ (" + a65 + ") (row " + n + ")", n));
        if (a60 != null && (dis != null || semi != null) && (dis == null ? 0 : dis) + (semi == null ? 0 : semi) > a60) {
            p.add(new FieldProblem("disabledElderly", "disabled + semi-disabled elderly exceed 60+ (" + a60 + ") (row " + n + ")", n));
        }
        if (a60 != null && tk != null && tk > a60) p.add(new FieldProblem("tekunElderly", "特困 elderly (" + tk + ") exceed 60+ (" + a60 + ") (row " + n + ")", n));
        if (hh != null && pop != null && hh > pop) p.add(new FieldProblem("households", "households (" + hh + ") exceed the population (" + pop + ") (row " + n + ")", n));
        String ur = urbanRural(get(r, cols, "urbanRural"));
        if ("?".equals(ur)) p.add(new FieldProblem("urbanRural", "must be urban/城市/城镇 or rural/农村/乡村 (row " + n + ")", n));
        Boolean cremation = yesNo(get(r, cols, "cremationArea"));
        if (get(r, cols, "cremationArea") != null && cremation == null) p.add(new FieldProblem("cremationArea", "must be 是/否 (yes/no) (row " + n + ")", n));
        String source = get(r, cols, "source") == null ? defaultSource : get(r, cols, "source");
        if (!p.isEmpty()) return new Parsed(n, null, p);
        return new Parsed(n, new DemographicsRow(code, year, pop, hh, a60, a65, a80, dis, semi, tk, ur, cremation, source, null, null, null), p);
    }

    static String urbanRural(String v) {
        if (v == null) return null;
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "urban", "城市", "城镇", "城", "社区" -> "urban";
            case "rural", "农村", "乡村", "乡", "村" -> "rural";
            default -> "?";
        };
    }

    static Boolean yesNo(String v) {
        if (v == null) return null;
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "是", "y", "yes", "true", "1" -> true;
            case "否", "n", "no", "false", "0" -> false;
            default -> null;
        };
    }

    private static String get(Tabular.DataRow r, Map<String, String> cols, String key) {
        String h = cols.get(key);
        return h == null ? null : r.get(h);
    }

    private static Integer count(Tabular.DataRow r, Map<String, String> cols, String key, List<FieldProblem> p) {
        String v = get(r, cols, key);
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v.replace(",", "").replace("，", ""));
            if (d != Math.rint(d)) {
                p.add(new FieldProblem(key, "'" + v + "' must be a whole number (row " + r.rowNumber() + ")", r.rowNumber()));
                return null;
            }
            if (d < 0) {
                p.add(new FieldProblem(key, "must not be negative: " + v + " (row " + r.rowNumber() + ")", r.rowNumber()));
                return null;
            }
            if (d > 200_000_000) {
                p.add(new FieldProblem(key, v + " is not a plausible count (row " + r.rowNumber() + ")", r.rowNumber()));
                return null;
            }
            return (int) d;
        } catch (NumberFormatException e) {
            p.add(new FieldProblem(key, "'" + v + "' is not a number (row " + r.rowNumber() + ")", r.rowNumber()));
            return null;
        }
    }
}
