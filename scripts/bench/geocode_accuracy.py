#!/usr/bin/env python3
"""Geocoding accuracy: the gold set (geocode_gold.py) through POST /api/geocode/batch, beside a baseline that ranks
every unit's full address by pg_trgm similarity alone (same database, same run).

Prints per perturbation kind: top-1 division accuracy (ours / baseline), match-level accuracy, doorplate parsed
(numerals rows), mean confidence, expected calibration error, confident-but-wrong answers (confidence >= 0.8);
then the reliability table (confidence bins: mean confidence vs. observed accuracy).
Usage: geocode_accuracy.py GOLD.tsv  (env: CIVGEO_URL, CIVGEO_AUTH user:password, CIVGEO_DB_NAME, BASELINE_PER_KIND=25, 0 to skip,
       MISSES=typo,pinyin to list the wrong rows of those kinds)
"""
import base64, json, os, subprocess, sys, time, urllib.error, urllib.request
from collections import defaultdict

URL = os.environ.get("CIVGEO_URL", "http://localhost:8080")
AUTH = os.environ.get("CIVGEO_AUTH", "viewer:viewer-demo-2026")
LEVEL = {1: "province", 2: "prefecture", 3: "county", 4: "township", 5: "village"}
KINDS = ["clean", "dropped", "short", "typo", "numerals", "noise", "reordered", "unknown",
         "a-clean", "a-dropped", "a-short", "a-typo", "a-numerals", "a-noise", "a-reordered",
         # issue #20
         "former", "village-same", "pinyin", "pinyin-hand", "brackets", "noise-dir", "homophone",
         "a-nodistrict", "a-bias", "a-suffix", "a-unknown"]
NEW_KINDS = KINDS[15:]
PREFIX = {1: 2, 2: 4, 3: 6, 4: 9, 5: 12}
ADDRESS_LEVELS = ("doorplate", "building", "unit", "room")
HERE = os.path.dirname(os.path.abspath(__file__))


