#!/usr/bin/env python3
"""Fits the geocoder's confidence per answer kind on the gold set and writes the table the service reads.

Runs the gold set (geocode_gold.py) through POST /api/geocode/batch with calibration=raw (the parser's uncalibrated
confidence), judges each best answer at its own match level as geocode_accuracy.py does (unknown places count as
wrong whatever they answer), and fits, per answer kind (the `answerKind` of the answer: match level group + evidence,
e.g. county:former, doorplate:plain, village:typo), an isotonic (pool-adjacent-violators) step function from raw
confidence to observed accuracy (between steps, where the gold set has no answers, the service interpolates). Each step's value is the Wilson 95 % lower bound of its accuracy, so a step backed by
few answers cannot claim much. Kinds with fewer than MIN_KIND answers keep the raw confidence.
Prints the reliability diagram (per kind: steps, answers, raw mean, observed, fitted) and writes
geo-service/src/main/resources/geocode/calibration.csv (kind, raw_max, confidence, answers, correct).
Usage: geocode_calibrate.py GOLD.tsv   (env as geocode_accuracy.py; MIN_KIND=30)
"""
import json, math, os, sys, time, urllib.error, urllib.request
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geocode_accuracy as acc  # noqa: E402

MIN_KIND = int(os.environ.get("MIN_KIND", "30"))
PREFIX = acc.PREFIX
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "geo-service", "src", "main", "resources",
                   "geocode", "calibration.csv")


def judged(g, c):
    """True when the best answer is right at its own match level (the rule of geocode_accuracy.py)."""
    kind, code = g[0], g[1]
    if c is None or kind == "unknown":
        return False
    div = c["divisions"][-1] if c.get("divisions") else None
    holds = div is not None and g[5].startswith(div["code"][:PREFIX[div["level"]]])
    if kind == "a-unknown":
        return not c.get("addressCode") and holds
    if kind.startswith("a-"):
        return c.get("addressCode") == code if c.get("addressCode") else holds
    return c["code"] == code


def wilson_lower(k, n, z=1.96):
    if n == 0:
        return 0.0
    p = k / n
    d = 1 + z * z / n
    return max(0.0, (p + z * z / (2 * n) - z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / d)


def pav(points):
    """Isotonic regression of (raw, right) pairs sorted by raw: blocks [raw_max, n, k, raw_sum, raw_min]."""
    blocks = []
    for raw, ok in sorted(points):
        blocks.append([raw, 1, 1 if ok else 0, raw, raw])
        while len(blocks) > 1 and blocks[-2][2] / blocks[-2][1] >= blocks[-1][2] / blocks[-1][1]:
            b = blocks.pop()
            a = blocks[-1]
            a[0] = b[0]; a[1] += b[1]; a[2] += b[2]; a[3] += b[3]
    return blocks


def main():
    acc.AUTH_HEADER = acc.sign_in()
    acc.URL = acc.URL
    gold = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    gold = [g + [""] * (7 - len(g)) for g in gold]
    acc.BATCH_PARAMS = "&calibration=raw"
    answers = acc.batch([g[4] for g in gold], [g[6] for g in gold])
    by_kind = defaultdict(list)
    for g, a in zip(gold, answers):
        cands = (a.get("result") or {}).get("candidates") or []
        c = cands[0] if cands else None
        if c is None:
            continue
        by_kind[c.get("answerKind", "?")].append((c["confidence"], judged(g, c)))
    rows = []
    print("reliability diagram per answer kind (fitted on %d answers): raw <= max, answers, mean raw, observed, fitted" %
          sum(len(v) for v in by_kind.values()))
    for kind in sorted(by_kind):
        pts = by_kind[kind]
        if len(pts) < MIN_KIND:
            print(f"{kind:22} {len(pts):5} answers: too few, raw confidence kept")
            continue
        blocks = pav(pts)
        fitted_prev = 0.0
        print(f"{kind:22} {len(pts):5} answers, {len(blocks)} steps")
        for raw_max, n, k, raw_sum, raw_min in blocks:
            f = max(fitted_prev, round(wilson_lower(k, n), 3))  # keep it monotone after the lower bound
            fitted_prev = f
            rows.append((kind, raw_min, raw_max, f, n, k))
            print(f"    raw {raw_min:.3f}..{raw_max:.3f} {n:5} {raw_sum / n:.3f} {k / n:.3f} {f:.3f}")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Confidence calibration per answer kind, fitted by scripts/bench/geocode_calibrate.py on the gold set\n"
                "# (isotonic steps, each the Wilson 95 percent lower bound of its observed accuracy). Written "
                + time.strftime("%Y-%m-%d") + " from " + os.path.basename(sys.argv[1]) + ".\n"
                "# kind,raw_min,raw_max,confidence,answers,correct: an answer of that kind with raw confidence in\n"
                "# [raw_min, raw_max] gets that confidence; between two steps the line between them; below the first step\n"
                "# the smaller of raw and the first step; above the last step, the last step's.\n")
        f.write("kind,raw_min,raw_max,confidence,answers,correct\n")
        for kind, raw_min, raw_max, conf, n, k in rows:
            f.write(f"{kind},{raw_min:.3f},{raw_max:.3f},{conf:.3f},{n},{k}\n")
    print(f"wrote {len(rows)} steps for {len(set(r[0] for r in rows))} kinds to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
