package cn.civgeo.facility;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FacilityRepository {
    static final String COLUMNS = """
            id, kind, name, address, division_code, ST_X(geom) as lon, ST_Y(geom) as lat, operator_kind, operator_name,
            beds, nursing_beds, floor_area_m2, land_area_m2, capacity, status, opened_on, closed_on, location_source,
            geocode_confidence, version, created_at, updated_at, subtype, functions, medical_care, cremators, eco_cremators,
            public_section_area_m2, grade""";
    private static final String VALUES = """
            kind = :kind, name = :name, address = :address, division_code = :division,
            geom = ST_SetSRID(ST_MakePoint(:lon, :lat), 4490), operator_kind = :operatorKind, operator_name = :operatorName,
            beds = :beds, nursing_beds = :nursingBeds, floor_area_m2 = :floorArea, land_area_m2 = :landArea,
            capacity = :capacity, status = :status, opened_on = :openedOn, closed_on = :closedOn, subtype = :subtype,
            functions = cast(:functions as text[]), medical_care = :medicalCare, cremators = :cremators,
            eco_cremators = :ecoCremators, public_section_area_m2 = :publicSection, grade = :grade""";

    private final JdbcClient jdbc;

    FacilityRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** A validated facility in storage coordinates (EPSG:4490). */
    record Row(FacilityKind kind, String name, String address, String divisionCode, double lon, double lat,
               String operatorKind, String operatorName, Integer beds, Integer nursingBeds, Double floorAreaM2,
               Double landAreaM2, Integer capacity, String status, LocalDate openedOn, LocalDate closedOn,
               String locationSource, Double geocodeConfidence, FacilityAttributes attributes) {
        Row manual() {
            return new Row(kind, name, address, divisionCode, lon, lat, operatorKind, operatorName, beds, nursingBeds, floorAreaM2,
                    landAreaM2, capacity, status, openedOn, closedOn, "manual", null, attributes);
        }
    }

    Optional<Facility> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from facility where id = :id").param("id", id).query(FacilityRepository::map).optional();
    }

    boolean exists(FacilityKind kind, String name, String division, Long exceptId) {
        return jdbc.sql("""
                        select exists(select 1 from facility where kind = :k and name = :n
                                       and coalesce(division_code, '') = coalesce(:d, '') and (cast(:x as bigint) is null or id <> :x))""")
                .param("k", kind.code()).param("n", name).param("d", division).param("x", exceptId).query(Boolean.class).single();
    }

    long insert(Row r) {
        return bind(jdbc.sql("""
                        insert into facility(kind, name, address, division_code, geom, operator_kind, operator_name, beds,
                               nursing_beds, floor_area_m2, land_area_m2, capacity, status, opened_on, closed_on,
                               location_source, geocode_confidence, subtype, functions, medical_care, cremators, eco_cremators,
                               public_section_area_m2, grade)
                        values (:kind, :name, :address, :division, ST_SetSRID(ST_MakePoint(:lon, :lat), 4490), :operatorKind,
                               :operatorName, :beds, :nursingBeds, :floorArea, :landArea, :capacity, :status, :openedOn,
                               :closedOn, :source, :confidence, :subtype, cast(:functions as text[]), :medicalCare, :cremators,
                               :ecoCremators, :publicSection, :grade) returning id"""), r)
                .param("source", r.locationSource()).param("confidence", r.geocodeConfidence()).query(Long.class).single();
    }

    boolean update(long id, int version, Row r) {
        return bind(jdbc.sql("update facility set " + VALUES + """
                        , location_source = :source, geocode_confidence = :confidence, version = version + 1, updated_at = now()
                         where id = :id and version = :v"""), r)
                .param("source", r.locationSource()).param("confidence", r.geocodeConfidence())
                .param("id", id).param("v", version).update() == 1;
    }

    /** The facility's division only (its location unchanged); false when the version moved meanwhile. */
    boolean setDivision(long id, int version, String divisionCode) {
        return jdbc.sql("update facility set division_code = :d, version = version + 1, updated_at = now() where id = :id and version = :v")
                .param("d", divisionCode).param("id", id).param("v", version).update() == 1;
    }

    boolean delete(long id, int version) {
        return jdbc.sql("delete from facility where id = :id and version = :v").param("id", id).param("v", version).update() == 1;
    }

    /** Filters: kind codes, status, division (the division and everything under it, by code prefix), bbox, name. */
    record Filter(List<String> kinds, String status, String divisionPrefix, double[] bbox, String q) {}

    List<Facility> find(Filter f, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from facility");
        Map<String, Object> params = where(f, sql);
        sql.append(" order by kind, name, id limit :limit offset :offset");
        var spec = jdbc.sql(sql.toString()).param("limit", limit).param("offset", offset);
        for (var e : params.entrySet()) spec = spec.param(e.getKey(), e.getValue());
        return spec.query(FacilityRepository::map).list();
    }

    long count(Filter f) {
        StringBuilder sql = new StringBuilder("select count(*) from facility");
        Map<String, Object> params = where(f, sql);
        var spec = jdbc.sql(sql.toString());
        for (var e : params.entrySet()) spec = spec.param(e.getKey(), e.getValue());
        return spec.query(Long.class).single();
    }

    /** The same filter as a GeoJSON FeatureCollection built in the database. */
    String geojson(Filter f, int limit, int offset) {
        StringBuilder inner = new StringBuilder("select * from facility");
        Map<String, Object> params = where(f, inner);
        inner.append(" order by kind, name, id limit :limit offset :offset");
        String sql = """
                select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                         'type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.geom, 7)::json,
                         'properties', json_build_object('id', t.id, 'kind', t.kind, 'name', t.name, 'address', t.address,
                             'divisionCode', t.division_code, 'operatorKind', t.operator_kind, 'beds', t.beds,
                             'nursingBeds', t.nursing_beds, 'floorAreaM2', t.floor_area_m2, 'capacity', t.capacity,
                             'status', t.status, 'openedOn', t.opened_on, 'version', t.version, 'subtype', t.subtype,
                             'functions', t.functions, 'medicalCare', t.medical_care, 'cremators', t.cremators,
                             'ecoCremators', t.eco_cremators, 'grade', t.grade)) order by t.kind, t.name, t.id), '[]'::json))::text
                  from (""" + inner + ") t";
        var spec = jdbc.sql(sql).param("limit", limit).param("offset", offset);
        for (var e : params.entrySet()) spec = spec.param(e.getKey(), e.getValue());
        return spec.query(String.class).single();
    }

    private static Map<String, Object> where(Filter f, StringBuilder sql) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (f.kinds() != null && !f.kinds().isEmpty()) {
            clauses.add("kind in (:kinds)");
            params.put("kinds", f.kinds());
        }
        if (f.status() != null) {
            clauses.add("status = :status");
            params.put("status", f.status());
        }
        if (f.divisionPrefix() != null) {
            clauses.add("division_code like :prefix");
            params.put("prefix", f.divisionPrefix() + "%");
        }
        if (f.bbox() != null) {
            clauses.add("geom && ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4490)");
            params.put("x1", f.bbox()[0]);
            params.put("y1", f.bbox()[1]);
            params.put("x2", f.bbox()[2]);
            params.put("y2", f.bbox()[3]);
        }
        if (f.q() != null) {
            clauses.add("(name like :q or address like :q)");
            params.put("q", "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (!clauses.isEmpty()) sql.append(" where ").append(String.join(" and ", clauses));
        return params;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, Row r) {
        FacilityAttributes a = r.attributes() == null ? FacilityAttributes.NONE : r.attributes();
        return s.param("kind", r.kind().code()).param("name", r.name()).param("address", r.address())
                .param("division", r.divisionCode()).param("lon", r.lon()).param("lat", r.lat())
                .param("operatorKind", r.operatorKind()).param("operatorName", r.operatorName()).param("beds", r.beds())
                .param("nursingBeds", r.nursingBeds()).param("floorArea", r.floorAreaM2()).param("landArea", r.landAreaM2())
                .param("capacity", r.capacity()).param("status", r.status())
                .param("openedOn", r.openedOn() == null ? null : Date.valueOf(r.openedOn()))
                .param("closedOn", r.closedOn() == null ? null : Date.valueOf(r.closedOn()))
                .param("subtype", a.subtype())
                .param("functions", a.functions() == null ? null : "{" + String.join(",", a.functions()) + "}")
                .param("medicalCare", a.medicalCare()).param("cremators", a.cremators()).param("ecoCremators", a.ecoCremators())
                .param("publicSection", a.publicSectionAreaM2()).param("grade", a.grade());
    }

    static Facility map(ResultSet rs, int i) throws SQLException {
        FacilityKind kind = FacilityKind.parse(rs.getString("kind")).orElseThrow();
        return new Facility(rs.getLong("id"), kind.code(), kind.label(), rs.getString("name"), rs.getString("address"),
                rs.getString("division_code"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("operator_kind"),
                rs.getString("operator_name"), (Integer) rs.getObject("beds"), (Integer) rs.getObject("nursing_beds"),
                (Double) rs.getObject("floor_area_m2"), (Double) rs.getObject("land_area_m2"), (Integer) rs.getObject("capacity"),
                rs.getString("status"), rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                rs.getString("location_source"), (Double) rs.getObject("geocode_confidence"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                attributes(rs));
    }

    static FacilityAttributes attributes(ResultSet rs) throws SQLException {
        java.sql.Array fn = rs.getArray("functions");
        return new FacilityAttributes(rs.getString("subtype"), fn == null ? null : List.of((String[]) fn.getArray()),
                (Boolean) rs.getObject("medical_care"), (Integer) rs.getObject("cremators"), (Integer) rs.getObject("eco_cremators"),
                (Double) rs.getObject("public_section_area_m2"), rs.getString("grade"));
    }
}
