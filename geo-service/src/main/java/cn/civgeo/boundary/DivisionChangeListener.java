package cn.civgeo.boundary;

import cn.civgeo.division.DivisionChangedEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After an approved division change the lines of the units it touched need a new survey (勘界): every line whose
 * left or right division is among the event's codes turns {@code needs_resurvey}, inside the change's transaction.
 * Lines of units below a changed unit are not marked (their own change events name them when they move). Each
 * marked line gets an open re-demarcation task (management.RedemarcationService) in the same transaction.
 */
@Component
class DivisionChangeListener {
    private static final Logger log = LoggerFactory.getLogger(DivisionChangeListener.class);

    private final BoundaryLineService lines;
    private final cn.civgeo.boundary.management.RedemarcationService redemarcation;

    DivisionChangeListener(BoundaryLineService lines, cn.civgeo.boundary.management.RedemarcationService redemarcation) {
        this.lines = lines;
        this.redemarcation = redemarcation;
    }

    @EventListener
    void onDivisionChanged(DivisionChangedEvent e) {
        if (e.codes().isEmpty()) return;
        String reason = "division change: " + e.eventKind() + " of " + String.join(", ", e.codes())
                + (e.effectiveDate() == null ? "" : " effective " + e.effectiveDate());
        List<Long> marked = lines.markNeedsResurvey(e.codes(), reason);
        if (!marked.isEmpty()) log.info("{} boundary line(s) need re-survey after {}", marked.size(), reason);
        // each marked line gets a tracked re-demarcation task (new agreement, markers, description) unless one is open
        redemarcation.open(marked, reason);
    }
}
