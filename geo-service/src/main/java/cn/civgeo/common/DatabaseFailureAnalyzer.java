package cn.civgeo.common;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns "cannot connect to the database" at start-up into one clear line instead of a page of stack trace. */
public class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {
    @Override
    protected FailureAnalysis analyze(Throwable root, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        if (!state.startsWith("08") && !state.startsWith("28") && !state.equals("3D000")) return null;
        String url = System.getenv().getOrDefault("CIVGEO_DB_URL", "jdbc:postgresql://127.0.0.1:54329/civgeo");
        return new FailureAnalysis(
                "CivGeo cannot reach its database at " + url + ": " + cause.getMessage(),
                "Start the project-local PostGIS with 'scripts/db.sh start' (or set CIVGEO_DB_URL, CIVGEO_DB_USER, "
                        + "CIVGEO_DB_PASSWORD).",
                cause);
    }
}