def sign_in():
    """A bearer token (HTTP Basic would check the bcrypt password on every request)."""
    user, password = AUTH.split(":", 1)
    req = urllib.request.Request(URL + "/api/auth/login", data=json.dumps({"username": user, "password": password}).encode(),
                                 method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return "Bearer " + json.loads(r.read())["token"]


AUTH_HEADER = None
BATCH_PARAMS = ""


def batch(queries, within=None):
    out = []
    within = within or [""] * len(queries)
    for i in range(0, len(queries), 5000):
        rows = []
        for k, q in enumerate(queries[i:i + 5000]):
            r = {"id": str(i + k), "q": q}
            if within[i + k]:
                r["within"] = within[i + k]
            rows.append(r)
        body = json.dumps({"rows": rows}).encode()
        req = urllib.request.Request(URL + "/api/geocode/batch?limit=1&minConfidence=0" + BATCH_PARAMS, data=body, method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Authorization": AUTH_HEADER})
        for attempt in range(120):
            try:
                with urllib.request.urlopen(req, timeout=600) as r:
                    out += [json.loads(l) for l in r.read().decode().splitlines() if l.strip()]
                break
            except urllib.error.HTTPError as e:
                if e.code != 503:
                    raise
                time.sleep(5)  # the index is still being built after start-up
    return out


def baseline(queries, sample):
    """pg_trgm only: the unit whose full address (province … unit, placeholders left out) is most similar to the
    query (`%` on a GIN trigram index, similarity threshold 0.1, best similarity first). Only rows in `sample` are
    asked (trigram search over 665,000 full addresses takes about a second a query on this machine)."""
    db = os.environ.get("CIVGEO_DB_NAME", "civgeo")
    psql = [os.path.join(HERE, "..", "db.sh"), "psql", db]
    setup = """
    create table if not exists bench_geocode_fulladdr as
    with recursive c(code, addr) as (
      select code, name from division where level = 1 and status = 'active'
      union all
      select d.code, c.addr || case when d.name in ('市辖区','县','省直辖县级行政区划','自治区直辖县级行政区划')
                                      or c.addr like '%' || d.name then '' else d.name end
        from division d join c on d.parent_code = c.code where d.status = 'active')
    select code, addr from c;
    create index if not exists bench_geocode_fulladdr_gin on bench_geocode_fulladdr using gin (addr gin_trgm_ops);
    analyze bench_geocode_fulladdr;"""
    t0 = time.time()
    subprocess.run(psql + ["-c", setup], check=True, capture_output=True)
    asked = [i for i in range(len(queries)) if i in sample]
    sql = "set pg_trgm.similarity_threshold = 0.1;\n" + "".join(
        "select coalesce((select code from bench_geocode_fulladdr where addr %% $q$%s$q$ order by similarity(addr, $q$%s$q$) desc limit 1), '');\n"
        % (queries[i].replace("$q$", ""), queries[i].replace("$q$", "")) for i in asked)
    r = subprocess.run(psql + ["-tA"], input=sql, check=True, capture_output=True, text=True)
    lines = [l for l in r.stdout.splitlines() if l != "SET"]
    codes = [None] * len(queries)
    for i, c in zip(asked, lines):
        codes[i] = c
    return codes, time.time() - t0, len(asked)


def main():
    global AUTH_HEADER
    AUTH_HEADER = sign_in()
    gold = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    gold = [g + [""] * (7 - len(g)) for g in gold]
    queries = [g[4] for g in gold]
    t0 = time.time()
    answers = batch(queries, [g[6] for g in gold])
    ours_s = time.time() - t0
    per_kind = int(os.environ.get("BASELINE_PER_KIND", "25"))
    seen, sample = defaultdict(int), set()
    for i, g in enumerate(gold):
        if g[0] != "unknown" and not g[0].startswith("a-") and seen[g[0]] < per_kind:
            seen[g[0]] += 1
            sample.add(i)
    base, base_s, base_n = ([None] * len(gold), 0, 0) if per_kind == 0 else baseline(queries, sample)
    stats = defaultdict(lambda: defaultdict(float))
    bins = [(0, .3), (.3, .5), (.5, .7), (.7, .8), (.8, .9), (.9, .95), (.95, 1.01)]
    rel = defaultdict(lambda: [0, 0.0, 0])
    # MISSES=typo,pinyin: print the rows of these kinds whose top-1 is wrong (for finding causes)
    MISS_KINDS = set(k for k in os.environ.get("MISSES", "").split(",") if k)
    misses = []
    for g, a, b in zip(gold, answers, base):
        kind, code, level, door = g[0], g[1], int(g[2]), g[3]
        res = a.get("result") or {}
        cands = res.get("candidates") or []
        c = cands[0] if cands else None
        conf = c["confidence"] if c else 0.0
        s = stats[kind]
        s["n"] += 1
        if kind == "unknown":
            right = c is None or conf < 0.5
        elif kind == "a-unknown":
            # the doorplate is not in the registry: right is an answer without a doorplate whose division holds the road
            div = c["divisions"][-1] if c is not None and c.get("divisions") else None
            right = c is not None and not c.get("addressCode") and div is not None and g[5].startswith(div["code"][:PREFIX[div["level"]]])
            s["level_ok"] += 1 if c is not None and c["matchLevel"] == "road" else 0
            at_level = right
        elif kind.startswith("a-"):
            # top-1 of an address row: the doorplate itself is found. The confidence speaks for the answer at its match
            # level, so calibration counts an answer that stops at the (right) community as right at its level.
            right = c is not None and c.get("addressCode") == code
            s["level_ok"] += 1 if c is not None and c["matchLevel"] in ADDRESS_LEVELS else 0
            s["div_n"] += 1
            s["div_ok"] += 1 if c is not None and c["code"] == g[5] else 0
            div = c["divisions"][-1] if c is not None and c.get("divisions") else None
            # an answer that stops above the doorplate (a road, or 厦门市 when two districts have the road) is judged at
            # its own level: right when its division holds the doorplate's community
            at_level = c is not None and (right if c.get("addressCode") else div is not None
                                          and g[5].startswith(div["code"][:PREFIX[div["level"]]]))
        else:
            right = c is not None and c["code"] == code
            s["level_ok"] += 1 if c is not None and c["matchLevel"] == LEVEL.get(level) else 0
            if b is not None:
                s["base_n"] += 1
                s["base_ok"] += 1 if b == code else 0
        s["ok"] += 1 if right else 0
        if not right and kind in MISS_KINDS:
            misses.append(f"  {kind}\t{g[4]}\tgold {code}\tgot {c['code'] if c else None} {c['matchLevel'] if c else ''} {conf:.3f}")
        s["conf"] += conf
        if not kind.startswith("a-"):
            # judged at its own level like the address rows: 南昌市 for 江西南昌 (gold 南昌县) is right as far as it goes
            div = c["divisions"][-1] if c is not None and c.get("divisions") else None
            at_level = right or (kind != "unknown" and div is not None and code.startswith(div["code"][:PREFIX[div["level"]]])
                                 and len(code) >= len(div["code"]) and div["code"] != code and c["matchLevel"] in LEVEL.values())
            if at_level and not right:
                s["ancestor"] += 1
        if c is not None and conf >= 0.8 and not (kind != "unknown" and at_level):
            s["confident_wrong"] += 1
        if c is not None and conf >= 0.8 and not (kind != "unknown" and (right if not kind.startswith("a-") else at_level)):
            s["confident_wrong_strict"] += 1
        if door:
            s["door_n"] += 1
            doors = [x["value"] for x in (c or {}).get("components", []) if x["kind"] == "doorplate"]
            s["door_ok"] += 1 if doors and doors[0] == door else 0
        if kind != "unknown" and c is not None:
            for lo, hi in bins:
                if lo <= conf < hi:
                    r = rel[(lo, hi)]
                    r[0] += 1; r[1] += conf; r[2] += 1 if at_level else 0
                    s["ece_abs"] += 0  # per-kind ECE below
            k = rel_kind = stats[kind + "#bins"]
            key = min(int(conf * 10), 9)
            k["n%d" % key] += 1; k["c%d" % key] += conf; k["o%d" % key] += 1 if at_level else 0
    print(f"rows: {len(gold)}; ours via HTTP batch in {ours_s:.1f} s ({len(gold) / ours_s:.0f} rows/s); "
          f"baseline pg_trgm: {base_n} sampled rows in {base_s:.1f} s (incl. index build)")
    print(f"{'kind':12} {'n':>5} {'top1 ours':>10} {'top1 trgm (sample)':>18} {'level ok':>9} {'doorplate':>9} {'mean conf':>9} {'ECE':>6} {'conf>=.8 wrong':>14} {'(strict)':>8}")
    print("(address rows: top1 = the doorplate found; ECE and conf>=.8 wrong judge the answer at its own match level: a division")
    print(" answer that stops at an ancestor of the gold unit is right at its level; (strict) counts it wrong, as before #20)")
    tot = defaultdict(float)
    for kind in KINDS:
        s = stats.get(kind)
        if not s:
            continue
        n = s["n"]
        kb = stats[kind + "#bins"]
        ece = sum(abs(kb["c%d" % i] - kb["o%d" % i]) for i in range(10)) / n if n else 0
        door = f"{100 * s['door_ok'] / s['door_n']:.1f}%" if s["door_n"] else "-"
        trgm = f"{100 * s['base_ok'] / s['base_n']:.1f}% of {int(s['base_n'])}" if s["base_n"] else "-"
        lvl = f"{100 * s['level_ok'] / n:.1f}%" if kind != "unknown" else "-"
        print(f"{kind:12} {int(n):5} {100 * s['ok'] / n:9.1f}% {trgm:>18} {lvl:>9} {door:>9} {s['conf'] / n:9.3f} {ece:6.3f} {int(s['confident_wrong']):14} {int(s['confident_wrong_strict']):8}")
        if kind not in ("clean", "unknown", "a-clean") and kind not in NEW_KINDS:
            t = "a" if kind.startswith("a-") else ""
            tot[t + "n"] += n; tot[t + "ok"] += s["ok"]; tot[t + "base"] += s["base_ok"]; tot[t + "base_n"] += s["base_n"]
    if tot["n"]:
        print(f"{'perturbed':12} {int(tot['n']):5} {100 * tot['ok'] / tot['n']:9.1f}% {100 * tot['base'] / max(1, tot['base_n']):9.1f}% of {int(tot['base_n'])}")
    if tot["an"]:
        print(f"{'a-perturbed':12} {int(tot['an']):5} {100 * tot['aok'] / tot['an']:9.1f}%")
    wrong = sum(int(stats[k]["confident_wrong"]) for k in KINDS if k in stats)
    print(f"confident (>= 0.8) but wrong, all classes: {wrong}" + ("" if wrong == 0 else "   <-- must be 0"))
    if misses:
        print("\nmisses (MISSES=" + ",".join(sorted(MISS_KINDS)) + "):")
        print("\n".join(misses))
    for kind in KINDS:
        s = stats.get(kind)
        if s and s["div_n"]:
            if kind == "a-clean":
                print("\naddress rows: the division (community) of the best candidate, beside the doorplate found above")
            print(f"  {kind:12} division right {100 * s['div_ok'] / s['div_n']:5.1f}% of {int(s['div_n'])}")
    print("\nreliability (known addresses): confidence bin, answers, mean confidence, observed accuracy")
    for lo, hi in bins:
        r = rel.get((lo, hi))
        if r and r[0]:
            print(f"  [{lo:.2f}, {min(hi, 1):.2f})  {r[0]:5}  {r[1] / r[0]:.3f}  {r[2] / r[0]:.3f}")


if __name__ == "__main__":
    main()
