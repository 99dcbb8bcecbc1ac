package cn.civgeo.boundary;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos and documents attached to markers, inspection records, problems and disputes. Size-limited
 * ({@code civgeo.boundary.attachment-max-bytes}); photos must be JPEG, PNG or WebP by their magic bytes. Bytes are
 * kept in the database unless {@code civgeo.boundary.attachment-dir} names a directory, where they are stored as
 * {@code <sha256>} files (identical uploads share one file).
 */
@Service
public class AttachmentService {
    public record Attachment(long id, String ownerKind, long ownerId, String kind, String filename, String contentType,
                             long sizeBytes, String sha256, String uploadedBy, OffsetDateTime uploadedAt, String url) {}

    public record Content(String filename, String contentType, byte[] bytes) {}

    /** Longest side of a thumbnail, in pixels. */
    public static final int THUMBNAIL_PX = 320;

    private static final Set<String> OWNERS = Set.of("marker", "marker_record", "problem", "dispute", "line");
    private static final Set<String> DOCUMENT_TYPES = Set.of("application/pdf", "image/jpeg", "image/png", "image/webp");

    private final AttachmentRepository repo;
    private final AuditService audit;
    private final long maxBytes;
    private final String dir;

    AttachmentService(AttachmentRepository repo, AuditService audit,
                      @Value("${civgeo.boundary.attachment-max-bytes:5242880}") long maxBytes,
                      @Value("${civgeo.boundary.attachment-dir:}") String dir) {
        this.repo = repo;
        this.audit = audit;
        this.maxBytes = maxBytes;
        this.dir = dir == null ? "" : dir.strip();
    }

    @Transactional
    public Attachment add(String ownerKind, long ownerId, String kind, MultipartFile file) {
        if (!OWNERS.contains(ownerKind)) throw new IllegalArgumentException(ownerKind);
        if (file == null || file.isEmpty()) throw ApiException.badField("file", "is required and must not be empty");
        if (file.getSize() > maxBytes) {
            throw new ApiException(ProblemType.TOO_LARGE, "file: larger than the limit of " + maxBytes + " bytes",
                    List.of(new cn.civgeo.common.FieldProblem("file", "larger than " + maxBytes + " bytes")));
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw ApiException.badField("file", "could not be read");
        }
        String type = sniff(bytes);
        if ("photo".equals(kind) && (type == null || type.equals("application/pdf"))) {
            throw ApiException.badField("file", "a photo must be JPEG, PNG or WebP");
        }
        if (type == null || !DOCUMENT_TYPES.contains(type)) {
            throw ApiException.badField("file", "must be PDF, JPEG, PNG or WebP");
        }
        // an image must decode (a file named .jpg with JPEG's first bytes and garbage after is refused here, not
        // found broken in the field); its thumbnail is made now, once
        byte[] thumb = type.startsWith("image/") ? thumbnail(bytes) : null;
        String sha = sha256(bytes);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? kind
                : Path.of(file.getOriginalFilename()).getFileName().toString();
        String path = null;
        if (!dir.isEmpty()) {
            try {
                Path d = Path.of(dir);
                Files.createDirectories(d);
                Path target = d.resolve(sha);
                if (!Files.exists(target)) Files.write(target, bytes);
                path = target.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long id = repo.insert(new AttachmentRepository.NewAttachment(ownerKind, ownerId, kind, name, type,
                (long) bytes.length, sha, path == null ? bytes : null, path, AuditService.currentActor(), thumb));
        Attachment a = get(id);
        audit.created("boundary_attachment", id, a);
        return a;
    }

    public Attachment get(long id) {
        return repo.find(id)
                .orElseThrow(() -> ApiException.notFound("attachment", id));
    }

    public List<Attachment> list(String ownerKind, long ownerId) {
        return repo.ofOwner(ownerKind, ownerId);
    }

    /** The photos of a marker: its own and those of its inspection records (newest record's last), by id. */
    public List<Attachment> markerPhotos(long markerId) {
        return repo.markerPhotos(markerId);
    }

    public Map<Long, Long> counts(String ownerKind, List<Long> ownerIds) {
        if (ownerIds.isEmpty()) return Map.of();
        return repo.counts(ownerKind, ownerIds);
    }

    public Content content(long id) {
        AttachmentRepository.Stored r = repo.stored(id).orElseThrow(() -> ApiException.notFound("attachment", id));
        byte[] data = r.data();
        if (data == null) {
            try {
                data = Files.readAllBytes(Path.of(r.storagePath()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Content(r.filename(), r.contentType(), data);
    }

    /**
     * The thumbnail of an image attachment (JPEG, longest side {@value #THUMBNAIL_PX} px); made and kept on first
     * request for attachments uploaded before thumbnails were. A PDF has none (404).
     */
    public Content thumbnail(long id) {
        AttachmentRepository.Thumbnail r = repo.thumbnail(id).orElseThrow(() -> ApiException.notFound("attachment", id));
        if (!r.contentType().startsWith("image/")) throw ApiException.notFound("attachment thumbnail", id);
        byte[] thumb = r.thumb();
        if (thumb == null) {
            thumb = thumbnail(content(id).bytes());
            repo.keepThumbnail(id, thumb);
        }
        String base = r.filename().replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        return new Content(base + "-thumbnail.jpg", "image/jpeg", thumb);
    }

    /**
     * A JPEG whose longest side is at most {@value #THUMBNAIL_PX} px (smaller images keep their size), from JPEG, PNG
     * or WebP bytes (WebP through TwelveMonkeys' ImageIO plugin). Transparent pixels go white. A file that does not
     * decode as an image is the caller's mistake: 400 naming {@code file}.
     */
    static byte[] thumbnail(byte[] image) {
        java.awt.image.BufferedImage src;
        try {
            src = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image));
        } catch (IOException | RuntimeException e) {
            src = null;
        }
        if (src == null || src.getWidth() < 1 || src.getHeight() < 1) throw ApiException.badField("file", "is not a readable image");
        double scale = Math.min(1.0, (double) THUMBNAIL_PX / Math.max(src.getWidth(), src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * scale)), h = Math.max(1, (int) Math.round(src.getHeight() * scale));
        // halve with bilinear steps first (a one-step downscale of a 4000 px photo aliases), then to size
        java.awt.image.BufferedImage cur = src;
        while (cur.getWidth() / 2 >= w && cur.getHeight() / 2 >= h) cur = draw(cur, cur.getWidth() / 2, cur.getHeight() / 2);
        java.awt.image.BufferedImage out = draw(cur, w, h);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
            javax.imageio.ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.8f);
            try (javax.imageio.stream.ImageOutputStream ios = javax.imageio.ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(ios);
                writer.write(null, new javax.imageio.IIOImage(out, null, null), p);
            } finally {
                writer.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static java.awt.image.BufferedImage draw(java.awt.image.BufferedImage src, int w, int h) {
        java.awt.image.BufferedImage dst = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return dst;
    }

    /** Content type from the first bytes; null when not one we accept. */
    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) return "image/jpeg";
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') return "image/webp";
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') return "application/pdf";
        return null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
