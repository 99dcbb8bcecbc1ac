package cn.civgeo.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How the text GDAL writes from a parcel file is decoded ({@link ParcelCandidates#decode}): UTF-8, else GBK. */
class ParcelTextTest {
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void utf8StaysUtf8EvenWithAFieldNameCutInHalfACharacter() {
        byte[] name = "地块编号".getBytes(StandardCharsets.UTF_8); // 12 bytes: a DBF keeps 10, half of 号
        byte[] cut = Arrays.copyOf(name, 10);
        byte[] csv = concat("WKT,".getBytes(StandardCharsets.UTF_8), cut, ",DKBH\n\"POINT (1 2)\",湖滨,A-1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ParcelCandidates.utf8(csv)).isTrue();
        assertThat(ParcelCandidates.decode(csv)).contains("湖滨").startsWith("WKT,地块编");
    }

    @Test
    void gbkIsReadAsGbk() {
        byte[] csv = "WKT,名称,DKBH\n\"POINT (1 2)\",湖滨一号地块,A-1\n".getBytes(GBK);
        assertThat(ParcelCandidates.utf8(csv)).isFalse();
        assertThat(ParcelCandidates.decode(csv)).isEqualTo("WKT,名称,DKBH\n\"POINT (1 2)\",湖滨一号地块,A-1\n");
        // only the header in GBK (ASCII names): still GBK
        assertThat(ParcelCandidates.decode("名称\nA-1\n".getBytes(GBK))).isEqualTo("名称\nA-1\n");
        // a lead byte not followed by its continuation inside a value is not UTF-8
        assertThat(ParcelCandidates.utf8(new byte[] {'a', (byte) 0xE6, 'b', ','})).isFalse();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) { System.arraycopy(p, 0, out, at, p.length); at += p.length; }
        return out;
    }
}
