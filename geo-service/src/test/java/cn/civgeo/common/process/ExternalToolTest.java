package cn.civgeo.common.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalToolTest {

    @Test
    void outputAndExitCodeComeBackWithSecretsMasked() {
        ExternalTool.Result r = ExternalTool.run(List.of("sh", "-c", "echo \"pw=$PGPASSWORD\"; echo oops >&2; exit 3"),
                Duration.ofSeconds(20), Map.of("PGPASSWORD", "s3cret-pw"));
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.ok()).isFalse();
        assertThat(r.output()).contains("pw=***").contains("oops").doesNotContain("s3cret-pw");
        assertThat(r.firstLine()).isEqualTo("pw=***");
    }

    @Test
    void aProgramThatPrintsNothingIsStillStoppedAtItsLimitWithItsChildren() throws Exception {
        // The old wrappers read the pipe to its end before waiting, so a silent, hanging GDAL was never stopped.
        long[] child = new long[1];
        assertThatThrownBy(() -> ExternalTool.run(List.of("sh", "-c", "sleep 60 & echo $! > /dev/null; wait"), Duration.ofMillis(500)))
                .isInstanceOf(ExternalTool.TimedOut.class).hasMessageContaining("sh did not finish");
        ProcessHandle.current().children().forEach(p -> {
            if (p.info().command().orElse("").endsWith("sh")) child[0] = p.pid();
        });
        assertThat(child[0]).as("no shell of ours left running").isZero();
    }

    @Test
    void aMissingProgramIsSaidSo() {
        assertThatThrownBy(() -> ExternalTool.run(List.of("/nonexistent/ogr2ogr"), Duration.ofSeconds(5)))
                .isInstanceOf(ExternalTool.Missing.class).hasMessageContaining("/nonexistent/ogr2ogr");
    }

    @Test
    void gdalGetsThePostgresDatasourceOfTheJdbcUrl() {
        assertThat(Gdal.postgres("jdbc:postgresql://db.local:54329/civgeo?sslmode=disable", "civgeo_app"))
                .isEqualTo("PG:host=db.local port=54329 dbname=civgeo user=civgeo_app");
        assertThat(ExternalTool.pgTarget("jdbc:postgresql://h1:5433,h2:5433/civgeo?targetServerType=primary"))
                .isEqualTo(new ExternalTool.PgTarget("h1", 5433, "civgeo"));
        assertThat(ExternalTool.pgTarget("jdbc:postgresql://localhost/x")).isEqualTo(new ExternalTool.PgTarget("localhost", 5432, "x"));
    }
}
