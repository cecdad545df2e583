package dev.marquee.orderapi.catalog.imports.xlsx;

import static dev.marquee.orderapi.catalog.imports.xlsx.HandWrittenWorkbooks.MAIN;
import static dev.marquee.orderapi.catalog.imports.xlsx.HandWrittenWorkbooks.relationships;
import static dev.marquee.orderapi.catalog.imports.xlsx.HandWrittenWorkbooks.sheet;
import static dev.marquee.orderapi.catalog.imports.xlsx.HandWrittenWorkbooks.workbook;
import static dev.marquee.orderapi.catalog.imports.xlsx.HandWrittenWorkbooks.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The spec's rarer forms, which POI does not write but other programs may. */
class XlsxByHandTest {

    static List<WorkbookRow> rows(Map<String, String> parts) throws IOException {
        List<WorkbookSheet> sheets = XlsxWorkbook.read(zip(parts));
        assertThat(sheets).hasSize(1);
        return sheets.getFirst().rows();
    }

    static WorkbookRow row(int number, Object... columnsAndTexts) {
        TreeMap<Integer, String> cells = new TreeMap<>();
        for (int i = 0; i < columnsAndTexts.length; i += 2) {
            cells.put((Integer) columnsAndTexts[i], (String) columnsAndTexts[i + 1]);
        }
        return new WorkbookRow(number, cells);
    }

    @Test
    void rowsAndCellsWithoutReferencesFollowThePreviousOneAndRowsAreSorted() throws IOException {
        List<WorkbookRow> rows = rows(workbook("<row r=\"3\"><c><v>1</v></c><c r=\"D3\"><v>2</v></c><c><v>3</v></c>"
                + "</row><row><c><v>4</v></c></row><row r=\"2\"><c r=\"B2\"><v>5</v></c></row>"
                + "<row r=\"2\"><c r=\"C2\"><v>6</v></c><c r=\"C2\"><v>7</v></c></row>"));

        assertThat(rows).containsExactly(row(2, 2, "7"), row(3, 0, "1", 3, "2", 4, "3"), row(4, 0, "4"));
    }

    @Test
    void everyCellTypeReadsAsItsText() throws IOException {
        Map<String, String> parts = workbook("<row r=\"1\">"
                        + "<c r=\"A1\" t=\"s\"><v>0</v></c>"
                        + "<c r=\"B1\" t=\"s\"><v>1</v></c>"
                        + "<c r=\"C1\" t=\"inlineStr\"><is><r><t>in</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">"
                        + "line </t></r></is></c>"
                        + "<c r=\"D1\" t=\"str\"><f>A1&amp;\"x\"</f><v>a_x000D_b</v></c>"
                        + "<c r=\"E1\" t=\"b\"><v>1</v></c><c r=\"F1\" t=\"b\"><v>0</v></c>"
                        + "<c r=\"G1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                        + "<c r=\"H1\" t=\"d\"><v>2026-12-24T18:00:00</v></c><c r=\"I1\" t=\"d\"><v>2026-12-24</v></c>"
                        + "<c r=\"J1\"><f>1+1</f></c><c r=\"K1\" s=\"0\"/><c r=\"L1\"><v> 12.50 </v></c>"
                        + "<c r=\"M1\" t=\"s\"></c></row>",
                "plain", "<si><r><t>ri</t></r><r><rPr><i/></rPr><t>ch</t></r><rPh sb=\"0\" eb=\"1\"><t>ル</t></rPh>"
                        + "</si>");

        assertThat(rows(parts)).containsExactly(row(1, 0, "plain", 1, "rich", 2, "inline ", 3, "a\rb", 4, "TRUE",
                5, "FALSE", 6, "#DIV/0!", 7, "2026-12-24T18:00:00", 8, "2026-12-24", 9, "", 10, "", 11, "12.5", 12,
                ""));
    }

    @Test
    void datesFollowTheCellStylesNumberFormatsNotOtherStylesOnes() throws IOException {
        Map<String, String> parts = workbook("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>46380.75</v></c>"
                + "<c r=\"B1\" s=\"2\"><v>46380.75</v></c><c r=\"C1\" s=\"3\"><v>46380</v></c>"
                + "<c r=\"D1\" s=\"0\"><v>46380</v></c><c r=\"E1\" s=\"9\"><v>46380</v></c></row>");
        parts.put("xl/styles.xml", "<styleSheet xmlns=\"" + MAIN + "\"><numFmts count=\"2\">"
                + "<numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm\"/><numFmt numFmtId=\"165\" formatCode=\"0.0\"/>"
                + "</numFmts><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
                + "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"><alignment/></xf><xf numFmtId=\"165\"/>"
                + "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs>"
                + "<dxfs><dxf><numFmt numFmtId=\"166\" formatCode=\"yyyy\"/></dxf></dxfs></styleSheet>");

        assertThat(rows(parts)).containsExactly(row(1, 0, "2026-12-24T18:00:00", 1, "46380.75", 2, "2026-12-24",
                3, "46380", 4, "46380"));
    }

    @Test
    void partsAreFoundThroughTheRelationshipsWhereverTheyAreAndStrictXmlReads() throws IOException {
        String strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("book/sheets/one.xml", sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
                .replace(MAIN, strict));
        parts.put("book/_rels/main.xml.rels", relationships("a", "worksheet", "/book/sheets/one.xml", "b",
                "sharedStrings", "../shared/./strings.xml", "c", "worksheet", "sheets/two.xml"));
        parts.put("shared/strings.xml", "<sst xmlns=\"" + strict + "\"><si><t>found</t></si></sst>");
        parts.put("book/main.xml", "<workbook xmlns=\"" + strict + "\" xmlns:r=\"http://purl.oclc.org/ooxml/"
                + "officeDocument/relationships\"><workbookPr date1904=\"false\"/><sheets>"
                + "<sheet name=\"second\" sheetId=\"2\" r:id=\"c\"/><sheet name=\"first\" sheetId=\"1\" r:id=\"a\"/>"
                + "</sheets></workbook>");
        parts.put("book/sheets/two.xml", "<chartsheet xmlns=\"" + strict + "\"/>");
        parts.put("_rels/.rels", relationships("r", "officeDocument", "book/main.xml"));
        parts.put("[Content_Types].xml", "<Types/>");

        List<WorkbookSheet> sheets = XlsxWorkbook.read(zip(parts));

        assertThat(sheets).containsExactly(new WorkbookSheet("second", List.of()),
                new WorkbookSheet("first", List.of(row(1, 0, "found"))));
    }
}
