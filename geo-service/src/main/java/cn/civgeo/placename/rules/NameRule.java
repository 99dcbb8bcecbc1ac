package cn.civgeo.placename.rules;

/** The four kinds of non-standard name of domain.md §3 (地名"大、洋、怪、重"). */
public enum NameRule {
    /** 大: exaggerated words, or a generic term above the thing's rank. */
    EXAGGERATED("大"),
    /** 洋: foreign person or place names and their transliterations. */
    FOREIGN("洋"),
    /** 怪: numeric specific parts, digit–character mixes, separators, Latin letters, vulgar or feudal words, rare characters. */
    BIZARRE("怪"),
    /** 重: the same name or a homophone within the scope that must be unique. */
    DUPLICATE("重");

    private final String label;

    NameRule(String label) { this.label = label; }

    public String label() { return label; }

    public static NameRule parse(String s) {
        if (s == null) throw new IllegalArgumentException("rule is required");
        for (NameRule r : values()) if (r.name().equalsIgnoreCase(s.strip()) || r.label.equals(s.strip())) return r;
        throw new IllegalArgumentException("unknown rule " + s + " (EXAGGERATED/大, FOREIGN/洋, BIZARRE/怪, DUPLICATE/重)");
    }
}
