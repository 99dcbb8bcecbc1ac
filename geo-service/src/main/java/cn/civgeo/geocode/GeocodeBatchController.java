package cn.civgeo.geocode;

import cn.civgeo.common.crs.Crs;
import cn.civgeo.common.jobs.Job;
import cn.civgeo.common.jobs.JobService;
import cn.civgeo.security.BatchQuota;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

/**
 * Batch geocoding for other systems: POST up to 10,000 rows as JSON or CSV; answers stream back in input order as
 * NDJSON (default) or CSV ({@code Accept: text/csv}); {@code async=true} runs a background job instead, with
 * progress at {@code GET /api/jobs/{id}}. A read, so every signed-in role and API clients may call it.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Geocoding")
class GeocodeBatchController {
    static final String NDJSON = "application/x-ndjson";
    private static final String WHO = "hasAnyRole('ADMIN','SURVEYOR','PLANNER','VIEWER','API_CLIENT')";

    private final GeocodeBatch batch;
    private final JobService jobs;
    private final BatchQuota quota;

    GeocodeBatchController(GeocodeBatch batch, JobService jobs, BatchQuota quota) {
        this.batch = batch;
        this.jobs = jobs;
        this.quota = quota;
        jobs.register("geocode-batch", BatchJob.class, true, (in, file, p) -> work(batch.read(file, in.contentType(), false), false, in.options(), p));
        jobs.register("reverse-batch", BatchJob.class, true, (in, file, p) -> work(batch.read(file, in.contentType(), true), true, in.options(), p));
    }

    /** The stored input of a batch job (the body itself is the job's file, so any instance can run it). */
    record BatchJob(String contentType, GeocodeBatch.Options options) {}

    private Object work(List<GeocodeBatch.Row> rows, boolean reverse, GeocodeBatch.Options o, cn.civgeo.common.jobs.Progress progress) {
        progress.total(rows.size());
        List<GeocodeBatch.Answer> all = new ArrayList<>(rows.size());
        int[] last = {0};
        batch.run(rows, reverse, o, all::addAll, done -> {
            progress.advance(done - last[0]);
            last[0] = done;
            progress.message(done + " of " + rows.size() + " rows");
        });
        return Map.of("rows", all);
    }

    @PostMapping(value = "/geocode/batch", consumes = "!" + org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WHO)
    @Operation(summary = "Batch forward geocoding",
            description = "Body: {\"rows\":[{\"id\":\"a1\",\"q\":\"武汉江汉民族街\"}]}, a JSON array of such objects or of "
                    + "strings, or CSV with columns id, q (or address). Each answer is {row, id, status, result | error}; "
                    + "result is what GET /api/geocode answers for that row. At most 10,000 rows (413 beyond). For API "
                    + "clients every 100 rows count as one request against the per-minute limit (429 + Retry-After).")
    ResponseEntity<?> forward(@RequestBody byte[] body, HttpServletRequest request, HttpServletResponse response,
                              @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                              @Parameter(description = "Output CRS") @RequestParam(required = false) String crs,
                              @RequestParam(defaultValue = "1") int limit,
                              @RequestParam(defaultValue = "0.05") double minConfidence,
                              @Parameter(description = "Run as a background job; poll /api/jobs/{id}") @RequestParam(defaultValue = "false") boolean async,
                              @Parameter(description = "Area bias for rows that name no division (a division code; a row's own within wins; "
                                      + "absent: the API client's default area, if set)", example = "350200")
                              @RequestParam(required = false) String within,
                              @Parameter(description = "raw: the parser's uncalibrated confidence (for fitting the calibration)")
                              @RequestParam(required = false) String calibration) {
        Crs c = Crs.parse(crs);
        if (calibration != null && !calibration.equals("raw")) throw cn.civgeo.common.ApiException.badField("calibration", "must be raw or absent");
        List<GeocodeBatch.Row> rows = batch.read(body, contentType, false);
        quota.charge(request, response, rows.size());
        // no within=: the API client's default area (if it has one) for rows that name no division
        if (within == null || within.isBlank()) within = (String) request.getAttribute(cn.civgeo.security.ApiClient.DEFAULT_DIVISION_ATTRIBUTE);
        return respond(rows, false, new GeocodeBatch.Options(c, Math.max(1, Math.min(10, limit)), minConfidence, null, within, calibration != null), accept, async, response,
                body, contentType);
    }

    @PostMapping(value = "/geocode/batch", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WHO)
    @Operation(summary = "Batch forward geocoding, file upload",
            description = "Multipart form with part file: a CSV (columns id or 编号/序号, and q, address or 地址) or a JSON "
                    + "file as the plain body takes. Same answers, limits and options as the plain body.")
    ResponseEntity<?> forwardUpload(@RequestPart("file") org.springframework.web.multipart.MultipartFile file,
                                    HttpServletRequest request, HttpServletResponse response,
                                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                    @RequestParam(required = false) String crs,
                                    @RequestParam(defaultValue = "1") int limit,
                                    @RequestParam(defaultValue = "0.05") double minConfidence,
                                    @RequestParam(defaultValue = "false") boolean async,
                                    @RequestParam(required = false) String within) throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
        String type = name.endsWith(".json") || "application/json".equals(file.getContentType()) ? "application/json" : "text/csv";
        return forward(file.getBytes(), request, response, type, accept, crs, limit, minConfidence, async, within, null);
    }

    @PostMapping("/reverse/batch")
    @PreAuthorize(WHO)
    @Operation(summary = "Batch reverse geocoding",
            description = "Body: {\"rows\":[{\"id\":\"p1\",\"lon\":118.08,\"lat\":24.47}]}, a JSON array of such objects or "
                    + "of [lon, lat] pairs, or CSV with columns id, lon, lat (or x, y). Answers as GET /api/reverse.")
    ResponseEntity<?> reverse(@RequestBody byte[] body, HttpServletRequest request, HttpServletResponse response,
                              @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                              @RequestParam(required = false) String crs,
                              @RequestParam(required = false) Integer radius,
                              @RequestParam(defaultValue = "false") boolean async) {
        Crs c = Crs.parse(crs);
        List<GeocodeBatch.Row> rows = batch.read(body, contentType, true);
        quota.charge(request, response, rows.size());
        return respond(rows, true, new GeocodeBatch.Options(c, 1, 0, radius), accept, async, response, body, contentType);
    }

    private ResponseEntity<?> respond(List<GeocodeBatch.Row> rows, boolean reverse, GeocodeBatch.Options o, String accept, boolean async,
                                HttpServletResponse response, byte[] body, String contentType) {
        if (async) {
            Job job = jobs.submit(reverse ? "reverse-batch" : "geocode-batch", new BatchJob(contentType, o), body);
            return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.LOCATION, "/api/jobs/" + job.getId())
                    .body(Map.of("jobId", job.getId(), "href", "/api/jobs/" + job.getId(), "rows", rows.size()));
        }
        boolean csv = accept != null && accept.contains("text/csv");
        // Written straight to the response (no async dispatch), flushed chunk by chunk: the client reads answers
        // while later rows are still being worked.
        response.setStatus(200);
        response.setContentType(csv ? "text/csv;charset=UTF-8" : NDJSON);
        response.setHeader("X-Total-Rows", Integer.toString(rows.size()));
        try {
            OutputStream out = response.getOutputStream();
            if (csv) {
                out.write(("\uFEFF" + String.join(",", reverse ? GeocodeBatch.REVERSE_CSV : GeocodeBatch.FORWARD_CSV) + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            batch.run(rows, reverse, o, answers -> {
                try {
                    if (csv) {
                        out.write(GeocodeBatch.csvLines(GeocodeBatch.csvRows(answers, reverse)));
                        out.flush();
                    } else {
                        batch.writeNdjson(out, answers);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, done -> { });
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            // The client went away; nothing more to send.
        }
        return null;
    }
}
