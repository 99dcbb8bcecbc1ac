package cn.civgeo.division.imports;

import cn.civgeo.division.Division;
import cn.civgeo.division.imports.GeometryImportService.Feature;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@link GeometryImportService}: the staging table {@code division_import.<table>} that ogr2ogr filled
 * (its columns, features and SRID; dropped at the end), the known units, and PostGIS repair, transformation and areas.
 * Table names come from the service (a random {@code s…} name), column names are quoted by it.
 */
@Repository
class GeometryImportRepository {
    private final JdbcClient jdbc;

    GeometryImportRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** The attribute columns of the staging table, in their order. */
    List<String> stagedColumns(String table) {
        return jdbc.sql("""
                select column_name from information_schema.columns
                 where table_schema = 'division_import' and table_name = :t order by ordinal_position""")
                .param("t", table).query(String.class).list();
    }

    /** The staged features by fid (rows 1-based): code and name columns as text (already quoted, name may be null), WKB. */
    List<Feature> stagedFeatures(String table, String quotedCodeCol, String quotedNameCol) {
        return jdbc.sql("select fid, cast(" + quotedCodeCol + " as text), "
                        + (quotedNameCol == null ? "null" : "cast(" + quotedNameCol + " as text)")
                        + ", st_asbinary(geom) from division_import." + table + " order by fid")
                .query((rs, i) -> new Feature(i + 1, rs.getString(2), rs.getString(3), rs.getBytes(4))).list();
    }

    /** The SRID the file declared (the staged geometry column's), 0 when none. */
    int declaredSrid(String table) {
        return jdbc.sql("select coalesce(max(st_srid(geom)), 0) from division_import." + table)
                .query(Integer.class).single();
    }

    /** Drops the staging table if it exists. */
    void dropStaged(String table) {
        jdbc.sql("drop table if exists division_import." + table).update();
    }

    /** The units with the given codes: code, name, status, level, parent and whether they have geometry (the rest null). */
    List<Division> units(List<String> codes) {
        return jdbc.sql("select code, name, status, level, parent_code, geom is not null as g from division where code in (:c)")
                .param("c", codes).query((rs, i) -> new Division(rs.getString(1), rs.getString(2), null, rs.getInt(4),
                        null, rs.getString(5), null, null, null, null, null, null, null, rs.getString(3), null, null, 0,
                        null, rs.getBoolean(6))).list();
    }

    /** The geometry repaired by ST_MakeValid, its polygons as a MultiPolygon WKB (EPSG:4490). */
    byte[] makeValid(byte[] wkb) {
        return jdbc.sql("select st_asbinary(st_multi(st_collectionextract(st_makevalid(st_geomfromwkb(:g, 4490)), 3)))")
                .param("g", wkb).query((rs, i) -> rs.getBytes(1)).single();
    }

    /**
     * Areas in m² (ellipsoid) of the new geometry ({@code a}), of the unit's current one ({@code prev}, null without
     * one) and of the new one's part outside the parent ({@code outside}, null when the parent has no geometry).
     */
    Map<String, Object> areas(byte[] wkb, String code, String parentCode) {
        return jdbc.sql("""
                select st_area(n::geography) as a, (select st_area(geom::geography) from division where code = :c) as prev,
                       (select st_area(st_difference(n, p.geom)::geography) from division p
                         where p.code = :parent and p.geom is not null) as outside
                  from (select st_multi(st_geomfromwkb(:g, 4490)) n) q""")
                .param("g", wkb).param("c", code).param("parent", parentCode).query().singleRow();
    }

    /** The WKB geometry in the given SRID transformed by PostGIS into EPSG:4490 (WKB). */
    byte[] transformToStorage(byte[] wkb, int srid) {
        return jdbc.sql("select st_asbinary(st_transform(st_setsrid(st_geomfromwkb(:g), :s), 4490))")
                .param("g", wkb).param("s", srid).query((rs, i) -> rs.getBytes(1)).single();
    }
}
