package cn.civgeo.placename;

import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import cn.civgeo.placename.pinyin.PlaceNameRomanizer;
import cn.civgeo.placename.rules.Finding;
import cn.civgeo.placename.rules.NameRule;
import cn.civgeo.placename.rules.NameRules;
import cn.civgeo.placename.rules.PlaceCategories;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the 大/洋/怪/重 rules ({@link NameRules}) for one proposed name, or as a batch scan of the registry. This
 * service decides the scope of uniqueness (domain.md §3, {@link PlaceCategories#scopePrefix}), which names are
 * compared (current names of live records in the same category group, and the division registry for division
 * categories) and which exemptions apply ({@code place_name_exemption}).
 */
@Service
public class NameCheckService {
    private final NameCheckRepository repo;
    private final NameRules rules;
    private final PlaceNameRomanizer romanizer;
    private final DivisionService divisions;

    public NameCheckService(NameCheckRepository repo, NameRules rules, PlaceNameRomanizer romanizer, DivisionService divisions) {
        this.repo = repo;
        this.rules = rules;
        this.romanizer = romanizer;
        this.divisions = divisions;
    }

    /** Findings for a name about to be proposed or renamed; {@code excludeId} is the record itself (or null). */
    @Transactional(readOnly = true)
    public List<Finding> check(String name, String category, String divisionCode, Double lengthM, Long excludeId) {
        List<String> prefixes = prefixes(divisionCode, new HashMap<>());
        List<NameRules.Other> others = others(name, category, divisionCode, excludeId, prefixes);
        return rules.check(new NameRules.Subject(name, category, lengthM), others, prefixes, exemptions(name));
    }

    /**
     * The 重 rule for two given names of one category that will share the scope of {@code divisionCode}: true when
     * they are duplicates (same characters once the division-chain prefix and 新/大 are set aside) or homophones
     * (same toneless pinyin). Used by division adjustments to find names that become duplicates in a new scope.
     */
    public boolean duplicates(String a, String b, String category, String divisionCode) {
        if (a == null || b == null) return false;
        List<String> prefixes = prefixes(divisionCode, new HashMap<>());
        boolean specificOnly = PlaceCategories.comparesSpecificOnly(category);
        String key = rules.key(a, prefixes, specificOnly);
        return matches(b, prefixes, specificOnly, key, romanizer.toneless(key));
    }

    /** The division-code prefix within which a name of this category must be unique (domain.md §3). */
    public static String scopeOf(String category, String divisionCode) { return PlaceCategories.scopePrefix(category, divisionCode); }

    /** Whether two categories are compared with each other for duplicates. */
    public static boolean comparedTogether(String a, String b) { return PlaceCategories.sameGroup(a, b); }

    /** Names of the division chain that may precede a name without making it different (福建省, 福建, 厦门市, 厦门 …). */
    List<String> prefixes(String divisionCode, Map<String, List<String>> cache) {
        if (divisionCode == null || divisionCode.isBlank()) return List.of();
        return cache.computeIfAbsent(divisionCode, code -> {
            Set<String> out = new LinkedHashSet<>();
            try {
                for (Division d : divisions.chain(code, null)) {
                    if (d.level() > 4) continue;
                    out.add(d.name());
                    if (d.shortName() != null) out.add(d.shortName());
                }
            } catch (RuntimeException e) {
                // unknown division: no prefixes
            }
            List<String> l = new ArrayList<>(out);
            l.sort(Comparator.comparingInt(String::length).reversed());
            return l;
        });
    }

    private List<NameRules.Other> others(String name, String category, String divisionCode, Long excludeId, List<String> prefixes) {
        String scope = PlaceCategories.scopePrefix(category, divisionCode);
        boolean specificOnly = PlaceCategories.comparesSpecificOnly(category);
        String key = rules.key(name, prefixes, specificOnly);
        String sound = romanizer.toneless(key);
        List<NameRules.Other> out = new ArrayList<>();
        if (PlaceCategories.isDivision(category)) {
            int level = switch (category) {
                case PlaceCategories.PROVINCE -> 1; case PlaceCategories.PREFECTURE -> 2; case PlaceCategories.COUNTY -> 3;
                case PlaceCategories.TOWNSHIP -> 4; default -> 5; };
            // Read-only look at the division registry: division names are place names too.
            repo.divisionNames(level, scope, divisionCode)
                    .stream().filter(o -> matches(o.name(), prefixes, specificOnly, key, sound)).forEach(out::add);
            return out;
        }
        String group = PlaceCategories.STREET_GROUP.contains(category)
                ? " and category_code in ('2410','2420','2520','2530','2540')" : " and left(category_code, 2) = left(:cat, 2)";
        repo.placeNames(scope, excludeId, category, group)
                .stream().filter(o -> matches(o.name(), prefixes, specificOnly, key, sound)).forEach(out::add);
        return out;
    }

    private boolean matches(String other, List<String> prefixes, boolean specificOnly, String key, String sound) {
        String k = rules.key(other, prefixes, specificOnly);
        return k.equals(key) || romanizer.toneless(k).equals(sound);
    }

    Map<NameRule, String> exemptions(String name) {
        return repo.exemptions(name);
    }

    /** One flagged record of a scan. */
    public record Flagged(long id, String code, String name, String categoryCode, String divisionCode, List<Finding> findings) {}

    /** A batch scan: how many names were checked, those with findings, and how many findings were exempted. */
    public record ScanResult(int scanned, int flaggedCount, int exemptedFindings, List<Flagged> flagged) {}

    /**
     * Scans the live, current names of the registry (optionally those within one division) with every rule.
     * Duplicates are found by grouping on the comparison key and the toneless pinyin within each scope, so the
     * scan is linear in the number of names.
     */
    @Transactional(readOnly = true)
    public ScanResult scan(String divisionPrefix) {
        List<NameCheckRepository.ScanRow> rows = repo.liveNames(divisionPrefix);
        Map<String, List<String>> prefixCache = new HashMap<>();
        Map<String, List<NameCheckRepository.ScanRow>> byKey = new HashMap<>();
        Map<Long, String[]> keys = new HashMap<>();
        for (NameCheckRepository.ScanRow r : rows) {
            boolean specificOnly = PlaceCategories.comparesSpecificOnly(r.category());
            String key = rules.key(r.name(), prefixes(r.division(), prefixCache), specificOnly);
            String sound = romanizer.toneless(key);
            String scope = PlaceCategories.scopePrefix(r.category(), r.division()) + "|" + groupOf(r.category());
            keys.put(r.id(), new String[] {scope + "|k|" + key, scope + "|s|" + sound});
            byKey.computeIfAbsent(scope + "|k|" + key, k -> new ArrayList<>()).add(r);
            byKey.computeIfAbsent(scope + "|s|" + sound, k -> new ArrayList<>()).add(r);
        }
        Map<String, Map<NameRule, String>> exemptionsByName = repo.allExemptions();
        List<Flagged> flagged = new ArrayList<>();
        int exempted = 0;
        for (NameCheckRepository.ScanRow r : rows) {
            Set<NameRules.Other> others = new LinkedHashSet<>();
            for (String k : keys.get(r.id())) {
                for (NameCheckRepository.ScanRow o : byKey.get(k)) if (o.id() != r.id()) others.add(new NameRules.Other(o.name(), o.code() == null ? "id " + o.id() : o.code()));
            }
            List<Finding> all = rules.check(new NameRules.Subject(r.name(), r.category(), r.length()), others,
                    prefixes(r.division(), prefixCache), exemptionsByName.getOrDefault(r.name(), Map.of()));
            List<Finding> open = all.stream().filter(f -> !f.exempted()).toList();
            exempted += all.size() - open.size();
            if (!open.isEmpty()) flagged.add(new Flagged(r.id(), r.code(), r.name(), r.category(), r.division(), open));
        }
        return new ScanResult(rows.size(), flagged.size(), exempted, flagged);
    }

    private static String groupOf(String category) {
        if (PlaceCategories.STREET_GROUP.contains(category)) return "street";
        if (PlaceCategories.isDivision(category)) return category;
        return category.substring(0, 2);
    }
}
