package cn.civgeo.placename;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL on {@code place_name} and its side tables. Geometry goes in and out as GeoJSON in EPSG:4490. */
@Repository
class PlaceNameRepository {
    static final String SELECT = """
            select p.id, p.code, p.name, p.short_name, p.aliases, p.spelling, p.spelling_source, p.pronunciation, p.pinyin,
                   p.initials, p.category_code, c.name as category_name, p.division_code, p.division_codes,
                   st_asgeojson(p.geom, 7) as geometry,
                   case when geometrytype(p.geom) in ('LINESTRING','MULTILINESTRING') then round(st_length(p.geom::geography)::numeric, 1) end as length_m,
                   p.location_text, p.meaning, p.history, p.description, p.status, p.is_current, p.naming_date,
                   p.established_year, p.abolished_year, p.approval_authority, p.approval_doc, p.approval_date, p.announced_at,
                   p.announcement_no, p.reject_reason, p.numbering, p.proposed_by, p.reviewed_by,
                   (select coalesce(json_agg(json_build_object('name', f.name, 'spelling', f.spelling, 'validFrom', f.valid_from,
                           'validTo', f.valid_to, 'reason', f.reason, 'approvalDoc', f.approval_doc) order by f.id), '[]'::json)
                      from place_name_former f where f.place_name_id = p.id)::text as former_names,
                   p.version, p.created_at, p.updated_at
              from place_name p join place_category c on c.code = p.category_code
            """;

    private final JdbcClient jdbc;

    public PlaceNameRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** A WKT geometry as GeoJSON (PostGIS); throws when the text is not WKT. */
    String geoJsonOfWkt(String wkt) {
        return jdbc.sql("select st_asgeojson(st_geomfromtext(:w))").param("w", wkt).query(String.class).single();
    }

    public Optional<PlaceName> find(long id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(PlaceNameRepository::map).optional();
    }

    public Optional<PlaceName> findByCode(String code) {
        return jdbc.sql(SELECT + " where p.code = :code").param("code", code).query(PlaceNameRepository::map).optional();
    }

    public List<PlaceName> findAll(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql(SELECT + " where p.id in (:ids) order by p.id").param("ids", ids).query(PlaceNameRepository::map).list();
    }

    public long insert(PlaceName p) {
        return params(jdbc.sql("""
                insert into place_name(code, name, short_name, aliases, spelling, spelling_source, pronunciation, pinyin, initials,
                    category_code, division_code, division_codes, geom, location_text, meaning, history, description, status,
                    is_current, naming_date, established_year, abolished_year, approval_authority, approval_doc, approval_date,
                    announced_at, announcement_no, reject_reason, numbering, proposed_by, reviewed_by)
                values (:code, :name, :shortName, :aliases, :spelling, :spellingSource, :pronunciation, :pinyin, :initials,
                    :category, :division, :divisions, st_setsrid(st_geomfromgeojson(:geom), 4490), :locationText, :meaning,
                    :history, :description, :status, :current, :namingDate, :establishedYear, :abolishedYear, :approvalAuthority,
                    :approvalDoc, :approvalDate, :announcedAt, :announcementNo, :rejectReason, :numbering, :proposedBy, :reviewedBy)
                returning id"""), p).query(Long.class).single();
    }

    /** Writes every column of {@code p} if the row is still at {@code version}; false when it is not. */
    public boolean update(PlaceName p, int version) {
        return params(jdbc.sql("""
                update place_name set code = :code, name = :name, short_name = :shortName, aliases = :aliases,
                    spelling = :spelling, spelling_source = :spellingSource, pronunciation = :pronunciation, pinyin = :pinyin,
                    initials = :initials, category_code = :category, division_code = :division, division_codes = :divisions,
                    geom = st_setsrid(st_geomfromgeojson(:geom), 4490), location_text = :locationText, meaning = :meaning,
                    history = :history, description = :description, status = :status, is_current = :current,
                    naming_date = :namingDate, established_year = :establishedYear, abolished_year = :abolishedYear,
                    approval_authority = :approvalAuthority, approval_doc = :approvalDoc, approval_date = :approvalDate,
                    announced_at = :announcedAt, announcement_no = :announcementNo, reject_reason = :rejectReason,
                    numbering = :numbering, proposed_by = :proposedBy, reviewed_by = :reviewedBy,
                    version = version + 1, updated_at = now()
                 where id = :id and version = :version"""), p).param("id", p.id()).param("version", version).update() == 1;
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec s, PlaceName p) {
        return s.param("code", p.code()).param("name", p.name()).param("shortName", p.shortName())
                .param("aliases", p.aliases() == null ? new String[0] : p.aliases().toArray(String[]::new))
                .param("spelling", p.spelling()).param("spellingSource", p.spellingSource()).param("pronunciation", p.pronunciation())
                .param("pinyin", p.pinyin()).param("initials", p.initials()).param("category", p.categoryCode())
                .param("division", p.divisionCode())
                .param("divisions", p.divisionCodes() == null ? new String[0] : p.divisionCodes().toArray(String[]::new))
                .param("geom", p.geometry()).param("locationText", p.locationText()).param("meaning", p.meaning())
                .param("history", p.history()).param("description", p.description()).param("status", p.status())
                .param("current", p.current()).param("namingDate", p.namingDate()).param("establishedYear", p.establishedYear())
                .param("abolishedYear", p.abolishedYear()).param("approvalAuthority", p.approvalAuthority())
                .param("approvalDoc", p.approvalDoc()).param("approvalDate", p.approvalDate()).param("announcedAt", p.announcedAt())
                .param("announcementNo", p.announcementNo()).param("rejectReason", p.rejectReason()).param("numbering", p.numbering())
                .param("proposedBy", p.proposedBy()).param("reviewedBy", p.reviewedBy());
    }

