package cn.civgeo.common.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one GDAL wrapper (issue #12): every feature runs {@code ogr2ogr}, {@code ogrinfo} and {@code gdalsrsinfo}
 * through it, so the programs are configured in one place ({@code civgeo.gdal.*}, environment {@code CIVGEO_OGR2OGR},
 * {@code CIVGEO_OGRINFO}, {@code CIVGEO_GDALSRSINFO}; default: on the PATH) and run the same way (through
 * {@link ExternalTool}: output captured, a time limit, the environment's secrets masked in the output).
 * {@link ExternalTool.Missing} and {@link ExternalTool.TimedOut} reach the caller, who knows what they mean to its user.
 */
@Component
public class Gdal {
    private final String ogr2ogr;
    private final String ogrinfo;
    private final String gdalsrsinfo;

    Gdal(@Value("${civgeo.gdal.ogr2ogr:ogr2ogr}") String ogr2ogr, @Value("${civgeo.gdal.ogrinfo:ogrinfo}") String ogrinfo,
         @Value("${civgeo.gdal.gdalsrsinfo:gdalsrsinfo}") String gdalsrsinfo) {
        this.ogr2ogr = ogr2ogr;
        this.ogrinfo = ogrinfo;
        this.gdalsrsinfo = gdalsrsinfo;
    }

    /** {@code ogr2ogr args…}. */
    public ExternalTool.Result ogr2ogr(List<String> args, Duration timeout) { return ogr2ogr(args, timeout, Map.of()); }

    /** {@code ogr2ogr args…} with extra environment (e.g. PGPASSWORD for a PostgreSQL target, masked in the output). */
    public ExternalTool.Result ogr2ogr(List<String> args, Duration timeout, Map<String, String> environment) {
        return ExternalTool.run(command(ogr2ogr, args), timeout, environment);
    }

    /** {@code ogrinfo args…} with extra environment. */
    public ExternalTool.Result ogrinfo(List<String> args, Duration timeout, Map<String, String> environment) {
        return ExternalTool.run(command(ogrinfo, args), timeout, environment);
    }

    /** {@code gdalsrsinfo args…}. */
    public ExternalTool.Result gdalsrsinfo(List<String> args, Duration timeout) {
        return ExternalTool.run(command(gdalsrsinfo, args), timeout, Map.of());
    }

    /** GDAL's PostgreSQL data source for a JDBC URL and user ({@code PG:host=… port=… dbname=… user=…}; the password goes in PGPASSWORD, never here). */
    public static String postgres(String jdbcUrl, String user) {
        ExternalTool.PgTarget t = ExternalTool.pgTarget(jdbcUrl);
        return "PG:host=" + t.host() + " port=" + t.port() + " dbname=" + t.database() + " user=" + user;
    }

    private static List<String> command(String program, List<String> args) {
        List<String> cmd = new ArrayList<>(args.size() + 1);
        cmd.add(program);
        cmd.addAll(args);
        return cmd;
    }
}
