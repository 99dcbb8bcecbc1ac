"""OWSLib (Debian python3-owslib) against the running service: conformance, collections, items, queryables.
Prints one JSON object with what it read, for the Java test to check."""
import json
import sys

from owslib.ogcapi.features import Features

w = Features(sys.argv[1])
conformance = w.conformance()["conformsTo"]
collections = [c["id"] for c in w.collections()["collections"]]
page = w.collection_items("divisions-county", limit=3)
queryables = w.collection_queryables("divisions-county")
filtered = w.collection_items("divisions-county", limit=100, filter=sys.argv[2])
print(json.dumps({
    "conformance": conformance,
    "collections": collections,
    "itemsReturned": page["numberReturned"],
    "itemsMatched": page["numberMatched"],
    "firstGeometry": page["features"][0]["geometry"]["type"],
    "queryables": sorted(queryables["properties"].keys()),
    "filteredIds": [f["id"] for f in filtered["features"]],
}))
