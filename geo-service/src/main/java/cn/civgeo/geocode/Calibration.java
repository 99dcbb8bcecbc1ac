package cn.civgeo.geocode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Confidence calibration per answer kind: the step table {@code geocode/calibration.csv} that
 * scripts/bench/geocode_calibrate.py fits on the gold set (isotonic steps, each the Wilson lower bound of its observed
 * accuracy). A kind without steps keeps the parser's raw confidence.
 */
@Component
class Calibration {
    private record Step(double rawMin, double rawMax, double confidence) {}

    /**
     * The most a fitted step may raise a raw confidence. Isotonic steps pool sparse low raw values with the dense high
     * ones (0.50..0.99 all right in the gold set), which would lift an unseen poor answer at raw 0.5 to 0.99; the bound
     * keeps the fit where the data are dense and lets it correct under-confidence by at most this much elsewhere.
     */
    static final double MAX_RAISE = 0.2;

    private final Map<String, List<Step>> steps = new HashMap<>();

    Calibration() {
        ClassPathResource r = new ClassPathResource("geocode/calibration.csv");
        if (!r.exists()) return;
        try (InputStream in = r.getInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("kind,")) continue;
                String[] f = l.split(",");
                steps.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Step(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
        } catch (IOException e) {
            throw new IllegalStateException("geocode/calibration.csv is unreadable", e);
        }
        steps.values().forEach(l -> l.sort(java.util.Comparator.comparingDouble(Step::rawMax)));
    }

    /**
     * The calibrated confidence of a raw confidence for an answer kind: the step's value inside a step, the line between
     * two steps in the gap the gold set left between them (never a jump to a high value on no evidence), below the
     * first step the smaller of raw and its value, above the last step its value; never more than {@link #MAX_RAISE}
     * above raw.
     */
    double apply(String kind, double raw) {
        return Math.min(fitted(kind, raw), raw + MAX_RAISE);
    }

    private double fitted(String kind, double raw) {
        List<Step> l = steps.get(kind);
        if (l == null || l.isEmpty()) return raw;
        Step first = l.get(0);
        if (raw < first.rawMin()) return Math.min(raw, first.confidence());
        for (int i = 0; i < l.size(); i++) {
            Step s = l.get(i);
            if (raw <= s.rawMax() + 1e-9) {
                if (raw >= s.rawMin() - 1e-9 || i == 0) return s.confidence();
                Step p = l.get(i - 1);
                double t = (raw - p.rawMax()) / Math.max(1e-9, s.rawMin() - p.rawMax());
                return p.confidence() + t * (s.confidence() - p.confidence());
            }
        }
        return l.get(l.size() - 1).confidence();
    }

    /**
     * The kind of an answer: its match level (doorplate for any standard address) and the strongest evidence that
     * qualifies it: pinyin, bias (area bias), typo, former, unknown (an unknown division name in the text), nationwide (road
     * searched nationwide without any division), else plain.
     */
    static String kind(String matchLevel, List<String> notes) {
        String level = switch (matchLevel) {
            case "doorplate", "building", "unit", "room" -> "doorplate";
            default -> matchLevel;
        };
        String evidence = "plain";
        for (String[] e : new String[][]{{"pinyin", "pinyin:"}, {"bias", "area bias"}, {"typo", "typo:"},
                {"former", "former name"}, {"former", "abolished"}, {"unknown", "unknown division name"},
                {"nationwide", "road searched nationwide"}}) {
            if (notes.stream().anyMatch(n -> n.startsWith(e[1]))) { evidence = e[0]; break; }
        }
        return level + ":" + evidence;
    }
}
