package cn.civgeo.boundary.inspection;

import cn.civgeo.boundary.BoundaryLine;
import cn.civgeo.boundary.BoundaryMarker;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Official boundary outputs as printable A4 portrait PDFs (OpenPDF, as the plan report; embedded CJK font from
 * {@code civgeo.plan.pdf-fonts}): 界桩登记表 (marker register), 界桩成果表 (marker coordinate table, CGCS2000
 * Gauss–Krüger) and the round's 联检报告 with the signatures block. Each carries a location sketch of the line and
 * its markers drawn in a local equirectangular plane (metres on the ground at the line's latitude) with a scale bar
 * and north arrow.
 */
@Component
class BoundaryPdf {
    private static final Map<String, String> CONDITION_ZH = InspectionTexts.CONDITION;
    private static final Map<String, String> STATUS_ZH = Map.of("in_place", "在位", "damaged", "损坏", "missing", "丢失",
            "displaced", "移位", "removed", "已撤除", "in_force", "有效", "needs_resurvey", "待重新勘定", "superseded", "已废止");
    private static final Map<String, String> PROBLEM_ZH = Map.of("open", "待处理", "assigned", "已指派", "fixed", "已整改", "closed", "已关闭");
    private static final Map<String, String> KIND_ZH = Map.of("single", "单立", "double", "同号双立", "triple", "同号三立");

    private final List<String> fonts;
    private final JsonMapper json;

    BoundaryPdf(@Value("${civgeo.plan.pdf-fonts:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}")
                List<String> fonts, JsonMapper json) {
        this.fonts = fonts;
        this.json = json;
    }

    /** 界桩登记表: one row per marker with type, material, installation, status and last inspection. */
    byte[] register(BoundaryLine l, List<BoundaryMarker> markers) {
        return document("界桩登记表", (doc, w, f) -> {
            header(doc, f, "界桩登记表", l);
            PdfPTable t = table(f, new float[] {22, 10, 10, 12, 13, 11, 11, 11},
                    "界桩编号", "类型", "材质", "埋设日期", "高程（米）", "状态", "上次状况", "上次检查");
            for (BoundaryMarker m : markers) {
                cells(t, f.normal, m.number(), zh(KIND_ZH, m.kind()) + " " + m.type(), m.material(),
                        s(m.installedOn()), m.elevationM() == null ? null : String.format(Locale.ROOT, "%.3f", m.elevationM()),
                        zh(STATUS_ZH, m.status()), zh(CONDITION_ZH, m.lastCondition()), s(m.lastInspectedOn()));
            }
            doc.add(t);
            map(doc, w, f, l, markers);
            signatures(doc, f, List.of("填表人", "审核人", "填表日期"));
        });
    }

    /** 界桩成果表: CGCS2000 geodetic and Gauss–Krüger coordinates of every marker. */
    byte[] coordinates(BoundaryLine l, List<BoundaryMarker> markers) {
        return document("界桩成果表", (doc, w, f) -> {
            header(doc, f, "界桩成果表", l);
            int zone = markers.isEmpty() ? 0 : markers.get(0).gk().zone();
            doc.add(new Paragraph("坐标系：CGCS2000，3 度带高斯–克吕格投影" + (zone == 0 ? "" : " 第 " + zone + " 带（中央经线 " + (3 * zone)
                    + "°，" + markers.get(0).gk().epsg() + "）") + "；x 为北坐标，y 为含带号的东坐标；单位：米", f.normal));
            PdfPTable t = table(f, new float[] {22, 17, 17, 16, 14, 14}, "界桩编号", "x（北坐标）", "y（东坐标）", "经度", "纬度", "距界线（米）");
            for (BoundaryMarker m : markers) {
                cells(t, f.normal, m.number(), String.format(Locale.ROOT, "%.3f", m.gk().x()), String.format(Locale.ROOT, "%.3f", m.gk().y()),
                        String.format(Locale.ROOT, "%.7f", m.lon()), String.format(Locale.ROOT, "%.7f", m.lat()),
                        String.format(Locale.ROOT, "%.2f", m.distanceToLineM()));
            }
            doc.add(t);
            map(doc, w, f, l, markers);
            signatures(doc, f, List.of("测量单位", "计算者", "检查者", "日期"));
        });
    }

    /** 联检报告 of a round: totals, per line, displaced markers, open problems, and the signatures of both sides. */
    byte[] roundReport(RoundReportService.Report r, BoundaryLine firstLine, List<BoundaryMarker> firstMarkers) {
        return document(r.round().name() + " 联检报告", (doc, w, f) -> {
            doc.add(new Paragraph(r.round().name() + " 联检报告", f.title));
            doc.add(new Paragraph("第 " + r.round().number() + " 轮 · " + r.round().yearFrom() + "–" + r.round().yearTo() + " 年 · 界线 "
                    + r.totals().lines() + " 条（已检 " + r.totals().linesInspected() + " 条）· 界桩 " + r.totals().markers() + " 个（已检 "
                    + r.totals().markersInspected() + " 个：完好 " + n(r.totals().byCondition(), "intact") + "，损坏 " + n(r.totals().byCondition(), "damaged")
                    + "，丢失 " + n(r.totals().byCondition(), "missing") + "，移位 " + n(r.totals().byCondition(), "displaced") + "）· 未解决问题 "
                    + r.totals().openProblems() + " 个", f.normal));
            doc.add(new Paragraph(" ", f.small));
            PdfPTable t = table(f, new float[] {20, 24, 12, 8, 8, 8, 8, 8, 8, 10}, "界线编号", "界线名称", "检查日期", "界桩", "完好", "损坏",
                    "丢失", "移位", "问题", "最大位移（米）");
            for (RoundReportService.LineSummary s : r.lines()) {
                cells(t, f.normal, s.code(), s.name(), s(s.inspectedOn()), String.valueOf(s.markers()), String.valueOf(s.intact()),
                        String.valueOf(s.damaged()), String.valueOf(s.missing()), String.valueOf(s.displaced()), String.valueOf(s.openProblems()),
                        s.maxDisplacementM() == null ? null : String.format(Locale.ROOT, "%.2f", s.maxDisplacementM()));
            }
            doc.add(t);
            if (!r.displaced().isEmpty()) {
                doc.add(new Paragraph("移位界桩", f.head));
                PdfPTable d = table(f, new float[] {24, 12, 17, 17, 11, 19}, "界桩编号", "位移（米）", "实测 x", "实测 y", "定位精度（米）", "说明");
                for (RoundReportService.Displaced x : r.displaced()) {
                    cells(d, f.normal, x.number(), x.displacementM() == null ? null : String.format(Locale.ROOT, "%.2f", x.displacementM()),
                            x.x() == null ? null : String.format(Locale.ROOT, "%.3f", x.x()), x.y() == null ? null : String.format(Locale.ROOT, "%.3f", x.y()),
                            x.accuracyM() == null ? null : "±" + String.format(Locale.ROOT, "%.2f", x.accuracyM()), x.note());
                }
                doc.add(d);
            }
            if (!r.openProblems().isEmpty()) {
                doc.add(new Paragraph("发现的问题及整改", f.head));
                PdfPTable p = table(f, new float[] {17, 19, 12, 40, 12}, "界线", "界桩", "类别", "问题", "状态");
                for (InspectionModels.Problem x : r.openProblems()) {
                    cells(p, f.normal, x.lineCode(), x.markerNumber(), zh(InspectionTexts.CATEGORY, x.category()), x.description(), zh(PROBLEM_ZH, x.status()));
                }
                doc.add(p);
            }
            if (firstLine != null) map(doc, w, f, firstLine, firstMarkers);
            signatures(doc, f, List.of("甲方（签章）", "乙方（签章）", "检查组负责人", "日期"));
        });
    }

    // ---- building blocks

    private record Fonts(Font title, Font head, Font normal, Font small) {}

    private interface Body { void write(Document doc, PdfWriter w, Fonts f) throws DocumentException; }

    private byte[] document(String title, Body body) {
        BaseFont base = font();
        Fonts f = new Fonts(new Font(base, 15, Font.BOLD), new Font(base, 10, Font.BOLD), new Font(base, 8.5f), new Font(base, 7));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter w = PdfWriter.getInstance(doc, out);
            doc.addTitle(title);
            doc.open();
            body.write(doc, w, f);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void header(Document doc, Fonts f, String what, BoundaryLine l) throws DocumentException {
        doc.add(new Paragraph(l.name() + " " + what, f.title));
        doc.add(new Paragraph("界线编号 " + l.code() + " · " + InspectionService.levelName(l.level()) + "界线 · " + nz(l.leftName(), l.leftCode())
                + "（" + l.leftCode() + "）| " + nz(l.rightName(), l.rightCode()) + "（" + l.rightCode() + "）· 长度 "
                + String.format(Locale.ROOT, "%.2f", l.lengthKm()) + " 千米 · 状态 " + zh(STATUS_ZH, l.status())
                + (l.agreement() != null && l.agreement().number() != null ? " · 协议书 " + l.agreement().number() + (l.agreement().date() == null ? "" : "（" + l.agreement().date() + "）") : ""), f.normal));
        doc.add(new Paragraph(" ", f.small));
    }

    private static PdfPTable table(Fonts f, float[] widths, String... headers) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell c = new PdfPCell(new Phrase(h, f.head));
            c.setBackgroundColor(new Color(225, 225, 225));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            t.addCell(c);
        }
        return t;
    }

    private static void cells(PdfPTable t, Font f, String... values) {
        for (String v : values) {
            PdfPCell c = new PdfPCell(new Phrase(v == null || v.isBlank() ? "—" : v, f));
            c.setPadding(3);
            t.addCell(c);
        }
    }

    private static void signatures(Document doc, Fonts f, List<String> roles) throws DocumentException {
        doc.add(new Paragraph(" ", f.normal));
        PdfPTable t = new PdfPTable(roles.size());
        t.setWidthPercentage(100);
        for (String r : roles) {
            PdfPCell c = new PdfPCell(new Phrase(r + "：\n\n\n", f.normal));
            c.setMinimumHeight(54);
            t.addCell(c);
        }
        doc.add(t);
    }

    /** The location sketch: the line's parts and its markers (numbered by sequence) fitted into a 500 × 230 pt box. */
    private void map(Document doc, PdfWriter w, Fonts f, BoundaryLine l, List<BoundaryMarker> markers) throws DocumentException {
        List<List<double[]>> parts = parts(l.geometry());
        if (parts.isEmpty()) return;
        doc.add(new Paragraph("位置示意图", f.head));
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (List<double[]> p : parts) for (double[] c : p) { minX = Math.min(minX, c[0]); maxX = Math.max(maxX, c[0]); minY = Math.min(minY, c[1]); maxY = Math.max(maxY, c[1]); }
        double lat0 = Math.toRadians((minY + maxY) / 2), mPerDegX = 111_320 * Math.cos(lat0), mPerDegY = 110_574;
        double wM = Math.max((maxX - minX) * mPerDegX, 1), hM = Math.max((maxY - minY) * mPerDegY, 1);
        float boxW = 500, boxH = 230;
        double scale = Math.min((boxW - 40) / wM, (boxH - 40) / hM);   // pt per metre
        float top = w.getVerticalPosition(true) - 8, left = doc.left() + 10;
        if (top - boxH < doc.bottom() + 80) { doc.newPage(); top = w.getVerticalPosition(true) - 8; }
        float bottom = top - boxH;
        float ox = left + 20 + (float) ((boxW - 40 - wM * scale) / 2), oy = bottom + 20 + (float) ((boxH - 40 - hM * scale) / 2);
        final double fminX = minX, fminY = minY, s = scale;
        java.util.function.BiFunction<Double, Double, float[]> xy = (lon, lat) -> new float[] {
                (float) (ox + (lon - fminX) * mPerDegX * s), (float) (oy + (lat - fminY) * mPerDegY * s)};
        PdfContentByte cb = w.getDirectContent();
        cb.saveState();
        cb.setColorStroke(new Color(120, 120, 120));
        cb.setLineWidth(0.5f);
        cb.rectangle(left, bottom, boxW, boxH);
        cb.stroke();
        drawParts(cb, parts, xy);
        BaseFont bf = f.small.getBaseFont();
        drawMarkers(cb, bf, markers, xy);
        drawScaleAndNorth(cb, bf, scale, left, bottom, top, boxW);
        cb.restoreState();
        // reserve the space the sketch took in the flow of the document
        Paragraph space = new Paragraph(" ", f.normal);
        space.setSpacingAfter(boxH);
        doc.add(space);
    }

    /** The line's parts in red. */
    private static void drawParts(PdfContentByte cb, List<List<double[]>> parts,
                                  java.util.function.BiFunction<Double, Double, float[]> xy) {
        cb.setColorStroke(new Color(192, 57, 43));
        cb.setLineWidth(1.6f);
        for (List<double[]> p : parts) {
            for (int i = 0; i < p.size(); i++) {
                float[] q = xy.apply(p.get(i)[0], p.get(i)[1]);
                if (i == 0) cb.moveTo(q[0], q[1]); else cb.lineTo(q[0], q[1]);
            }
            cb.stroke();
        }
    }

    /** The markers as small circles labelled with sequence and type. */
    private static void drawMarkers(PdfContentByte cb, BaseFont bf, List<BoundaryMarker> markers,
                                    java.util.function.BiFunction<Double, Double, float[]> xy) {
        for (BoundaryMarker m : markers) {
            float[] q = xy.apply(m.lon(), m.lat());
            cb.setColorFill(Color.WHITE);
            cb.setColorStroke(Color.BLACK);
            cb.setLineWidth(0.6f);
            cb.circle(q[0], q[1], 2.6f);
            cb.fillStroke();
            cb.beginText();
            cb.setColorFill(Color.BLACK);
            cb.setFontAndSize(bf, 6.5f);
            cb.showTextAligned(Element.ALIGN_LEFT, String.format(Locale.ROOT, "%03d%s", m.seq(), m.type()), q[0] + 3.5f, q[1] + 2, 0);
            cb.endText();
        }
    }

    /** A scale bar (a round length near a fifth of the box) and the north arrow. */
    private static void drawScaleAndNorth(PdfContentByte cb, BaseFont bf, double scale, float left, float bottom, float top,
                                          float boxW) {
        double target = (boxW / 5) / scale, bar = Math.pow(10, Math.floor(Math.log10(target)));
        if (bar * 5 <= target) bar *= 5; else if (bar * 2 <= target) bar *= 2;
        float barPt = (float) (bar * scale), bx = left + 10, by = bottom + 8;
        cb.setColorStroke(Color.BLACK);
        cb.setLineWidth(1.2f);
        cb.moveTo(bx, by);
        cb.lineTo(bx + barPt, by);
        cb.stroke();
        cb.beginText();
        cb.setFontAndSize(bf, 7);
        cb.showTextAligned(Element.ALIGN_LEFT, bar >= 1000 ? String.format(Locale.ROOT, "%.0f 千米", bar / 1000) : String.format(Locale.ROOT, "%.0f 米", bar),
                bx + barPt + 4, by - 2, 0);
        cb.showTextAligned(Element.ALIGN_CENTER, "北", left + boxW - 14, top - 26, 0);
        cb.endText();
        cb.moveTo(left + boxW - 14, top - 18);
        cb.lineTo(left + boxW - 18, top - 8 - 14);
        cb.moveTo(left + boxW - 14, top - 18);
        cb.lineTo(left + boxW - 14, top - 6);
        cb.lineTo(left + boxW - 18, top - 12);
        cb.stroke();
    }

    private List<List<double[]>> parts(String geojson) {
        List<List<double[]>> out = new ArrayList<>();
        if (geojson == null) return out;
        JsonNode g = json.readTree(geojson);
        JsonNode coords = g.path("coordinates");
        List<JsonNode> lines = new ArrayList<>();
        if ("LineString".equals(g.path("type").asString())) lines.add(coords);
        else coords.forEach(lines::add);
        for (JsonNode line : lines) {
            List<double[]> p = new ArrayList<>();
            line.forEach(c -> p.add(new double[] {c.get(0).asDouble(), c.get(1).asDouble()}));
            out.add(p);
        }
        return out;
    }

    private BaseFont font() {
        for (String f : fonts) {
            if (!Files.isReadable(Path.of(f))) continue;
            try {
                return BaseFont.createFont(f.toLowerCase(Locale.ROOT).endsWith(".ttc") ? f + ",0" : f, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            } catch (Exception e) {
                // try the next font
            }
        }
        throw new ApiException(ProblemType.UNAVAILABLE, "no CJK font for the PDF: install Debian's fonts-wqy-microhei (or set civgeo.plan.pdf-fonts)");
    }

    /** The Chinese word for a code (the code itself when unknown, null for null: Map.of rejects null keys). */
    private static String zh(Map<String, String> words, String code) { return code == null ? null : words.getOrDefault(code, code); }

    private static String s(Object o) { return o == null ? null : o.toString(); }

    private static String nz(String a, String b) { return a == null ? b : a; }

    private static String n(Map<String, Integer> m, String k) { return String.valueOf(m == null ? 0 : m.getOrDefault(k, 0)); }
}
