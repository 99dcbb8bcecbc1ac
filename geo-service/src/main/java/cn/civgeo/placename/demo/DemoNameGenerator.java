package cn.civgeo.placename.demo;

import cn.civgeo.placename.pinyin.PlaceNameRomanizer;
import cn.civgeo.placename.rules.NameRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic two-character specific parts for demo names (松林, 桂园 …) that pass every naming rule: no two
 * sound alike, none starts with a division name of the city (which the 重 check strips as a prefix), none
 * triggers 大/洋/怪 with the generics it will be used with. Same seed, same sequence.
 */
final class DemoNameGenerator {
    private static final String FIRST = "松柏梅兰竹菊桃杏枫槐桂莲荷芙蓉榕樟棠桐杨柳银金玉翠碧青丹紫霞云霄星月晴春秋明华文德仁礼智信康宁福寿禄祥瑞和泰乐嘉禾湖溪泉滨湾港岭峰岩石林田洲沙鹭凤麟龙虹彩锦绣汇源盛丰";
    private static final String SECOND = "林园亭苑溪泉岭湖滨山阳光源池塘岩坊兴盛荣昌隆丰和平安华明辉湾洲浦江潭峰川桥台宁康福祥瑞泰乐嘉禾香秀雅韵景";
    /** Reserved for the seeded non-standard names; never generated. */
    private static final String RESERVED = "沿延槐荫环球曼哈顿克拉景名";

    private final List<String> pool = new ArrayList<>();
    private final Set<String> usedSounds = new HashSet<>();
    private final PlaceNameRomanizer romanizer;
    private final NameRules rules;
    private int next;

    DemoNameGenerator(PlaceNameRomanizer romanizer, NameRules rules, Collection<String> divisionPrefixes, long seed) {
        this.romanizer = romanizer;
        this.rules = rules;
        List<String> candidates = new ArrayList<>();
        for (char a : FIRST.toCharArray()) {
            for (char b : SECOND.toCharArray()) {
                if (a == b || RESERVED.indexOf(a) >= 0 || RESERVED.indexOf(b) >= 0) continue;
                String s = "" + a + b;
                if (divisionPrefixes.stream().anyMatch(p -> p.startsWith(s) || s.startsWith(p))) continue;
                candidates.add(s);
            }
        }
        java.util.Collections.shuffle(candidates, new Random(seed));
        pool.addAll(candidates);
    }

    /** The next specific part usable with all of {@code generics} (e.g. 路, 东路, 西路) in {@code category}. */
    String next(String category, List<String> generics) {
        while (next < pool.size()) {
            String s = pool.get(next++);
            String sound = romanizer.toneless(s);
            if (usedSounds.contains(sound)) continue;
            boolean clean = generics.stream().allMatch(g ->
                    rules.check(new NameRules.Subject(s + g, category, 5000.0), List.of(), List.of(), Map.of()).isEmpty());
            if (!clean) continue;
            usedSounds.add(sound);
            return s;
        }
        throw new IllegalStateException("demo name pool exhausted after " + pool.size() + " candidates");
    }
}
