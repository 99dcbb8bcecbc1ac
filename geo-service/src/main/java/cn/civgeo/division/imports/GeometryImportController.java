package cn.civgeo.division.imports;

import cn.civgeo.common.staging.Staging;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.io.ImportReport;
import cn.civgeo.common.jobs.Job;
import cn.civgeo.common.jobs.JobService;
import cn.civgeo.common.jobs.Progress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload of division geometry (GeoJSON, zipped Shapefile, GeoPackage). */
@RestController
@RequestMapping("/api/divisions/geometry-imports")
@Tag(name = "Division geometry import")
class GeometryImportController {
    private final GeometryImportService service;
    private final JobService jobs;

    private final Staging staging;

    GeometryImportController(GeometryImportService service, JobService jobs, Staging staging) {
        this.staging = staging;
        this.service = service;
        this.jobs = jobs;
        // Not re-run after a crash: the import is all-or-nothing, but its commit may have landed before the crash.
        jobs.register("division-geometry-import", ImportJob.class, false, (in, bytes, p) -> {
            Path dir;
            Path saved;
            try {
                dir = staging.tempDir("division-import");
                saved = dir.resolve(in.fileName());
                Files.write(saved, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return run(saved, dir, in.name(), in.options(), p);
        });
    }

    /** The stored input of an async import; the upload itself is the job's file. */
    record ImportJob(String name, String fileName, GeometryImportService.Options options) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import division geometry (ADMIN)", description = """
            file: .geojson/.json, a zipped Shapefile (.zip) or a GeoPackage (.gpkg); one feature per division with its
            code in codeField (default: adcode, code, xzqdm, …). crs: source CRS (EPSG:4490, EPSG:4326, GCJ02, BD09,
            EPSG:4513–4554); when absent it is taken from the file or detected from the coordinates. Invalid polygons
            are rejected with a per-feature report unless repair=true (ST_MakeValid). mode=strict (default): one bad
            feature rejects the whole import (400 import-rejected, nothing written). dryRun=true: report only.
            async=true: runs as a job (202 with the job; GET /api/jobs/{id}).""")
    public ResponseEntity<?> upload(@RequestPart("file") MultipartFile file,
                                    @RequestParam(required = false) String crs,
                                    @RequestParam(required = false) String codeField,
                                    @RequestParam(required = false) String layer,
                                    @RequestParam(defaultValue = "false") boolean repair,
                                    @RequestParam(defaultValue = "false") boolean dryRun,
                                    @RequestParam(required = false) String mode,
                                    @RequestParam(required = false) String source,
                                    @RequestParam(defaultValue = "false") boolean async) {
        String name = file.getOriginalFilename() == null ? "upload" : Path.of(file.getOriginalFilename()).getFileName().toString();
        String format = OgrStaging.format(name);
        GeometryImportService.Options o = new GeometryImportService.Options(crs, codeField, layer, repair, dryRun,
                ImportReport.Mode.parse(mode), source);
        if (file.isEmpty()) throw ApiException.badField("file", "is empty");
        Path dir;
        Path saved;
        try {
            dir = staging.tempDir("division-import");
            saved = dir.resolve("upload." + (format.equals("shapefile") ? "zip" : format.equals("gpkg") ? "gpkg" : "geojson"));
            file.transferTo(saved);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (async) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(saved);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
                } catch (IOException ignored) {
                    // swept at the next start-up (Staging)
                }
            }
            Job job = jobs.submit("division-geometry-import", new ImportJob(name, saved.getFileName().toString(), o), bytes);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("jobId", job.getId(), "status", job.getStatus(),
                    "href", "/api/jobs/" + job.getId()));
        }
        return ResponseEntity.ok(run(saved, dir, name, o, Progress.NONE));
    }

    private GeometryImportService.Result run(Path saved, Path dir, String name, GeometryImportService.Options o, Progress p) {
        try {
            return service.importFile(saved, name, o, p);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            } catch (IOException ignored) {
                // temp files; the OS cleans /tmp
            }
        }
    }
}
