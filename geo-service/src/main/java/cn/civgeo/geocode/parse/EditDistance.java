package cn.civgeo.geocode.parse;

import java.util.function.BiPredicate;

/**
 * Levenshtein distance in half edits: insertion, deletion and substitution cost 2, a substitution by a homophone
 * (same toneless pinyin, the most common typo of pinyin input methods) costs 1.
 */
public final class EditDistance {
    private EditDistance() {}

    /** Distance in half edits, or {@code max + 1} as soon as it must exceed {@code max}. */
    public static int halfEdits(CharSequence a, CharSequence b, int max, BiPredicate<Character, Character> homophone) {
        int n = a.length(), m = b.length();
        if (Math.abs(n - m) * 2 > max) return max + 1;
        int[] prev = new int[m + 1], cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = 2 * j;
        for (int i = 1; i <= n; i++) {
            cur[0] = 2 * i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int sub = ca == cb ? 0 : homophone.test(ca, cb) ? 1 : 2;
                cur[j] = Math.min(Math.min(prev[j] + 2, cur[j - 1] + 2), prev[j - 1] + sub);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) return max + 1;
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[m];
    }
}
