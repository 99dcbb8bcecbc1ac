package cn.civgeo.adjustment;

import cn.civgeo.common.io.SafeCells;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.web.util.HtmlUtils;

/** The impact report as an xlsx workbook (one sheet per section) and as a printable HTML page (Chinese headings). */
final class ImpactExport {
    private ImpactExport() {}

    static final List<String> UNIT_HEADERS = List.of("代码", "名称", "类型", "角色", "面积(km²)", "人口", "户数", "老年人口", "社区/村数",
            "最远社区", "最远社区到驻地(m)");

    private static List<List<Object>> units(List<ImpactReport.Unit> us, boolean result) {
        List<List<Object>> rows = new ArrayList<>();
        for (ImpactReport.Unit u : us) {
            rows.add(java.util.Arrays.asList(u.code(), u.name(), u.kind(), result ? role(u.role()) : "调整前", u.areaKm2(), u.population(),
                    u.households(), u.elderly(), u.communities(), u.farthestCommunity(), u.farthestCommunityM()));
        }
        return rows;
    }

    private static List<Object> coverageRow(String side, String code, String name, ImpactReport.UnitCoverage c) {
        return java.util.Arrays.asList(side, code, name, c.households(), c.coveredHouseholds(), c.householdShare(), c.elderly(),
                c.coveredElderly(), c.elderlyShare());
    }

    static String role(String r) {
        if (r == null) return "";
        return switch (r) {
            case "survivor" -> "合并后保留"; case "target" -> "拆分新设"; case "created" -> "新设"; case "source" -> "拆分保留";
            case "reshaped" -> "界线调整"; case "renamed" -> "更名"; case "moved" -> "隶属变更"; default -> r;
        };
    }

    private record Section(String title, List<String> headers, List<List<Object>> rows) {}

    private static List<Section> sections(ImpactReport r) {
        List<Section> out = new ArrayList<>();
        List<List<Object>> u = new ArrayList<>(units(r.predecessors(), false));
        u.addAll(units(r.results(), true));
        out.add(new Section("调整前后单位", UNIT_HEADERS, u));
        List<List<Object>> ind = new ArrayList<>();
        for (ImpactReport.Unit x : r.results()) for (ImpactReport.IndicatorChange i : x.indicators())
            ind.add(java.util.Arrays.asList(x.code(), i.label(), i.before(), i.after(), i.target(),
                    i.changed() == null ? "未知" : i.changed() ? "变化" : "不变", i.note()));
        out.add(new Section("规划指标(调整前/后)", List.of("单位", "指标", "调整前", "调整后", "目标", "是否变化", "说明"), ind));
        List<List<Object>> cov = new ArrayList<>();
        ImpactReport.ServiceCoverage sc = r.coverage();
        if (sc != null && sc.computed()) {
            for (ImpactReport.UnitCoverage c : sc.before()) cov.add(coverageRow("调整前", c.code(), c.name(), c));
            if (sc.beforeTotal() != null) cov.add(coverageRow("调整前", "合计", "", sc.beforeTotal()));
            for (ImpactReport.UnitCoverage c : sc.after()) cov.add(coverageRow("调整后", c.code(), c.name(), c));
            if (sc.afterTotal() != null) cov.add(coverageRow("调整后", "合计", "", sc.afterTotal()));
        }
        out.add(new Section("养老服务圈覆盖(调整前/后)", List.of("时点", "单位", "名称", "户数", "覆盖户数", "户覆盖率", "老年人口",
                "覆盖老年人口", "老年人覆盖率"), cov));
        List<List<Object>> chk = new ArrayList<>();
        for (ImpactReport.Unit x : r.results()) for (ImpactReport.Check c : x.checks())
            chk.add(java.util.Arrays.asList(x.code(), c.rule(), c.required(), c.actual(), c.pass() == null ? "未知" : c.pass() ? "符合" : "不符合", c.reason()));
        out.add(new Section("设立标准核查", List.of("单位", "条件", "要求", "实际", "结论", "理由"), chk));
        out.add(new Section("变更所属区划的设施", List.of("设施ID", "名称", "类型", "原区划", "新区划"),
                r.facilities().stream().map(f -> java.util.Arrays.<Object>asList(f.id(), f.name(), f.kind(), f.fromCode(), f.toCode())).toList()));
        out.add(new Section("需重新勘定的界线", List.of("界线ID", "界线编号", "名称", "左侧", "右侧", "状态"),
                r.boundaryLines().stream().map(l -> java.util.Arrays.<Object>asList(l.id(), l.code(), l.name(), l.leftCode(), l.rightCode(), l.status())).toList()));
        out.add(new Section("界桩", List.of("界桩ID", "编号", "界线", "状态"),
                r.markers().stream().map(m -> java.util.Arrays.<Object>asList(m.id(), m.number(), m.lineCode(), m.status())).toList()));
        out.add(new Section("重名地名", List.of("来源", "名称", "类别", "原区划", "新区划", "重名对象", "重名对象区划"),
                r.duplicateNames().stream().map(d -> java.util.Arrays.<Object>asList("division".equals(d.source()) ? "区划" : "地名", d.name(),
                        d.categoryCode(), d.fromDivision(), d.toDivision(), d.clashesWith(), d.clashesWithDivision())).toList()));
        out.add(new Section("需重新编码的标准地址", List.of("地址ID", "原编码", "新编码", "地址", "原社区", "新社区"),
                r.addresses().stream().map(a -> java.util.Arrays.<Object>asList(a.id(), a.code(), a.newCode(), a.fullText(), a.fromCommunity(), a.toCommunity())).toList()));
        out.add(new Section("使用旧代码的接口调用方", List.of("调用方", "区划代码", "请求次数", "最近一次"),
                (r.apiClients().uses() == null ? List.<cn.civgeo.apiuse.ApiUseService.Use>of() : r.apiClients().uses()).stream()
                        .map(use -> java.util.Arrays.<Object>asList(use.client(), use.code(), use.requests(), String.valueOf(use.lastAt()))).toList()));
        out.add(new Section("说明", List.of("说明"), new ArrayList<>(r.notes().stream().map(n -> List.<Object>of(n)).toList())));
        out.get(out.size() - 1).rows().add(List.of("API 调用方: " + r.apiClients().note()));
        return out;
    }

