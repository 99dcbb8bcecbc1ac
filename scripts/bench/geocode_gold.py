#!/usr/bin/env python3
"""Gold set for the geocoding accuracy benchmark, drawn from the division registry in the database.

Reads every unit (code, name, level, parent) with psql, samples units at levels 2-5 (seeded, stratified) plus demo
city units, and writes one row per (unit, perturbation): clean, dropped (province/prefecture left out), short
(short forms), typo (one wrong character in a name of 3+ characters), numerals (a street part with Chinese
numerals and full-width digits after the divisions), noise (phone number, 附近, a bracketed remark), reordered
(levels written deepest first), plus 'unknown' rows that name no real place (the right answer is no confident one).
Then standard addresses of the demo city (doorplates), as 'a-' kinds: a-clean (the standard full address), a-dropped
(county, road and number only), a-short (short city and county forms), a-numerals (the number in Chinese numerals),
a-noise, a-typo (one wrong character in the road name), a-reordered (road and number first, then the divisions).
New classes (issue #20), each >= 50 rows from the registry, the curated former-names table and the demo addresses:
a-nodistrict (city + road + number, no district), a-bias (road + number alone, the city given as within=),
a-suffix (doorplates with 之一), a-unknown (a number the road lacks, or 之二 where only the plain number exists: the
right answer is the road or its division, never a doorplate), former (abolished/renamed units by their old name),
village-same (a village whose short name equals its township's: 坟台镇坟台), pinyin (prefecture + county in
pinyin or English, generated from the registry's pinyin; pinyin-hand: the 45 hand-romanised pairs), brackets (the address in 【】, [] or 「」), noise-dir (附近, 往东200米, 旁边, phone numbers),
homophone (one character of the deepest name replaced by a homophone).
Output: TSV on stdout: kind, gold_code (the division code; for 'a-' rows the address code), gold_level (6 for
addresses), doorplate (or empty), query, gold_division (the community code of an address row, else empty),
within (an area bias division code for the row, else empty).
"""
import os, random, re, subprocess, sys

SEED = int(os.environ.get("GOLD_SEED", "20261129"))
PER_LEVEL = int(os.environ.get("GOLD_PER_LEVEL", "100"))
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
SUFFIX = {1: ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"], 2: ["地区", "盟", "市"],
          3: ["区", "县", "市", "旗"], 4: ["街道", "镇", "乡"], 5: ["社区居委会", "社区居民委员会", "居委会", "村民委员会", "村委会"]}
CN = "零一二三四五六七八九"
RANDOM_HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研质"
UNKNOWN_PARTS = ["火星", "银河", "宇宙", "天空", "梦幻", "星辰", "云海", "月亮", "彩虹", "琉璃", "翡翠", "水晶"]


def psql(sql):
    cmd = [os.path.join(os.path.dirname(__file__), "..", "db.sh"), "psql", os.environ.get("CIVGEO_DB_NAME", "civgeo"),
           "-tAF", "\t", "-c", sql]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


ETHNIC = ("蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 "
          "佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 "
          "锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 "
          "赫哲族 门巴族 珞巴族 基诺族 各族 蒙古 哈萨克 柯尔克孜 锡伯 塔吉克").split()
ETHNIC_AUTONOMY = re.compile(r"^(.{2,}?)(?:" + "|".join(sorted(ETHNIC, key=len, reverse=True)) + r")+自治[县州旗]$")


def short(name, level):
    base = name.split("（")[0].split("(")[0]
    m = ETHNIC_AUTONOMY.match(base)
    if m:
        return m.group(1)
    if base.endswith("自治州") or base.endswith("自治县") or base.endswith("自治旗"):
        return None
    for s in SUFFIX.get(level, []):
        if base.endswith(s) and len(base) - len(s) >= 2:
            b = base[: -len(s)]
            if level == 5:
                return b + ("社区" if "居" in s or "社区" in s else "村")
            return b
    return None


