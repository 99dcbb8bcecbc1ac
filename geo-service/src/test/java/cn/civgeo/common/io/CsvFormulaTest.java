package cn.civgeo.common.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class CsvFormulaTest {
    private static final String ATTACK = "-2+3+cmd|'/Ccalc'!A0";

    @Test
    void everyFormulaStartIsNeutralisedInCsv() {
        List<List<?>> rows = List.of(Arrays.asList(ATTACK, "=1+1", "+1+1", "@SUM(A1)", "\tcmd", "\rcmd", "-12.5", "001", 42, null));
        String csv = new String(Tabular.csv(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), rows), StandardCharsets.UTF_8);
        String line = csv.split("\r\n")[1];
        assertThat(line).isEqualTo("'" + ATTACK + ",'=1+1,'+1+1,'@SUM(A1),'\tcmd,\"'\rcmd\",-12.5,001,42,");
    }

    @Test
    void plainNumbersAndCodesStayAsTheyAre() {
        assertThat(SafeCells.dangerous("-12.5")).isFalse();
        assertThat(SafeCells.dangerous("+86")).isFalse();
        assertThat(SafeCells.dangerous("350203001001")).isFalse();
        assertThat(SafeCells.dangerous("-1+1")).isTrue();
        assertThat(SafeCells.dangerous("- 1")).isTrue();
        assertThat(SafeCells.text("厦门市")).isEqualTo("厦门市");
    }

    @Test
    void xlsxCellsAreTextAndNeutralised() throws Exception {
        byte[] book = Tabular.xlsx("t", List.of("code", "note", "n"), List.of(Arrays.asList("001", ATTACK, 7)));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            Row r = wb.getSheetAt(0).getRow(1);
            assertThat(r.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(r.getCell(0).getStringCellValue()).isEqualTo("001");
            assertThat(r.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(r.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(r.getCell(1).getStringCellValue()).isEqualTo("'" + ATTACK);
            assertThat(r.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void ourOwnExportReadsBackAsWritten() {
        byte[] csv = Tabular.csv(List.of("note", "code"), List.of(List.of(ATTACK, "001")));
        Tabular t = Tabular.read(new ByteArrayInputStream(csv), "x.csv");
        assertThat(t.rows().get(0).get("note")).isEqualTo(ATTACK);
        assertThat(t.rows().get(0).get("code")).isEqualTo("001");
        assertThat(Tabular.readCsv("note\n'plain\n").rows().get(0).get("note")).isEqualTo("'plain");
    }

    @org.junit.jupiter.api.Test
    void codeColumnsAreWrittenAsTextForSpreadsheets() {
        org.assertj.core.api.Assertions.assertThat(SafeCells.csvCode("350203001001")).isEqualTo("\"=\"\"350203001001\"\"\"");
        org.assertj.core.api.Assertions.assertThat(SafeCells.csvCode("35020300100100012345678")).startsWith("\"=\"\"3502");
        // Anything but digits is an ordinary (neutralised) field: nothing can ride inside the ="…".
        org.assertj.core.api.Assertions.assertThat(SafeCells.csvCode("=1+2")).isEqualTo("'=1+2");
        org.assertj.core.api.Assertions.assertThat(SafeCells.csvCode("35\"+cmd")).doesNotStartWith("\"=");
        org.assertj.core.api.Assertions.assertThat(SafeCells.codeColumn("parentCode")).isTrue();
        org.assertj.core.api.Assertions.assertThat(SafeCells.codeColumn("population")).isFalse();
    }
}
