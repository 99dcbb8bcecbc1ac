package cn.civgeo.geocode.parse;

/**
 * Address text after normalisation, with a map back to the caller's text: {@code origin[i]} is the index in the
 * original string of normalised character {@code i}; {@code origin[text.length()]} is the original length.
 * Noise (phone numbers, 附近, brackets, ...) is blanked to spaces, so it separates names but keeps offsets.
 */
record Normalized(String original, String text, int[] origin) {

    /** Start offset in the original text of the normalised range [start, end). */
    public int originalStart(int start) { return origin[start]; }

    /** End offset (exclusive) in the original text of the normalised range [start, end). */
    public int originalEnd(int end) { return end == 0 ? 0 : origin[end - 1] + spanOf(end - 1); }

    private int spanOf(int i) { return Math.max(1, origin[i + 1] - origin[i]); }

    /** The original characters behind the normalised range [start, end). */
    public String originalText(int start, int end) { return original.substring(originalStart(start), originalEnd(end)); }
}
