package cn.civgeo.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The plan report as an .xlsx workbook: sheet 规划指标 (one row per indicator) and sheet 下级排名 (each indicator's
 * children ranked). Chinese headers, frozen header row, set column widths; values in a "%" unit are written as
 * fractions with a 0.0% format, so Excel computes with them.
 */
final class PlanExport {
    static final List<String> HEADERS = List.of("指标代码", "指标名称", "单位", "属性", "基期值", "最新值", "最新值年份", "目标值",
            "目标说明", "距目标", "按进度应达", "进度", "是否达标", "数据来源");
    private static final int[] WIDTHS = {26, 40, 10, 8, 10, 10, 10, 10, 30, 10, 12, 8, 8, 12};

    private PlanExport() {}

    static byte[] xlsx(PlanReport r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle pct = wb.createCellStyle();
            pct.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            CellStyle num = wb.createCellStyle();
            num.setDataFormat(wb.createDataFormat().getFormat("#,##0.0#"));
            indicatorSheet(wb, r, head, pct, num);
            rankingSheet(wb, r, head, pct, num);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sheet 规划指标: a title, the headers and one row per indicator. */
    private static void indicatorSheet(XSSFWorkbook wb, PlanReport r, CellStyle head, CellStyle pct, CellStyle num) {
        Sheet s = wb.createSheet("规划指标");
        Row title = s.createRow(0);
        title.createCell(0).setCellValue(r.planName() + " — " + r.divisionName() + " " + r.year() + "年" + viewLabel(r.view()));
        header(s.createRow(1), HEADERS, head);
        int n = 2;
        for (PlanReport.Row i : r.indicators()) {
            Row row = s.createRow(n++);
            boolean p = "%".equals(i.unit());
            row.createCell(0).setCellValue(i.code());
            row.createCell(1).setCellValue(i.nameZh());
            row.createCell(2).setCellValue(i.unit());
            row.createCell(3).setCellValue("binding".equals(i.kind()) ? "约束性" : "预期性");
            value(row, 4, i.baseline(), p, pct, num);
            value(row, 5, i.latest(), p, pct, num);
            if (i.latestYear() != null) row.createCell(6).setCellValue(i.latestYear());
            value(row, 7, i.target(), p, pct, num);
            if (i.targetText() != null) row.createCell(8).setCellValue(i.targetText());
            value(row, 9, i.gap(), p, pct, num);
            value(row, 10, i.expected(), p, pct, num);
            row.createCell(11).setCellValue(i.onTrack() == null ? "—" : i.onTrack() ? "符合进度" : "滞后");
            row.createCell(12).setCellValue(i.met() == null ? "—" : i.met() ? "达标" : "未达标");
            row.createCell(13).setCellValue(switch (i.valueSource()) { case "computed" -> "地图计算"; case "reported" -> "填报"; default -> "无数据"; });
        }
        s.createFreezePane(0, 2);
        for (int c = 0; c < WIDTHS.length; c++) s.setColumnWidth(c, WIDTHS[c] * 256);
    }

    /** Sheet 下级排名: each indicator's children ranked. */
    private static void rankingSheet(XSSFWorkbook wb, PlanReport r, CellStyle head, CellStyle pct, CellStyle num) {
        Sheet k = wb.createSheet("下级排名");
        header(k.createRow(0), List.of("指标名称", "排名", "区划代码", "区划名称", "值", "目标值", "是否达标"), head);
        int m = 1;
        for (PlanReport.Row i : r.indicators()) {
            boolean p = "%".equals(i.unit());
            for (PlanReport.Child c : i.children()) {
                Row row = k.createRow(m++);
                row.createCell(0).setCellValue(i.nameZh());
                if (c.rank() != null) row.createCell(1).setCellValue(c.rank());
                row.createCell(2).setCellValue(c.code());
                row.createCell(3).setCellValue(c.name());
                value(row, 4, c.value(), p, pct, num);
                value(row, 5, c.target(), p, pct, num);
                row.createCell(6).setCellValue(c.met() == null ? "—" : c.met() ? "达标" : "未达标");
            }
        }
        k.createFreezePane(0, 1);
        int[] kw = {40, 6, 14, 24, 10, 10, 8};
        for (int c = 0; c < kw.length; c++) k.setColumnWidth(c, kw[c] * 256);
    }

    static String viewLabel(String view) {
        return switch (view) { case "midterm" -> "中期评估"; case "final" -> "总结评估"; default -> "进度"; };
    }

    private static void header(Row row, List<String> names, CellStyle style) {
        for (int c = 0; c < names.size(); c++) {
            row.createCell(c).setCellValue(names.get(c));
            row.getCell(c).setCellStyle(style);
        }
    }

    private static void value(Row row, int col, Double v, boolean percent, CellStyle pct, CellStyle num) {
        if (v == null) return;
        var cell = row.createCell(col);
        cell.setCellValue(percent ? v / 100 : v);
        cell.setCellStyle(percent ? pct : num);
    }
}
