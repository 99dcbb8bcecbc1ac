package cn.civgeo.common;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Problem texts in the user's language. The code writes its messages in English; {@code messages/problems.tsv}
 * holds each message's stable key and its Chinese text (rules matching the whole English text) and
 * {@code messages/fields-zh.tsv} the Chinese names of the fields. The key goes out with every answer
 * ({@code errors[].key}, {@code detailKey}) in either language, so clients switch on it, not on the text. The language is the request's {@code Accept-Language}: Chinese when it prefers
 * {@code zh} over {@code en}, English otherwise (other systems that send nothing keep the English texts they parse).
 */
public final class ProblemTexts {
    /** The languages problem texts are answered in. */
    public enum Lang { EN, ZH }

    private record Rule(String key, Pattern pattern, String template) {}

    /** The key of the rule whose key is that of the text in its first group (the row suffix of imports). */
    private static final String KEY_OF_GROUP_1 = "=1";

    private static final List<Rule> RULES = loadRules("messages/problems.tsv");
    private static final Map<String, String> FIELDS = loadFields("messages/fields-zh.tsv");
    private static final Pattern GROUP = Pattern.compile("\\$([tf]?)(\\d)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private ProblemTexts() {}

    /** The language of the current request (English outside a request, e.g. in a background job). */
    public static Lang requestLang() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes sra) {
            return lang(sra.getRequest());
        }
        return Lang.EN;
    }

    public static Lang lang(HttpServletRequest req) {
        return lang(req.getHeader("Accept-Language"));
    }

    /** Chinese when the first of zh/en in the header's preference order is zh. */
    public static Lang lang(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return Lang.EN;
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = r.getRange().toLowerCase(Locale.ROOT);
                if (r.getWeight() <= 0) continue;
                if (tag.equals("zh") || tag.startsWith("zh-")) return Lang.ZH;
                if (tag.equals("en") || tag.startsWith("en-")) return Lang.EN;
            }
        } catch (IllegalArgumentException malformed) {
            return Lang.EN;
        }
        return Lang.EN;
    }

    /** The Chinese text of an English message, or the message unchanged when no rule knows it. */
    public static String zh(String english) {
        String out = translate(english, 0);
        return out == null ? english : out;
    }

    /**
     * The stable key of a message (the key of the first rule matching it, see {@code messages/problems.tsv}), or null
     * when no rule knows it.
     */
    public static String key(String english) {
        return key(english, 0);
    }

    private static String key(String english, int depth) {
        if (english == null || depth > 3) return null;
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(english);
            if (!m.matches()) continue;
            return KEY_OF_GROUP_1.equals(r.key) ? key(m.group(1), depth + 1) : r.key;
        }
        return null;
    }

    /** Every rule's key in the bundle's order (the row rule's "=1" left out). */
    public static List<String> keys() {
        return RULES.stream().map(Rule::key).filter(k -> !KEY_OF_GROUP_1.equals(k)).toList();
    }

    /** Whether a rule knows the message (used by the test that every constant message has a Chinese text). */
    public static boolean knows(String english) {
        return translate(english, 0) != null;
    }

    private static String translate(String english, int depth) {
        if (english == null || depth > 3) return null;
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(english);
            if (!m.matches()) continue;
            Matcher g = GROUP.matcher(r.template);
            StringBuilder sb = new StringBuilder();
            while (g.find()) {
                int n = Integer.parseInt(g.group(2));
                String value = n <= m.groupCount() && m.group(n) != null ? m.group(n) : "";
                String replaced = switch (g.group(1)) {
                    case "t" -> { String t = translate(value, depth + 1); yield t == null ? value : t; }
                    case "f" -> label(value);
                    default -> value;
                };
                g.appendReplacement(sb, Matcher.quoteReplacement(replaced));
            }
            g.appendTail(sb);
            return sb.toString();
        }
        return null;
    }

    /** "markers[0].zone" → "第1项 带号"; a field without a Chinese name keeps its API name. */
    public static String label(String field) {
        if (field == null || field.isEmpty()) return field;
        String[] parts = field.split("\\.");
        String last = INDEX.matcher(parts[parts.length - 1]).replaceAll("");
        String name = FIELDS.getOrDefault(last, last);
        Matcher idx = INDEX.matcher(field);
        return idx.find() ? "第" + (Integer.parseInt(idx.group(1)) + 1) + "项 " + name : name;
    }

    /** The errors in Chinese, each with the Chinese {@code label} of its field and the key of its message. */
    public static List<FieldProblem> zh(List<FieldProblem> errors) {
        List<FieldProblem> out = new ArrayList<>(errors.size());
        for (FieldProblem e : errors) out.add(localize(e, Lang.ZH));
        return out;
    }

    /**
     * One error as answered in the language: its message's key added (kept when it has one), and in Chinese its
     * message translated and its field labelled. An error that already has a key is answered as it is.
     */
    public static FieldProblem localize(FieldProblem e, Lang lang) {
        if (e.key() != null) return e;
        String key = key(e.message());
        if (lang != Lang.ZH) return new FieldProblem(e.field(), e.message(), e.row(), e.label(), key);
        return new FieldProblem(e.field(), zh(e.message()), e.row(), label(e.field()), key);
    }

    /** The Chinese summary of field errors: the one error, or how many and which. */
    public static String zhSummary(List<FieldProblem> zhErrors) {
        if (zhErrors.size() == 1) {
            FieldProblem e = zhErrors.get(0);
            return (e.row() != null ? "第 " + e.row() + " 行 " : "") + (e.label() == null ? "" : e.label() + "：") + e.message();
        }
        List<String> names = new ArrayList<>();
        for (FieldProblem e : zhErrors) {
            String n = e.row() != null ? "第 " + e.row() + " 行" + (e.label() == null ? "" : " " + e.label()) : e.label();
            if (n != null && !names.contains(n)) names.add(n);
        }
        return zhErrors.size() + " 项有误" + (names.isEmpty() ? "" : "：" + String.join("、", names));
    }

    /**
     * A problem detail stored as JSON while no request was there to ask (a job's failure): in Chinese when the
     * current request prefers it, as stored otherwise.
     */
    public static tools.jackson.databind.JsonNode localized(tools.jackson.databind.JsonNode problem) {
        if (requestLang() != Lang.ZH || !(problem instanceof tools.jackson.databind.node.ObjectNode stored)) return problem;
        tools.jackson.databind.node.ObjectNode p = stored.deepCopy();
        for (ProblemType t : ProblemType.values()) {
            if (t.type().toString().equals(p.path("type").asString(""))) p.put("title", t.titleZh());
        }
        List<FieldProblem> errors = new ArrayList<>();
        if (p.get("errors") instanceof tools.jackson.databind.node.ArrayNode list) {
            for (tools.jackson.databind.JsonNode e : list) {
                String field = e.hasNonNull("field") ? e.get("field").asString() : null;
                Integer row = e.hasNonNull("row") ? e.get("row").asInt() : null;
                String message = e.path("message").asString("");
                String key = e.hasNonNull("key") ? e.get("key").asString() : key(message);
                errors.add(new FieldProblem(field, zh(message), row, label(field), key));
                if (e instanceof tools.jackson.databind.node.ObjectNode o) {
                    o.put("message", zh(message));
                    if (field != null) o.put("label", label(field));
                    if (key != null) o.put("key", key);
                }
            }
        }
        if (!errors.isEmpty()) p.put("detail", zhSummary(errors));
        else if (p.hasNonNull("detail")) p.put("detail", zh(p.get("detail").asString()));
        return p;
    }

    /**
     * A job's stored answer (written while no request was there to ask, so in English) as the current request reads
     * it: in Chinese when it prefers it, every error under an {@code errors} array (a report's rejected rows) with its
     * message translated, its field labelled and its key; as stored otherwise.
     */
    public static tools.jackson.databind.JsonNode localizedErrors(tools.jackson.databind.JsonNode stored) {
        if (stored == null || requestLang() != Lang.ZH || !stored.isContainer()) return stored;
        tools.jackson.databind.JsonNode copy = stored.deepCopy();
        localizeErrorsIn(copy, 0);
        return copy;
    }

    private static void localizeErrorsIn(tools.jackson.databind.JsonNode node, int depth) {
        if (depth > 12) return;
        if (node instanceof tools.jackson.databind.node.ObjectNode o) {
            for (var e : o.properties()) {
                if (e.getKey().equals("errors") && e.getValue() instanceof tools.jackson.databind.node.ArrayNode list) {
                    for (tools.jackson.databind.JsonNode err : list) {
                        if (!(err instanceof tools.jackson.databind.node.ObjectNode x) || !x.hasNonNull("message")) continue;
                        String message = x.get("message").asString();
                        String field = x.hasNonNull("field") ? x.get("field").asString() : null;
                        if (!x.hasNonNull("key") && key(message) != null) x.put("key", key(message));
                        x.put("message", zh(message));
                        if (field != null) x.put("label", label(field));
                    }
                } else {
                    localizeErrorsIn(e.getValue(), depth + 1);
                }
            }
        } else if (node instanceof tools.jackson.databind.node.ArrayNode a) {
            for (tools.jackson.databind.JsonNode x : a) localizeErrorsIn(x, depth + 1);
        }
    }

    private static List<Rule> loadRules(String resource) {
        List<Rule> rules = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String[] cols : lines(resource, 3)) {
            if (!KEY_OF_GROUP_1.equals(cols[0]) && !seen.add(cols[0])) {
                throw new IllegalStateException(resource + ": key " + cols[0] + " is used twice");
            }
            rules.add(new Rule(cols[0], Pattern.compile(cols[1], Pattern.DOTALL), cols[2]));
        }
        return List.copyOf(rules);
    }

    private static Map<String, String> loadFields(String resource) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] cols : lines(resource, 2)) m.put(cols[0], cols[1]);
        return Map.copyOf(m);
    }

    private static List<String[]> lines(String resource, int columns) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = ProblemTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t", -1);
                if (cols.length != columns || java.util.Arrays.stream(cols).anyMatch(String::isEmpty)) {
                    throw new IllegalStateException(resource + " line " + n + ": expected " + columns + " tab-separated columns");
                }
                out.add(cols);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