    public String nextCode(String county, String category) {
        long seq = jdbc.sql("select nextval('place_name_code_seq')").query(Long.class).single();
        return county + category + String.format("%06d", seq % 1_000_000);
    }

    public void insertEvent(long id, String kind, String from, String to, String actor, String reason, String doc, String detailJson) {
        jdbc.sql("""
                insert into place_name_event(place_name_id, kind, from_status, to_status, actor, reason, approval_doc, detail)
                values (:id, :kind, :from, :to, :actor, :reason, :doc, cast(:detail as jsonb))""")
                .param("id", id).param("kind", kind).param("from", from).param("to", to).param("actor", actor)
                .param("reason", reason).param("doc", doc).param("detail", detailJson).update();
    }

    public record Event(long id, String kind, String fromStatus, String toStatus, OffsetDateTime at, String actor, String reason,
                        String approvalDoc) {}

    public List<Event> events(long id) {
        return jdbc.sql("""
                select id, kind, from_status, to_status, at, actor, reason, approval_doc from place_name_event
                 where place_name_id = :id order by at, id""").param("id", id)
                .query((rs, i) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7), rs.getString(8))).list();
    }

    public void insertFormer(long id, String name, String spelling, String pinyin, LocalDate from, LocalDate to, String reason, String doc) {
        jdbc.sql("""
                insert into place_name_former(place_name_id, name, spelling, pinyin, valid_from, valid_to, reason, approval_doc)
                values (:id, :name, :spelling, :pinyin, :from, :to, :reason, :doc)""")
                .param("id", id).param("name", name).param("spelling", spelling).param("pinyin", pinyin).param("from", from)
                .param("to", to).param("reason", reason).param("doc", doc).update();
    }

    /** Geometry facts of a GeoJSON input: type, validity, a point on it (for the division) and its length. */
    public record GeometryFacts(String type, boolean valid, String reason, double lon, double lat, Double lengthM) {}

    public GeometryFacts geometryFacts(String geojson) {
        return jdbc.sql("""
                select geometrytype(g), st_isvalid(g), st_isvalidreason(g), st_x(st_pointonsurface(g)), st_y(st_pointonsurface(g)),
                       case when geometrytype(g) in ('LINESTRING','MULTILINESTRING') then st_length(g::geography) end
                  from (select st_setsrid(st_geomfromgeojson(:g), 4490) g) x""").param("g", geojson)
                .query((rs, i) -> new GeometryFacts(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getDouble(4),
                        rs.getDouble(5), (Double) rs.getObject(6))).single();
    }

    /** The finest divisions the geometry touches (read-only use of the division feature's point-lookup table). */
    public List<String> divisionsTouching(String geojson) {
        return jdbc.sql("""
                with g as (select st_setsrid(st_geomfromgeojson(:g), 4490) g),
                     hit as (select distinct p.code, p.level from division_part_read p, g where st_intersects(p.geom, g.g))
                select code from hit where level = (select max(level) from hit) order by code""")
                .param("g", geojson).query(String.class).list();
    }

    public List<Long> roadIdsByName(String name, String divisionPrefix) {
        return jdbc.sql("""
                select id from place_name where status = 'approved' and category_code in ('2410','2420','2520','2530','2540')
                   and division_code like :p and (name = :n or :n = any(aliases)
                        or id in (select place_name_id from place_name_former where name = :n))
                 order by (name = :n) desc, id""").param("n", name).param("p", divisionPrefix + "%").query(Long.class).list();
    }

    public boolean categoryExists(String code) {
        return jdbc.sql("select count(*) from place_category where code = :c").param("c", code).query(Long.class).single() > 0;
    }

    public record Category(String code, String classCode, String name, List<String> geometryKinds) {}

    public List<Category> categories() {
        return jdbc.sql("select code, class_code, name, geometry_kinds from place_category order by sort")
                .query((rs, i) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4)))).list();
    }

    public Map<String, String> categoryNames() {
        return jdbc.sql("select code, name from place_category").query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static PlaceName map(ResultSet rs, int i) throws SQLException {
        return new PlaceName(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
                strings(rs.getArray("aliases")), rs.getString("spelling"), rs.getString("spelling_source"), rs.getString("pronunciation"),
                rs.getString("pinyin"), rs.getString("initials"), rs.getString("category_code"), rs.getString("category_name"),
                rs.getString("division_code"), strings(rs.getArray("division_codes")), rs.getString("geometry"),
                (Double) (rs.getObject("length_m") == null ? null : rs.getBigDecimal("length_m").doubleValue()),
                rs.getString("location_text"), rs.getString("meaning"), rs.getString("history"), rs.getString("description"),
                rs.getString("status"), rs.getBoolean("is_current"), rs.getObject("naming_date", LocalDate.class),
                (Integer) rs.getObject("established_year", Integer.class), (Integer) rs.getObject("abolished_year", Integer.class),
                rs.getString("approval_authority"), rs.getString("approval_doc"), rs.getObject("approval_date", LocalDate.class),
                rs.getObject("announced_at", OffsetDateTime.class), rs.getString("announcement_no"), rs.getString("reject_reason"),
                rs.getString("numbering"), rs.getString("proposed_by"), rs.getString("reviewed_by"), rs.getString("former_names"),
                rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    static List<String> strings(Array a) throws SQLException {
        if (a == null) return List.of();
        return Arrays.asList((String[]) a.getArray());
    }
}
