"""Prints, as JSON, each feature table of a GeoPackage: row count, geometry type name and SRS (organisation:id).
Reads the GeoPackage's own metadata tables (gpkg_geometry_columns, gpkg_spatial_ref_sys) with sqlite3."""
import json
import sqlite3
import sys

con = sqlite3.connect(sys.argv[1])
out = {}
for table, gtype, srs in con.execute("select table_name, geometry_type_name, srs_id from gpkg_geometry_columns"):
    org, code = con.execute("select organization, organization_coordsys_id from gpkg_spatial_ref_sys where srs_id = ?",
                            (srs,)).fetchone()
    count = con.execute('select count(*) from "%s"' % table.replace('"', '""')).fetchone()[0]
    out[table] = {"count": count, "geometryType": gtype, "srs": "%s:%s" % (org.upper(), code)}
print(json.dumps(out))
