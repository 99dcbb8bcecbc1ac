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
Output: TSV on stdout: kind, gold_code (the division code; for 'a-' rows the address code), gold_level (6 for
addresses), doorplate (or empty), query, gold_division (the community code of an address row, else empty).
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
