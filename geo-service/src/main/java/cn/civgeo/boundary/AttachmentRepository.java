package cn.civgeo.boundary;

import cn.civgeo.boundary.AttachmentService.Attachment;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@link AttachmentService}: boundary_attachment. */
@Repository
class AttachmentRepository {
    /** What an attachment's row keeps of its bytes: {@code data} in the database, or a {@code storagePath}. */
    record Stored(String filename, String contentType, byte[] data, String storagePath) {}

    /** A row's thumbnail (null when not made yet). */
    record Thumbnail(String filename, String contentType, byte[] thumb) {}

    /** A new row; {@code data} null when the bytes are kept at {@code path}. */
    record NewAttachment(String ownerKind, long ownerId, String kind, String filename, String contentType, long sizeBytes,
                         String sha256, byte[] data, String path, String uploadedBy, byte[] thumbnail) {}

    private static final String SELECT = """
            select id, owner_kind, owner_id, kind, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at
              from boundary_attachment""";

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewAttachment a) {
        return jdbc.sql("""
                        insert into boundary_attachment(owner_kind, owner_id, kind, filename, content_type, size_bytes, sha256,
                               data, storage_path, uploaded_by, thumbnail)
                        values (:ok, :oid, :kind, :fn, :ct, :size, :sha, :data, :path, :by, :thumb) returning id""")
                .param("ok", a.ownerKind()).param("oid", a.ownerId()).param("kind", a.kind()).param("fn", a.filename())
                .param("ct", a.contentType()).param("size", a.sizeBytes()).param("sha", a.sha256()).param("data", a.data())
                .param("path", a.path()).param("by", a.uploadedBy()).param("thumb", a.thumbnail())
                .query(Long.class).single();
    }

    Optional<Attachment> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(AttachmentRepository::map).optional();
    }

    List<Attachment> ofOwner(String ownerKind, long ownerId) {
        return jdbc.sql(SELECT + " where owner_kind = :ok and owner_id = :oid order by id")
                .param("ok", ownerKind).param("oid", ownerId).query(AttachmentRepository::map).list();
    }

    /** The photos of a marker: its own and those of its inspection records, by id. */
    List<Attachment> markerPhotos(long markerId) {
        return jdbc.sql(SELECT + " " + """
                         where (owner_kind = 'marker' and owner_id = :m)
                            or (owner_kind = 'marker_record' and owner_id in (select id from marker_record where marker_id = :m))
                         order by id""").param("m", markerId).query(AttachmentRepository::map).list();
    }

    /** Attachments per owner id (owners without any are missing); {@code ownerIds} must not be empty. */
    Map<Long, Long> counts(String ownerKind, List<Long> ownerIds) {
        return jdbc.sql("select owner_id, count(*) n from boundary_attachment where owner_kind = :ok and owner_id in (:ids) group by owner_id")
                .param("ok", ownerKind).param("ids", ownerIds)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Optional<Stored> stored(long id) {
        return jdbc.sql("select filename, content_type, data, storage_path from boundary_attachment where id = :id")
                .param("id", id).query((rs, i) -> new Stored(rs.getString("filename"), rs.getString("content_type"),
                        rs.getBytes("data"), rs.getString("storage_path"))).optional();
    }

    Optional<Thumbnail> thumbnail(long id) {
        return jdbc.sql("select filename, content_type, thumbnail from boundary_attachment where id = :id").param("id", id)
                .query((rs, i) -> new Thumbnail(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** Keeps a thumbnail made late, unless another request kept one first. */
    void keepThumbnail(long id, byte[] thumb) {
        jdbc.sql("update boundary_attachment set thumbnail = :t where id = :id and thumbnail is null")
                .param("t", thumb).param("id", id).update();
    }

    private static Attachment map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long id = rs.getLong("id");
        return new Attachment(id, rs.getString("owner_kind"), rs.getLong("owner_id"), rs.getString("kind"),
                rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class),
                "/api/boundary/attachments/" + id);
    }
}
