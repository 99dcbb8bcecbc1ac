package cn.civgeo.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.civgeo.common.ApiException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipGuardGzipTest {
    @TempDir
    Path dir;

    private static byte[] gzip(byte[] b, int times) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            for (int i = 0; i < times; i++) z.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void anOrdinaryGzipInflatesUnchanged() throws Exception {
        byte[] line = "<node id=\"1\" lat=\"24.5\" lon=\"118.1\"/>\n".getBytes(StandardCharsets.UTF_8);
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(gzip(line, 20_000)));
        assertThat(ZipGuard.isGzip(in)).isTrue();
        Path out = dir.resolve("a.osm");
        ZipGuard.gunzip(in, out, "file");
        assertThat(Files.size(out)).isEqualTo((long) line.length * 20_000);
        assertThat(ZipGuard.isGzip(new BufferedInputStream(new ByteArrayInputStream(line)))).isFalse();
    }

    @Test
    void aBombIsRefusedNamingTheField() throws Exception {
        byte[] bomb = gzip(new byte[1 << 20], 100);
        assertThatThrownBy(() -> ZipGuard.gunzip(new ByteArrayInputStream(bomb), dir.resolve("b.osm"), "file"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).startsWith("file: inflates to more than"));
        assertThat(Files.size(dir.resolve("b.osm"))).isLessThanOrEqualTo(11L << 20);
        assertThatThrownBy(() -> ZipGuard.gunzip(new ByteArrayInputStream("not gzip".getBytes()), dir.resolve("c.osm"), "file"))
                .isInstanceOf(ApiException.class).hasMessageContaining("file");
    }
}
