package cn.civgeo.plan;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The plan report as a printable A4 landscape PDF (OpenPDF) with an embedded CJK font: the first of
 * {@code civgeo.plan.pdf-fonts} that exists (default: WenQuanYi Micro Hei from Debian's fonts-wqy-microhei, then Noto
 * Sans CJK from fonts-noto-cjk). Without any of them the answer is 503 naming the package to install.
 */
@Component
class PlanPdf {
    private final List<String> fonts;

    PlanPdf(@Value("${civgeo.plan.pdf-fonts:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}")
            List<String> fonts) {
        this.fonts = fonts;
    }

    byte[] render(PlanReport r) {
        BaseFont base = font();
        Font title = new Font(base, 14, Font.BOLD);
        Font normal = new Font(base, 8.5f);
        Font head = new Font(base, 8.5f, Font.BOLD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(r.planName());
            doc.open();
            doc.add(new Paragraph(r.planName(), title));
            doc.add(new Paragraph(r.divisionName() + "（" + r.divisionCode() + "） " + r.year() + "年" + PlanExport.viewLabel(r.view())
                    + "  规划期 " + r.periodFrom() + "–" + r.periodTo() + "，基期 " + r.baselineYear() + "  符合进度 " + r.onTrack()
                    + " 项，滞后 " + r.offTrack() + " 项，无数据 " + r.noData() + " 项", normal));
            doc.add(new Paragraph(" ", normal));
            String[] headers = {"指标名称", "单位", "属性", "基期值", "最新值", "目标值", "距目标", "按进度应达", "进度", "是否达标", "下级排名（前三）"};
            PdfPTable t = new PdfPTable(new float[] {26, 6, 6, 7, 7, 9, 7, 8, 7, 7, 24});
            t.setWidthPercentage(100);
            t.setHeaderRows(1);
            for (String h : headers) {
                PdfPCell c = new PdfPCell(new Phrase(h, head));
                c.setBackgroundColor(new Color(225, 225, 225));
                c.setHorizontalAlignment(Element.ALIGN_CENTER);
                t.addCell(c);
            }
            for (PlanReport.Row i : r.indicators()) {
                t.addCell(cell(i.nameZh(), normal, Element.ALIGN_LEFT));
                t.addCell(cell(i.unit(), normal, Element.ALIGN_CENTER));
                t.addCell(cell("binding".equals(i.kind()) ? "约束性" : "预期性", normal, Element.ALIGN_CENTER));
                t.addCell(cell(fmt(i.baseline(), i.unit()), normal, Element.ALIGN_RIGHT));
                t.addCell(cell(fmt(i.latest(), i.unit()), normal, Element.ALIGN_RIGHT));
                t.addCell(cell(i.target() == null ? i.targetText() : fmt(i.target(), i.unit()), normal, Element.ALIGN_RIGHT));
                t.addCell(cell(fmt(i.gap(), i.unit()), normal, Element.ALIGN_RIGHT));
                t.addCell(cell(fmt(i.expected(), i.unit()), normal, Element.ALIGN_RIGHT));
                t.addCell(cell(i.onTrack() == null ? "—" : i.onTrack() ? "符合" : "滞后", normal, Element.ALIGN_CENTER));
                t.addCell(cell(i.met() == null ? "—" : i.met() ? "达标" : "未达标", normal, Element.ALIGN_CENTER));
                StringBuilder top = new StringBuilder();
                i.children().stream().filter(c -> c.rank() != null).limit(3)
                        .forEach(c -> top.append(c.rank()).append(". ").append(c.name()).append(' ').append(fmt(c.value(), i.unit())).append("  "));
                t.addCell(cell(top.toString().strip(), normal, Element.ALIGN_LEFT));
            }
            doc.add(t);
            doc.add(new Paragraph(" ", normal));
            doc.add(new Paragraph("说明：最新值为 " + r.asOf() + " 的地图计算值或填报值；按进度应达 = 基期值 + (目标值 − 基期值) × (报告年 − 基期年) / (规划末年 − 基期年)。", normal));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
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
        throw new cn.civgeo.common.ApiException(cn.civgeo.common.ProblemType.UNAVAILABLE,
                "no CJK font for the PDF: install Debian's fonts-wqy-microhei (or set civgeo.plan.pdf-fonts)");
    }

    private static PdfPCell cell(String text, Font f, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "—" : text, f));
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        return c;
    }

    static String fmt(Double v, String unit) {
        if (v == null) return "—";
        String s = Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
        return "%".equals(unit) ? s + "%" : s;
    }
}
