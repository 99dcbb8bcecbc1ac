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
        double f = switch (form) {
            case FULL -> 1.0;
            case SHORT -> g.level(unit) <= 3 ? 0.95 : 0.9;
            case ALIAS -> 0.95;
            case FORMER -> 0.9;
        };
        return length() * f - 0.45 * edits;
    }

    boolean fuzzy() { return edits > 0; }
}