    static byte[] xlsx(ImpactReport r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            for (Section sec : sections(r)) {
                Sheet s = wb.createSheet(sec.title().replaceAll("[\\\\/?*\\[\\]:]", " "));
                Row h = s.createRow(0);
                for (int i = 0; i < sec.headers().size(); i++) {
                    h.createCell(i).setCellValue(sec.headers().get(i));
                    h.getCell(i).setCellStyle(head);
                }
                int n = 1;
                for (List<Object> row : sec.rows()) {
                    Row x = s.createRow(n++);
                    for (int i = 0; i < row.size(); i++) {
                        Object v = row.get(i);
                        if (v == null) continue;
                        if (v instanceof Number num && !(v instanceof Long l && String.valueOf(l).length() > 12)) x.createCell(i).setCellValue(num.doubleValue());
                        else x.createCell(i).setCellValue(SafeCells.text(String.valueOf(v)));
                    }
                }
                for (int i = 0; i < sec.headers().size(); i++) s.setColumnWidth(i, 16 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String html(ImpactReport r, String title) {
        StringBuilder b = new StringBuilder("<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}"
                        + "th,td{border:1px solid #999;padding:2px 6px;font-size:12px}th{background:#eee}@media print{h2{page-break-before:auto}}</style></head><body>")
                .append("<h1>区划调整影响评估：").append(esc(title)).append("</h1><p>方案 #").append(r.proposalId()).append(" 第 ")
                .append(r.proposalVersion()).append(" 版，按 ").append(r.computedFor()).append(" 的区划计算</p>");
        for (Section s : sections(r)) {
            b.append("<h2>").append(esc(s.title())).append("</h2><table><tr>");
            s.headers().forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
            b.append("</tr>");
            if (s.rows().isEmpty()) b.append("<tr><td colspan=\"").append(s.headers().size()).append("\">无</td></tr>");
            for (List<Object> row : s.rows()) {
                b.append("<tr>");
                row.forEach(v -> b.append("<td>").append(v == null ? "—" : esc(String.valueOf(v))).append("</td>"));
                b.append("</tr>");
            }
            b.append("</table>");
        }
        return b.append("</body></html>").toString();
    }

    private static String esc(String s) { return HtmlUtils.htmlEscape(s); }
}
