package cn.civgeo.ogc;

/**
 * Each published layer's look, taken from the web map's styles (web-map js/layers.js PALETTE and LEVEL_STROKE,
 * boundary.js disputes, placename.js, coverage.js KIND_COLORS, service areas and uncovered parts), for the SLD
 * and MapServer styles. Colours are #rrggbb.
 */
record LayerStyles(String fill, double fillOpacity, String stroke, double width, double pointSize) {

    static LayerStyles of(OgcCollection c) {
        String id = c.id();
        if (id.startsWith("divisions-")) {
            String[] stroke = {"#7a3b69", "#8d4a6e", "#5a4e7c", "#66788a", "#8795a3"};
            double[] width = {3, 2.5, 2, 1.3, 0.8};
            int l = ((Number) c.fixedValue()).intValue() - 1;
            return new LayerStyles("#cfe8c3", 0.6, stroke[l], width[l], 0);
        }
        return switch (id) {
            case "boundary-lines" -> new LayerStyles(null, 0, "#5a4e7c", 2, 0);
            case "boundary-markers" -> new LayerStyles("#2e9e5b", 1, "#ffffff", 1, 7);
            case "disputes" -> new LayerStyles("#f39c12", 0.35, "#b03a2e", 2, 0);
            case "place-names-points", "place-names-lines", "place-names-areas" -> new LayerStyles("#ffffff", 0.3, "#6c3483", 2, 6);
            case "addresses" -> new LayerStyles("#6b7280", 1, "#ffffff", 0.5, 3);
            case "service-areas" -> new LayerStyles("#2e9e5b", 0.12, "#2e9e5b", 1, 0);
            case "coverage-gaps" -> new LayerStyles("#d0433a", 0.35, "#d0433a", 1, 0);
            default -> new LayerStyles(facilityColour(String.valueOf(c.fixedValue())), 1, "#ffffff", 1, 8);
        };
    }

    private static String facilityColour(String kind) {
        return switch (kind) {
            case "nursing_home" -> "#c0392b";
            case "township_centre" -> "#e67e22";
            case "community_station" -> "#f1c40f";
            case "rural_mutual_aid" -> "#16a085";
            case "funeral_home" -> "#34495e";
            case "public_cemetery" -> "#7f8c8d";
            case "commercial_cemetery" -> "#95a5a6";
            case "columbarium" -> "#8e44ad";
            default -> "#2980b9";
        };
    }

    /** "r g b" for a MapServer COLOR. */
    static String rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return ((v >> 16) & 255) + " " + ((v >> 8) & 255) + " " + (v & 255);
    }
}
