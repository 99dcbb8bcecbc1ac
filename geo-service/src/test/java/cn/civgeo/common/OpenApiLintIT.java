package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's OpenAPI document through the npm tools pinned in scripts/openapi-lint (installed by
 * scripts/test.sh with npm ci): @apidevtools/swagger-parser validate and @redocly/cli lint --extends=recommended,
 * both with 0 errors.
 */
class OpenApiLintIT extends IntegrationTest {
    @TempDir
    Path dir;

    @Test
    void theDocumentPassesSwaggerParserAndRedoclyRecommended() throws Exception {
        Path tool = Paths.get("..", "scripts", "openapi-lint").toAbsolutePath().normalize();
        if (!Files.isDirectory(tool)) tool = Paths.get("scripts", "openapi-lint").toAbsolutePath();
        assertThat(tool.resolve("node_modules/@redocly/cli")).as("run scripts/test.sh (npm ci in " + tool + ")").isDirectory();
        Response r = get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        Path doc = dir.resolve("openapi.json");
        Files.writeString(doc, r.body(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("node", tool.resolve("check.mjs").toString(), doc.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("swagger-parser: valid").doesNotContain("FAILED");
        assertThat(p.exitValue()).as(out).isZero();
    }
}
