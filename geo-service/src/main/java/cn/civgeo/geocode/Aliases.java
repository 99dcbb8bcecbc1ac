package cn.civgeo.geocode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The curated aliases and former names in {@code geocode/aliases.csv} (city nicknames, old names). */
@Component
class Aliases {
    record Entry(String code, String alias, boolean former) {}

    private final List<Entry> entries;

    Aliases() {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = new ClassPathResource("geocode/aliases.csv").getInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("code,")) continue;
                String[] f = l.split(",");
                if (f.length >= 2) out.add(new Entry(f[0].strip(), f[1].strip(), f.length > 2 && "former".equals(f[2].strip())));
            }
        } catch (IOException e) {
            throw new IllegalStateException("geocode/aliases.csv is missing from the class path", e);
        }
        entries = List.copyOf(out);
    }

    List<Entry> entries() { return entries; }
}
