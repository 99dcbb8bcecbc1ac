package cn.civgeo.division;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test-side listener: remembers every DivisionChangedEvent published (tests look for their own codes). */
@Component
public class DivisionEventRecorder {
    private final List<DivisionChangedEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    public void on(DivisionChangedEvent e) { events.add(e); }

    public List<DivisionChangedEvent> touching(String code) {
        return events.stream().filter(e -> e.codes().contains(code)).toList();
    }
}
