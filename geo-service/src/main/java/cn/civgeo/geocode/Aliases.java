package cn.civgeo.geocode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The curated aliases and former names: {@code geocode/aliases.csv} (city nicknames) and {@code geocode/former-names.csv}
 * (abolished, merged and renamed units at every level with their successor, year and source).
 */
@Component
class Aliases {
    record Entry(String code, String alias, boolean former) {}

    /** One row of the former-names table. */
    record FormerName(String code, String name, String successor, String year, String source) {}

    private final List<Entry> entries;
    private final List<FormerName> formerNames;

    Aliases() {
        List<Entry> out = new ArrayList<>();
        List<FormerName> former = new ArrayList<>();
        for (String[] f : rows("geocode/former-names.csv")) {
            if (f.length < 5) throw new IllegalStateException("geocode/former-names.csv: bad row " + String.join(",", f));
            former.add(new FormerName(f[0], f[1], f[2], f[3], f[4]));
            out.add(new Entry(f[0], f[1], true));
        }
        formerNames = List.copyOf(former);
        for (String[] f : rows("geocode/aliases.csv")) {
            if (f.length >= 2) out.add(new Entry(f[0], f[1], f.length > 2 && "former".equals(f[2])));
        }
        entries = List.copyOf(out);
    }

    List<Entry> entries() { return entries; }

    List<FormerName> formerNames() { return formerNames; }

    private static List<String[]> rows(String resource) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("code,")) continue;
                String[] f = l.split(",");
                for (int i = 0; i < f.length; i++) f[i] = f[i].strip();
                out.add(f);
            }
        } catch (IOException e) {
            throw new IllegalStateException(resource + " is missing from the class path", e);
        }
        return out;
    }
}
