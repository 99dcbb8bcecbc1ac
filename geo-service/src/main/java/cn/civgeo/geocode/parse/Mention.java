package cn.civgeo.geocode.parse;

/**
 * A stretch [start, end) of normalised text that names division {@code unit}. {@code form} says how; {@code edits}
 * is the edit distance of a typo match (0 otherwise, in half edits: a homophone substitution costs 1, other edits 2);
 * {@code writtenAs} is the unit actually named when it differs (an abolished unit resolved to its successor), else -1.
 */
record Mention(int start, int end, int unit, Gazetteer.Form form, int edits, int writtenAs) {

    int length() { return end - start; }

    boolean overlaps(Mention o) { return start < o.end && o.start < end; }

    /** How much this mention explains: characters, discounted for weaker forms. */
    double weight(Gazetteer g) {
        // Forms other than the full name count a little less, and a little less again the lower the level: "淮安"
        // names 淮安市 rather than its 淮安区, "申藏" the town rather than the village named after it.
        int level = g.level(unit);
        double f = switch (form) {
            case FULL -> 1.0;
            case SHORT -> 0.97 - 0.01 * level;
            case ALIAS -> 0.96 - 0.01 * level;
            case FORMER -> 0.92 - 0.01 * level;
        };
        return length() * f - 0.45 * edits;
    }

    boolean fuzzy() { return edits > 0; }
}
