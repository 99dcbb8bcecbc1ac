package cn.civgeo.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.civgeo.common.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabularTest {
    @Test
    void readsQuotedCsvWithBomAndBlankLines() {
        String csv = "\uFEFFname,Address,note\r\n思明区,\"厦门市思明区, 鹭江道8号\",\"说 \"\"好\"\"\"\r\n\r\n湖里区,,\"两\n行\"\n";
        Tabular t = Tabular.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "x.csv");
        assertThat(t.headers()).containsExactly("name", "Address", "note");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).get("address")).isEqualTo("厦门市思明区, 鹭江道8号");
        assertThat(t.rows().get(0).get("note")).isEqualTo("说 \"好\"");
        assertThat(t.rows().get(1).rowNumber()).isEqualTo(3);
        assertThat(t.rows().get(1).get("address")).isNull();
        assertThat(t.rows().get(1).get("note")).isEqualTo("两\n行");
    }

    @Test
    void readsGbkCsvAsChineseExcelSavesIt() {
        byte[] gbk = "名称,地址\n鼓浪屿,思明区\n".getBytes(Charset.forName("GBK"));
        Tabular t = Tabular.read(new ByteArrayInputStream(gbk), "g.csv");
        assertThat(t.rows().get(0).get("名称")).isEqualTo("鼓浪屿");
    }

    @Test
    void xlsxRoundTrip() {
        byte[] x = Tabular.xlsx("s", List.of("code", "name", "beds"), List.of(List.of("350203", "思明区", 120), List.of("350206", "湖里区", 0)));
        Tabular t = Tabular.read(new ByteArrayInputStream(x), "t.xlsx");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).get("name")).isEqualTo("思明区");
        assertThat(t.rows().get(0).get("beds")).isEqualTo("120");
    }

    @Test
    void csvWriterQuotesAndDefusesFormulas() {
        String out = new String(Tabular.csv(List.of("a", "b"), List.of(List.of("x,y", "=1+1"))), StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("\uFEFFa,b\r\n\"x,y\",'=1+1\r\n");
    }

    @Test
    void emptyFileIsRejectedNamingTheFile() {
        assertThatThrownBy(() -> Tabular.read(new ByteArrayInputStream(new byte[0]), "e.csv"))
                .isInstanceOf(ApiException.class).hasMessageContaining("file");
    }
}