def main():
    units = {}
    for line in psql("select code, name, level, coalesce(parent_code,'') from division where status='active'").splitlines():
        code, name, level, parent = line.split("\t")
        units[code] = (name, int(level), parent or None)
    rnd = random.Random(SEED)
    # Statistical placeholders (市辖区, 省直辖县级行政区划) are nobody's address: never gold answers.
    by_level = {l: [c for c, u in units.items() if u[1] == l and u[0] not in PLACEHOLDERS] for l in (2, 3, 4, 5)}
    sample = []
    for l in (2, 3, 4, 5):
        pool = sorted(by_level[l])
        sample += rnd.sample(pool, min(PER_LEVEL, len(pool)))
    demo = sorted(c for c in units if c.startswith("3502") and units[c][1] >= 3)
    sample += rnd.sample(demo, min(PER_LEVEL // 2, len(demo)))

    def chain(code):
        out = []
        while code:
            out.insert(0, code)
            code = units[code][2]
        return [c for c in out if units[c][0] not in PLACEHOLDERS]

    out = sys.stdout
    for code in sample:
        name, level, _ = units[code]
        ch = chain(code)
        names = [units[c][0] for c in ch]
        # A 直辖市 or a city without districts repeats its name: write it once, as people do.
        dedup = [n for i, n in enumerate(names) if i == 0 or n != names[i - 1]]
        clean = "".join(dedup)
        rows = [("clean", clean, "")]
        if len(ch) >= 3:
            keep = [units[c][0] for c in ch if units[c][1] >= 3] if rnd.random() < 0.5 else [units[c][0] for c in ch[1:]]
            rows.append(("dropped", "".join(keep), ""))
        sh = [short(units[c][0], units[c][1]) or units[c][0] for c in ch]
        rows.append(("short", "".join(n for i, n in enumerate(sh) if i == 0 or n != sh[i - 1]), ""))
        # typo: one character of the deepest name of 3+ characters, neither its first nor its generic suffix
        long_names = [i for i, n in enumerate(dedup) if len(n) >= 4]
        if long_names:
            i = long_names[-1]
            n = dedup[i]
            j = rnd.randrange(1, len(n) - 2) if len(n) > 3 else 1
            wrong = rnd.choice([c for c in RANDOM_HAN if c != n[j]])
            t = list(dedup)
            t[i] = n[:j] + wrong + n[j + 1:]
            rows.append(("typo", "".join(t), ""))
        num = rnd.randint(1, 199)
        cn = cn_number(num)
        rows.append(("numerals", clean + rnd.choice(["建设路", "中山路", "人民路", "解放路"]) + cn + "号" + to_fullwidth(str(rnd.randint(1, 9))) + "栋", str(num)))
        rows.append(("noise", "地址：" + clean + "（" + rnd.choice(["近地铁站", "菜市场旁", "学校对面"]) + "）附近 电话1" + str(rnd.randint(3, 9)) + "".join(str(rnd.randint(0, 9)) for _ in range(9)), ""))
        if len(dedup) >= 2:
            rows.append(("reordered", " ".join(reversed(dedup)), ""))
        for kind, q, door in rows:
            out.write(f"{kind}\t{code}\t{level}\t{door}\t{q}\n")
    for i in range(PER_LEVEL):
        a, b, c = rnd.sample(UNKNOWN_PARTS, 3)
        out.write(f"unknown\t\t0\t\t{a}市{b}区{c}路{rnd.randint(1, 300)}号\n")
    addresses(units, chain, rnd, out)
    new_classes(units, chain, rnd, out)


def addresses(units, chain, rnd, out):
    rows = psql("""select a.code, a.full_text, a.community_code, r.name, a.number from address a join place_name r on r.id = a.road_id
                    where a.status = 'active' and a.source = 'demo' and a.building is null and a.number_suffix is null
                    order by md5(a.code) limit %d""" % (PER_LEVEL * 2)).splitlines()
    for line in rows:
        code, full, community, road, number = line.split("\t")
        ch = chain(community)
        names = [units[c][0] for c in ch]
        county = next(units[c][0] for c in ch if units[c][1] == 3)
        street = road + number + "号"
        items = [("a-clean", full), ("a-dropped", county + street)]
        sh = [short(units[c][0], units[c][1]) or units[c][0] for c in ch if units[c][1] <= 3]
        items.append(("a-short", "".join(sh) + street))
        items.append(("a-numerals", full[: -len(number + "号")] + cn_number(int(number)) + "号"))
        items.append(("a-noise", "地址：" + full + "（" + rnd.choice(["近地铁站", "菜市场旁", "学校对面"]) + "）电话1"
                      + str(rnd.randint(3, 9)) + "".join(str(rnd.randint(0, 9)) for _ in range(9))))
        if len(road) >= 3:
            j = rnd.randrange(1, len(road) - 1)
            wrong = rnd.choice([c for c in RANDOM_HAN if c != road[j]])
            items.append(("a-typo", full.replace(road, road[:j] + wrong + road[j + 1:], 1)))
        items.append(("a-reordered", street + " " + " ".join(reversed([n for n in names if n not in PLACEHOLDERS][2:]))))
        for kind, q in items:
            out.write(f"{kind}\t{code}\t6\t{number}\t{q}\t{community}\n")


HOMOPHONES = ["州洲", "阳杨扬", "江姜", "河和合", "城成程", "新心欣", "华化", "林临琳", "湖胡", "龙隆", "兴星", "丰峰风",
              "泉全", "明鸣名", "源元园", "宁凝", "平萍坪", "东冬", "庄装", "桥乔", "溪西希", "山杉", "沙纱", "石时", "安鞍"]
PINYIN_NAMES = {  # prefecture, county: the readings as the places read them (厦门 Xiamen, not Shamen)
    ("厦门市", "思明区"): ["Xiamen Siming", "xiamen siming qu", "Siming District, Xiamen"],
    ("厦门市", "湖里区"): ["Xiamen Huli", "huli qu xiamen shi"], ("厦门市", "集美区"): ["Xiamen Jimei District"],
    ("厦门市", "海沧区"): ["Xiamen Haicang"], ("厦门市", "同安区"): ["Xiamen Tong'an", "xiamen tongan qu"],
    ("厦门市", "翔安区"): ["Xiamen Xiang'an District"],
    ("市辖区", "浦东新区"): ["shanghai pudong xinqu", "Shanghai Pudong New Area"], ("市辖区", "黄浦区"): ["Shanghai Huangpu District"],
    ("市辖区", "徐汇区"): ["shanghai xuhui"], ("市辖区", "静安区"): ["Shanghai Jing'an"],
    ("成都市", "武侯区"): ["Chengdu Wuhou District", "chengdu wuhou"], ("成都市", "锦江区"): ["Chengdu Jinjiang District"],
    ("成都市", "青羊区"): ["chengdu qingyang qu"], ("成都市", "郫都区"): ["Chengdu Pidu District"],
    ("武汉市", "江汉区"): ["Wuhan Jianghan District", "wuhan jianghan"], ("武汉市", "武昌区"): ["Wuhan Wuchang"],
    ("杭州市", "西湖区"): ["Hangzhou Xihu District"], ("杭州市", "余杭区"): ["hangzhou yuhang qu"],
    ("广州市", "天河区"): ["Guangzhou Tianhe District", "guangzhou tianhe"], ("广州市", "越秀区"): ["Guangzhou Yuexiu"],
    ("深圳市", "南山区"): ["Shenzhen Nanshan District", "shenzhen nanshan"], ("深圳市", "福田区"): ["Shenzhen Futian"],
    ("南京市", "鼓楼区"): ["Nanjing Gulou District"], ("南京市", "玄武区"): ["nanjing xuanwu qu"],
    ("西安市", "雁塔区"): ["Xi'an Yanta District", "xian yanta"], ("西安市", "碑林区"): ["Xi'an Beilin"],
    ("六安市", "金安区"): ["Lu'an Jin'an District", "luan jinan qu"], ("蚌埠市", "龙子湖区"): ["Bengbu Longzihu District"],
    ("丽水市", "莲都区"): ["Lishui Liandu District", "lishui liandu"], ("长沙市", "岳麓区"): ["Changsha Yuelu District"],
    ("重庆市", "渝中区"): [], ("郑州市", "金水区"): ["Zhengzhou Jinshui District"], ("济南市", "历下区"): ["Jinan Lixia District"],
    ("青岛市", "市南区"): ["Qingdao Shinan District"], ("沈阳市", "和平区"): ["Shenyang Heping District"],
    ("昆明市", "五华区"): ["Kunming Wuhua District"], ("福州市", "鼓楼区"): ["Fuzhou Gulou District"],
    ("苏州市", "姑苏区"): ["Suzhou Gusu District", "suzhou gusu qu"], ("宁波市", "鄞州区"): ["Ningbo Yinzhou District"],
    ("泉州市", "鲤城区"): ["Quanzhou Licheng District"], ("漳州市", "芗城区"): ["Zhangzhou Xiangcheng District"],
    ("哈尔滨市", "南岗区"): ["Harbin Nangang District"], ("长春市", "朝阳区"): ["Changchun Chaoyang District"],
    ("天津市", "和平区"): [], ("合肥市", "蜀山区"): ["Hefei Shushan District"], ("南昌市", "东湖区"): ["Nanchang Donghu District"],
    ("贵阳市", "云岩区"): ["Guiyang Yunyan District"], ("兰州市", "城关区"): ["Lanzhou Chengguan District"],
    ("太原市", "小店区"): ["Taiyuan Xiaodian District"], ("石家庄市", "长安区"): ["Shijiazhuang Chang'an District"],
}


def new_classes(units, chain, rnd, out):
    """The issue-#20 classes; see the module docstring."""
    by_name = {}
    for c, u in units.items():
        by_name.setdefault(u[0], []).append(c)
    # former names: the curated table, written under their prefecture or municipality where they are counties
    here = os.path.dirname(os.path.abspath(__file__))
    table = os.path.join(here, "..", "..", "geo-service", "src", "main", "resources", "geocode", "former-names.csv")
    for line in open(table, encoding="utf-8"):
        if line.startswith("#") or line.startswith("code,") or not line.strip():
            continue
        code, old = line.split(",")[:2]
        if code not in units:
            continue
        ch = chain(code)
        above = [units[c][0] for c in ch[:-1]]
        q = (above[-1] if units[code][1] == 3 and above else "") + old
        out.write(f"former\t{code}\t{units[code][1]}\t\t{q}\t\t\n")
    # a village whose bare short name equals its township's short name
    towns = [c for c, u in units.items() if u[1] == 4 and c[:6] in units]
    same = []
    for t in sorted(towns):
        tn = units[t][0]
        ts = short(tn, 4)
        if not ts:
            continue
        for v in (c for c in by_name.get(ts + "村委会", []) + by_name.get(ts + "村民委员会", []) + by_name.get(ts + "居委会", [])
                  + by_name.get(ts + "社区居委会", []) + by_name.get(ts + "村村民委员会", []) + by_name.get(ts + "社区居民委员会", [])):
            if units[v][2] == t:
                same.append((v, t))
    # a township with two such villages (宁康村 and 宁康社区) makes 宁康乡宁康 ambiguous: left out
    per_town = {}
    for v, t in same:
        per_town[t] = per_town.get(t, 0) + 1
    same = sorted(set((v, t) for v, t in same if per_town[t] == 1))
    for v, t in rnd.sample(same, min(PER_LEVEL, len(same))):
        county = units[units[t][2]][0]
        out.write(f"village-same\t{v}\t5\t\t{county}{units[t][0]}{short(units[t][0], 4)}\t\t\n")
    # pinyin-hand: prefecture + county, as romanised by hand above (the places' own readings, checked by hand)
    for (pref, county), texts in PINYIN_NAMES.items():
        cands = [c for c in by_name.get(county, []) if units[units[c][2]][0] == pref and units[c][1] == 3]
        if len(cands) != 1:
            continue
        for q in texts:
            out.write(f"pinyin-hand\t{cands[0]}\t3\t\t{q}\t\t\n")
    # pinyin: generated from the registry's own search pinyin (division.pinyin; so it tests reading romanised input,
    # not whether a polyphonic character is read right: that is DivisionReadingsIT's audit)
    pinyin_rows(units, out)
    # brackets, noise with directions, homophones: over the same sampled units as the first classes
    pool = [c for c, u in units.items() if u[1] in (3, 4, 5) and u[0] not in PLACEHOLDERS]
    for code in rnd.sample(sorted(pool), PER_LEVEL):
        names = [units[c][0] for c in chain(code)]
        dedup = [n for i, n in enumerate(names) if i == 0 or n != names[i - 1]]
        clean = "".join(dedup)
        o, c = rnd.choice(["【】", "[]", "「」"])
        q = o + clean + c if rnd.random() < 0.6 else o + dedup[0] + c + "".join(dedup[1:])
        out.write(f"brackets\t{code}\t{units[code][1]}\t\t{q}\t\t\n")
        noise = rnd.choice(["附近", "往东200米", "旁边", "对面", "往北50米附近", "门口"])
        phone = rnd.choice(["", " 电话0592-5123456", " 13" + "".join(str(rnd.randint(0, 9)) for _ in range(9))])
        out.write(f"noise-dir\t{code}\t{units[code][1]}\t\t{clean}{noise}{phone}\t\t\n")
    hom = 0
    for code in rnd.sample(sorted(pool), len(pool) // 50):
        if hom >= PER_LEVEL:
            break
        names = [units[c][0] for c in chain(code)]
        dedup = [n for i, n in enumerate(names) if i == 0 or n != names[i - 1]]
        i = len(dedup) - 1
        n = dedup[i]
        if len(n) < 4:
            continue
        spots = [(j, grp) for j in range(1, len(n) - 2) for grp in HOMOPHONES if n[j] in grp]
        if not spots:
            continue
        j, grp = rnd.choice(spots)
        t = list(dedup)
        t[i] = n[:j] + rnd.choice([x for x in grp if x != n[j]]) + n[j + 1:]
        out.write(f"homophone\t{code}\t{units[code][1]}\t\t{''.join(t)}\t\t\n")
        hom += 1
    # addresses: no district, road alone with the city as bias, suffixes, unknown doorplates
    rows = psql("""select a.code, a.community_code, r.name, a.number, coalesce(a.number_suffix, ''),
                          (select max(b.number) from address b where b.road_id = a.road_id)
                     from address a join place_name r on r.id = a.road_id
                    where a.status = 'active' and a.source = 'demo' and a.building is null
                    order by md5(a.code || 'n20') limit %d""" % (PER_LEVEL * 6)).splitlines()
    plain = [r.split("\t") for r in rows if r.split("\t")[4] == ""]
    suffixed = [r.split("\t") for r in psql("""select a.code, a.community_code, r.name, a.number, a.number_suffix, 0
                     from address a join place_name r on r.id = a.road_id
                    where a.status = 'active' and a.source = 'demo' and a.building is null and a.number_suffix is not null
                    order by md5(a.code || 's20') limit %d""" % PER_LEVEL).splitlines()]
    has_plain = set((r[2], r[3], r[1][:6]) for r in plain)
    for code, community, road, number, _, top in plain[:PER_LEVEL]:
        city = rnd.choice(["厦门市", "厦门", "福建省厦门市"])
        out.write(f"a-nodistrict\t{code}\t6\t{number}\t{city}{road}{number}号\t{community}\t\n")
        out.write(f"a-bias\t{code}\t6\t{number}\t{road}{number}号\t{community}\t350200\n")
    for code, community, road, number, suffix, top in suffixed[:PER_LEVEL]:
        county = next(units[c][0] for c in chain(community) if units[c][1] == 3)
        out.write(f"a-suffix\t{code}\t6\t{number}\t{county}{road}{number}号{suffix}\t{community}\t\n")
    for k, (code, community, road, number, _, top) in enumerate(plain[PER_LEVEL:PER_LEVEL * 2]):
        county = next(units[c][0] for c in chain(community) if units[c][1] == 3)
        if k % 2:
            q = f"{county}{road}{number}号之二"
        else:
            number = str(int(top) + rnd.randint(100, 900))
            q = f"{county}{road}{number}号"
        out.write(f"a-unknown\t\t6\t{number}\t{q}\t{community}\t\n")


PINYIN_SUFFIX = {"区": ("qu", "District"), "县": ("xian", "County"), "市": ("shi", "City"), "旗": ("qi", "Banner")}


def pinyin_rows(units, out):
    """PER_LEVEL counties (seeded, own generator so later classes keep their rows): prefecture + county in pinyin or
    English, three spellings (Xiamen Siming / xiamen siming qu / Siming District, Xiamen); only units whose
    (prefecture, county) reading is unique in the registry, so the gold answer is the only right one."""
    py = {}
    for line in psql("select code, short_name, pinyin from division where status = 'active' and level <= 3 and pinyin is not null").splitlines():
        code, sh, p = line.split("\t")
        py[code] = (sh, p)

    def short_py(code):
        name = units[code][0]
        sh, p = py.get(code, (None, None))
        if not sh or not name.startswith(sh):
            return None, None
        sfx = name[len(sh):]
        if units[code][1] == 1:
            sfx_py = {"省": "sheng", "市": "shi", "自治区": "zizhiqu"}.get(sfx) if sfx in ("省", "市") else None
        else:
            sfx_py = PINYIN_SUFFIX.get(sfx, (None,))[0]
        if sfx_py is None or not p.endswith(sfx_py) or len(p) == len(sfx_py):
            return None, None
        return p[: -len(sfx_py)], sfx

    pairs = {}
    for code, u in units.items():
        if u[1] != 3 or u[0] in PLACEHOLDERS or not u[2]:
            continue
        pref = u[2] if units[u[2]][0] not in PLACEHOLDERS else units[u[2]][2]
        if not pref or pref not in units:
            continue
        c_py, sfx = short_py(code)
        p_py, _ = short_py(pref)
        if not c_py or not p_py or sfx not in PINYIN_SUFFIX:
            continue
        pairs.setdefault((p_py, c_py), []).append((code, sfx))
    unique = sorted((k, v[0]) for k, v in pairs.items() if len(v) == 1)
    rnd = random.Random(SEED + 7)
    for (p_py, c_py), (code, sfx) in rnd.sample(unique, min(PER_LEVEL, len(unique))):
        form = rnd.randrange(3)
        if form == 0:
            q = p_py.capitalize() + " " + c_py.capitalize()
        elif form == 1:
            q = p_py + " " + c_py + " " + PINYIN_SUFFIX[sfx][0]
        else:
            q = c_py.capitalize() + " " + PINYIN_SUFFIX[sfx][1] + ", " + p_py.capitalize()
        out.write(f"pinyin\t{code}\t3\t\t{q}\t\t\n")


def cn_number(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    h, r = divmod(n, 100)
    s = CN[h] + "百"
    if r == 0:
        return s
    if r < 10:
        return s + "零" + CN[r]
    return s + CN[r // 10] + "十" + (CN[r % 10] if r % 10 else "")


def to_fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" else c for c in s)


if __name__ == "__main__":
    main()
