package cn.civgeo.common.io;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF line ends. */
public final class CsvParser {
    private CsvParser() {}

    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
                continue;
            }
            switch (ch) {
                case '"' -> { quoted = true; any = true; }
                case ',' -> { rec.add(field.toString()); field.setLength(0); any = true; }
                case '\r' -> { }
                case '\n' -> {
                    rec.add(field.toString());
                    records.add(rec);
                    rec = new ArrayList<>();
                    field.setLength(0);
                    any = false;
                }
                default -> { field.append(ch); any = true; }
            }
        }
        if (any || field.length() > 0 || !rec.isEmpty()) {
            rec.add(field.toString());
            records.add(rec);
        }
        return records;
    }

    static String line(List<?> values) { return SafeCells.csvLine(values); }
}
