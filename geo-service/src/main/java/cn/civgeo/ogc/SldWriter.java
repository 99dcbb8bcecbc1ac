package cn.civgeo.ogc;

import java.util.Locale;

/** SLD 1.0.0 (OGC 02-070) documents for the published layers, one NamedLayer named like the collection. */
final class SldWriter {
    private SldWriter() {}

    static String sld(OgcCollection c) { return sld(c, LayerStyles.of(c)); }

    static String sld(OgcCollection c, LayerStyles s) {
        StringBuilder sb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
                    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
                """);
        sb.append("  <NamedLayer>\n    <Name>").append(xml(c.id())).append("</Name>\n    <UserStyle>\n      <Name>")
                .append(xml(c.id())).append("</Name>\n      <Title>").append(xml(c.titleZh() + " " + c.titleEn()))
                .append("</Title>\n      <FeatureTypeStyle>\n        <Rule>\n");
        switch (c.geometryType()) {
            case "MultiPolygon" -> sb.append("          <PolygonSymbolizer>\n").append(fill(s)).append(stroke(s))
                    .append("          </PolygonSymbolizer>\n");
            case "MultiLineString" -> sb.append("          <LineSymbolizer>\n").append(stroke(s)).append("          </LineSymbolizer>\n");
            default -> sb.append("          <PointSymbolizer>\n            <Graphic>\n              <Mark>\n")
                    .append("                <WellKnownName>circle</WellKnownName>\n").append(fill(s).indent(4)).append(stroke(s).indent(4))
                    .append("              </Mark>\n              <Size>").append(num(s.pointSize()))
                    .append("</Size>\n            </Graphic>\n          </PointSymbolizer>\n");
        }
        sb.append("        </Rule>\n      </FeatureTypeStyle>\n    </UserStyle>\n  </NamedLayer>\n</StyledLayerDescriptor>\n");
        return sb.toString();
    }

    private static String fill(LayerStyles s) {
        if (s.fill() == null) return "";
        return "            <Fill>\n              <CssParameter name=\"fill\">" + s.fill() + "</CssParameter>\n"
                + "              <CssParameter name=\"fill-opacity\">" + num(s.fillOpacity()) + "</CssParameter>\n            </Fill>\n";
    }

    private static String stroke(LayerStyles s) {
        return "            <Stroke>\n              <CssParameter name=\"stroke\">" + s.stroke() + "</CssParameter>\n"
                + "              <CssParameter name=\"stroke-width\">" + num(s.width()) + "</CssParameter>\n            </Stroke>\n";
    }

    private static String num(double d) { return String.format(Locale.ROOT, "%s", d); }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
