package cn.civgeo.placename.pinyin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceNameRomanizerTest {
    private final PlaceNameRomanizer r = PlaceNameRomanizer.standard();

    /** Published spellings (民政部 division list, GB/T 16159-2012 examples, well-known places). */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            厦门|Xiamen
            厦门市|Xiamen Shi
            六安|Lu'an
            六安市|Lu'an Shi
            蚌埠|Bengbu
            蚌埠市|Bengbu Shi
            丽水市|Lishui Shi
            重庆市|Chongqing Shi
            长沙市|Changsha Shi
            乐清市|Yueqing Shi
            西安市|Xi'an Shi
            太行山|Taihang Shan
            周口店|Zhoukoudian
            北京市|Beijing Shi
            河北省|Hebei Sheng
            鸭绿江|Yalu Jiang
            泰山|Tai Shan
            洞庭湖|Dongting Hu
            台湾海峡|Taiwan Haixia
            西辽河|Xiliao He
            景山后街|Jingshan Houjie
            楚雄彝族自治州|Chuxiong Yizu Zizhizhou
            湘西土家族苗族自治州|Xiangxi Tujiazu Miaozu Zizhizhou
            广西壮族自治区|Guangxi Zhuangzu Zizhiqu
            西藏自治区|Xizang Zizhiqu
            新疆维吾尔自治区|Xinjiang Uygur Zizhiqu
            内蒙古自治区|Nei Mongol Zizhiqu
            黑龙江省|Heilongjiang Sheng
            景德镇|Jingdezhen
            陕西省|Shaanxi Sheng
            山西省|Shanxi Sheng
            番禺区|Panyu Qu
            哈尔滨市|Ha'erbin Shi
            吕梁市|Lüliang Shi
            思明区|Siming Qu
            湖里区|Huli Qu
            集美区|Jimei Qu
            海沧区|Haicang Qu
            同安区|Tong'an Qu
            翔安区|Xiang'an Qu
            鼓浪屿|Gulangyu
            天安门广场|Tian'anmen Guangchang
            湖滨南路|Hubin Nanlu
            厦禾路|Xiahe Lu
            中山公园|Zhongshan Gongyuan
            东莞市|Dongguan Shi
            济南市|Jinan Shi
            成都市|Chengdu Shi
            石家庄市|Shijiazhuang Shi
            呼和浩特市|Huhehaote Shi
            乌鲁木齐市|Wulumuqi Shi
            曲阜市|Qufu Shi
            洪洞县|Hongtong Xian
            歙县|She Xian
            单县|Shan Xian
            天台县|Tiantai Xian
            台州市|Taizhou Shi
            亳州市|Bozhou Shi
            大埔县|Dabu Xian
            长春市|Changchun Shi
            沈阳市|Shenyang Shi
            朝阳区|Chaoyang Qu
            厦门大学|Xiamen Daxue
            筼筜湖|Yundang Hu
            曾厝垵|Zengcuo'an
            长江|Chang Jiang
            黄河|Huang He
            珠江|Zhu Jiang
            峨眉山|Emei Shan
            鄱阳湖|Poyang Hu
            青海湖|Qinghai Hu
            莲前东路|Lianqian Donglu
            演武大桥|Yanwu Daqiao
            """)
    void spellsKnownPlaceNames(String name, String spelling) {
        assertThat(r.romanize(name).spelling()).isEqualTo(spelling);
    }

    @Test
    void splitsSpecificAndGeneric() {
        var x = r.romanize("太行山");
        assertThat(x.specific()).isEqualTo("太行");
        assertThat(x.generic()).isEqualTo("山");
        assertThat(r.romanize("周口店").generic()).isEmpty();
    }

    @Test
    void tonelessAndInitialsForSearch() {
        assertThat(r.toneless("厦门市")).isEqualTo("xiamenshi");
        assertThat(r.initials("厦门市")).isEqualTo("xms");
        assertThat(r.toneless("吕梁")).isEqualTo("lvliang");
        assertThat(r.toneless("沿河路")).isEqualTo(r.toneless("延河路")); // homophones share a key
        assertThat(r.searchKey("Xiàmén")).isEqualTo("xiamen");
        assertThat(r.searchKey("Xi'an")).isEqualTo("xian");
        assertThat(r.searchKey("Lüliang")).isEqualTo("lvliang");
        assertThat(r.searchKey("厦门")).isEqualTo("xiamen");
    }

    @Test
    void pronunciationCarriesToneMarks() {
        assertThat(r.romanize("厦门市").pronunciation()).isEqualTo("Xiàmén Shì");
        assertThat(r.romanize("西安").pronunciation()).isEqualTo("Xī'ān");
        assertThat(r.romanize("吕梁").pronunciation()).isEqualTo("Lǚliáng");
    }

    @Test
    void keepsLatinAndDigitsAsWritten() {
        assertThat(r.romanize("8哩岛").spelling()).isEqualTo("8li Dao");
        assertThat(r.toneless("24克拉")).isEqualTo("24kela");
    }
}
