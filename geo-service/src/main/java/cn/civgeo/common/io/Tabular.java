package cn.civgeo.common.io;

import cn.civgeo.common.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table read from CSV (UTF-8 with or without BOM, or GBK as Chinese Excel saves it; RFC 4180 quoting) or from
 * the first sheet of an .xlsx workbook. Header names are trimmed; lookups ignore case.
 */
public final class Tabular {
    private final List<String> headers;
    private final List<DataRow> dataRows;

    /** One data row; {@code rowNumber} is 1-based over data rows (the header is row 0). */
    public record DataRow(int rowNumber, Map<String, String> values) {
        public String get(String header) {
            String v = values.get(header.toLowerCase(Locale.ROOT));
            if (v == null || v.isBlank()) return null;
            v = v.strip();
            // Our own exports neutralise formulas with a leading apostrophe (SafeCells): read them back as written.
            return v.length() > 1 && v.charAt(0) == '\'' && SafeCells.dangerous(v.substring(1)) ? v.substring(1) : v;
        }
    }

    private Tabular(List<String> headers, List<DataRow> rows) {
        this.headers = List.copyOf(headers);
        this.dataRows = List.copyOf(rows);
    }

    public List<String> headers() { return headers; }

    public List<DataRow> rows() { return dataRows; }

    public int size() { return dataRows.size(); }

    /** Reads CSV or .xlsx, chosen by the file name (or by the zip signature when the name says nothing). */
    public static Tabular read(InputStream in, String filename) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw ApiException.badField("file", "could not be read");
        }
        boolean xlsx = filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                || bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xls")) {
            throw ApiException.badField("file", "old .xls workbooks are not supported; save as .xlsx or CSV");
        }
        return xlsx ? readXlsx(bytes) : readCsv(decodeText(bytes));
    }

    public static Tabular readCsv(String text) {
        List<List<String>> records = CsvParser.parse(text);
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            throw ApiException.badField("file", "has no header row");
        }
        return fromRecords(records);
    }

    private static Tabular fromRecords(List<List<String>> records) {
        List<String> headers = records.get(0).stream().map(String::strip).toList();
        List<DataRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> rec = records.get(i);
            if (rec.stream().allMatch(s -> s == null || s.isBlank())) continue;
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < headers.size(); c++) {
                values.put(headers.get(c).toLowerCase(Locale.ROOT), c < rec.size() ? rec.get(c) : null);
            }
            rows.add(new DataRow(i, values));
        }
        return new Tabular(headers, rows);
    }

    private static Tabular readXlsx(byte[] bytes) {
        try (Workbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            List<List<String>> records = new ArrayList<>();
            int width = 0;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> rec = new ArrayList<>();
                if (row != null) {
                    int last = Math.max(row.getLastCellNum(), 0);
                    for (int c = 0; c < last; c++) {
                        Cell cell = row.getCell(c);
                        rec.add(cell == null ? "" : fmt.formatCellValue(cell));
                    }
                }
                if (r == 0) width = rec.size();
                records.add(rec);
            }
            if (records.isEmpty() || width == 0) throw ApiException.badField("file", "has no header row");
            return fromRecords(records);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException a) throw a;
            throw ApiException.badField("file", "is not a readable .xlsx workbook");
        }
    }

    /** Text of a CSV file: UTF-8 (a BOM dropped) when it decodes as UTF-8, else GBK (as Chinese Excel saves it). */
    public static String decodeText(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, start, bytes.length - start, Charset.forName("GBK"));
        }
    }

    /** CSV with a UTF-8 BOM so Excel opens Chinese text correctly. */
    public static void writeCsv(OutputStream out, List<String> headers, List<List<?>> rows) throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(CsvParser.line(headers));
        for (List<?> r : rows) sb.append(CsvParser.line(r));
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] csv(List<String> headers, List<List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeCsv(out, headers, rows);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A one-sheet workbook; numbers stay numbers. Streams rows so large exports stay small in memory. */
    public static void writeXlsx(OutputStream out, String sheetName, List<String> headers, List<List<?>> rows) throws IOException {
        writeXlsx(out, sheetName, headers, sink -> rows.forEach(sink));
    }

    /** Rows handed one at a time to a sink (a database cursor, see {@link StreamedExport}). */
    @FunctionalInterface
    public interface RowSource {
        void each(java.util.function.Consumer<List<?>> sink) throws IOException;
    }

    /** The same workbook from rows produced one at a time: SXSSF keeps 200 rows in memory, the rest on disk. */
    public static void writeXlsx(OutputStream out, String sheetName, List<String> headers, RowSource rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(sheetName);
            // Text cells stay text (codes keep their leading zeros, nothing is evaluated).
            org.apache.poi.ss.usermodel.CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            Row h = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) h.createCell(c).setCellValue(SafeCells.text(headers.get(c)));
            int[] next = {1};
            rows.each(values -> {
                Row row = sheet.createRow(next[0]++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) continue;
                    if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                    else if (v instanceof Boolean b) row.createCell(c).setCellValue(b);
                    else {
                        Cell cell = row.createCell(c);
                        cell.setCellStyle(text);
                        cell.setCellValue(SafeCells.text(v.toString()));
                    }
                }
            });
            wb.write(out);
        }
    }

    public static byte[] xlsx(String sheetName, List<String> headers, List<List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeXlsx(out, sheetName, headers, rows);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
