package cn.civgeo.common.io;

import cn.civgeo.common.ApiException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** CSV or .xlsx download answers for exports (the same columns import again). */
public final class Exports {
    private Exports() {}

    public static ResponseEntity<byte[]> file(String base, String format, List<String> headers, List<List<?>> rows) {
        return switch (format == null ? "csv" : format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + base + ".csv\"")
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(Tabular.csv(headers, rows));
            case "xlsx" -> ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + base + ".xlsx\"")
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(Tabular.xlsx(base, headers, rows));
            default -> throw ApiException.badField("format", "must be csv or xlsx");
        };
    }
}
