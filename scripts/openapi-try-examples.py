#!/usr/bin/env python3
"""Calls the documented examples of the OpenAPI document against a running CivGeo (scripts/run.sh, demo data).

Every GET operation is called twice: with the examples of its path and required parameters only (a 400 naming a
missing filter is accepted there), then with the examples of all its parameters; read-only POSTs (lookups, checks, batch geocoding, sign-in) are called with their
request-body example. Calls are made as the demo admin (Bearer token). Prints one line per call (status, media
type, operation) and a summary; exit 1 when any call answers 400 (the example is refused as invalid) or 5xx, or
answers a media type that the document does not list for that status.
404 is reported, not failed: some demo records do not exist (disputes, attachments, change events, jobs).

usage: PORT=8091 scripts/openapi-try-examples.py   (CIVGEO_USER / CIVGEO_PASSWORD default admin / admin-demo-2026)
"""
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

BASE = "http://127.0.0.1:%s" % os.environ.get("PORT", "8080")
# POSTs that write nothing (lookups, checks, batch geocoding without async, sign-in)
READ_ONLY_POSTS = {"/api/divisions/at", "/api/place-names/check", "/api/geocode/batch", "/api/reverse/batch",
                   "/api/auth/login", "/api/place-names/scan"}
# GETs that are not worth calling here: the document itself, the web page, and heavy all-city work
SKIP = {"/", "/index.html", "/api/ogc/api"}


def call(method, path, token, body=None, ctype=None, headers=None):
    req = urllib.request.Request(BASE + path, method=method, data=body)
    req.add_header("Authorization", "Bearer " + token) if token else None
    if ctype:
        req.add_header("Content-Type", ctype)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def url(path, params, all_params):
    q = {}
    headers = {}
    for p in params:
        if "example" not in p:
            continue
        ex = p["example"]
        if p["in"] == "path":
            path = path.replace("{%s}" % p["name"], urllib.parse.quote(str(ex), safe=""))
        elif p["in"] == "query" and (p.get("required") or all_params):
            q[p["name"]] = ex
        elif p["in"] == "header" and all_params and p["name"] not in ("Content-Type", "Authorization"):
            headers[p["name"]] = str(ex)
    qs = urllib.parse.urlencode([(k, str(x).lower() if isinstance(x, bool) else x) for k, v in q.items()
                                 for x in (v if isinstance(v, list) else [v])])
    return path + ("?" + qs if qs else ""), headers


def main():
    user = os.environ.get("CIVGEO_USER", "admin")
    password = os.environ.get("CIVGEO_PASSWORD", "admin-demo-2026")
    s, _, b = call("POST", "/api/auth/login", None, json.dumps({"username": user, "password": password}).encode(), "application/json")
    if s != 200:
        sys.exit("sign-in failed: %s %s" % (s, b[:200]))
    token = json.loads(b)["token"]
    doc = json.loads(call("GET", "/v3/api-docs", None)[2])
    counts, bad = {}, []
    for path, item in sorted(doc["paths"].items()):
        for method, op in item.items():
            if path in SKIP:
                continue
            params = op.get("parameters", [])
            tries = []
            if method == "get":
                for all_params in (False, True):
                    tries.append(url(path, params, all_params) + (None, None))
            elif method == "post" and path in READ_ONLY_POSTS:
                content = op.get("requestBody", {}).get("content", {})
                for ctype, mt in content.items():
                    if "example" not in mt:
                        continue
                    ex = mt["example"]
                    body = (ex if isinstance(ex, str) else json.dumps(ex, ensure_ascii=False)).encode()
                    u, h = url(path, params, False)
                    tries.append((u, h, body, ctype))
            for i, (u, h, body, ctype) in enumerate(tries):
                s, t, _ = call(method.upper(), u, token, body, ctype, h)
                counts[s] = counts.get(s, 0) + 1
                # a GET with its required parameters only may be refused for want of a filter (400 naming it):
                # only the call with every example has to be accepted
                needs_filter = method == "get" and i == 0 and s == 400
                print("%d %-45s %s %s%s" % (s, t.split(";")[0][:45], method.upper(), u, "  (needs a filter)" if needs_filter else ""))
                if (s == 400 and not needs_filter) or s >= 500:
                    bad.append("%d %s %s" % (s, method.upper(), u))
                documented = op.get("responses", {}).get(str(s), {}).get("content", {})
                actual = t.split(";")[0].strip()
                if documented and actual and actual not in documented:
                    bad.append("%d %s %s: answered %s, documented %s" % (s, method.upper(), u, actual, ", ".join(documented)))
    print("\nanswers by status:", dict(sorted(counts.items())))
    if bad:
        print("refused or failed (%d):\n  %s" % (len(bad), "\n  ".join(bad)))
        sys.exit(1)


if __name__ == "__main__":
    main()
