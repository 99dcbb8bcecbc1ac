package cn.civgeo.boundary;

import cn.civgeo.common.ApiException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Lists markers breaking the placement and numbering rules (see {@code sql/boundary/marker-qa.sql}). */
@Service
class MarkerQaService {
    public record Issue(String issue, long markerId, String number, String lineCode, String detail) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "MarkerQaReport")
    public record Report(double toleranceM, int count, List<Issue> issues) {}

    private final MarkerRepository markers;
    private final double defaultTolerance;

    MarkerQaService(MarkerRepository markers, @Value("${civgeo.boundary.marker-tolerance-m:20}") double defaultTolerance) {
        this.markers = markers;
        this.defaultTolerance = defaultTolerance;
    }

    public Report check(Long lineId, String within, Double toleranceM) {
        double tol = toleranceM == null ? defaultTolerance : toleranceM;
        if (!(tol >= 0 && tol <= 10_000)) throw ApiException.badField("tolerance", "must be 0–10000 metres");
        String prefix = within == null ? null : LineDerivationService.scopePrefix(within, "within");
        List<Issue> issues = markers.qaIssues(lineId, prefix, tol);
        return new Report(tol, issues.size(), issues);
    }
}
