package cn.civgeo.placename.rules;

import java.util.List;

/**
 * One problem with a name: which rule ({@code rule}, its Chinese label), the kind within the rule ({@code check},
 * e.g. "exaggerated-word", "homophone"), the words that triggered it, the other names involved (for duplicates:
 * "name (code)"), a human reason and how to fix it. {@code exemptReason} is set when an exemption covers it.
 */
public record Finding(NameRule rule, String label, String check, List<String> triggers, List<String> others,
                      String reason, String fix, String exemptReason) {
    public Finding {
        triggers = List.copyOf(triggers);
        others = List.copyOf(others);
    }

    static Finding of(NameRule rule, String check, List<String> triggers, List<String> others, String reason, String fix) {
        return new Finding(rule, rule.label(), check, triggers, others, reason, fix, null);
    }

    public Finding exempt(String why) { return new Finding(rule, label, check, triggers, others, reason, fix, why); }

    public boolean exempted() { return exemptReason != null; }
}
