package dev.marquee.orderapi.catalog.imports.xlsx;

import static dev.marquee.orderapi.catalog.imports.xlsx.HandWrittenWorkbooks.MAIN;
import static dev.marquee.orderapi.catalog.imports.xlsx.HandWrittenWorkbooks.sheet;
import static dev.marquee.orderapi.catalog.imports.xlsx.HandWrittenWorkbooks.withZeros;
import static dev.marquee.orderapi.catalog.imports.xlsx.HandWrittenWorkbooks.workbook;
import static dev.marquee.orderapi.catalog.imports.xlsx.HandWrittenWorkbooks.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files made to hurt the reader end in an IOException saying why, within the limits, and read nothing else. */
class XlsxHostileFilesTest {

    static final Limits SMALL = new Limits(1024 * 1024, 50, 100, 50);

    @Test
    void aZipBombInAnEntryNobodyReadsIsStoppedAtTheByteLimit() throws IOException {
        byte[] bomb = withZeros(workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"), "xl/media/image1.png", 3);
        assertThat(bomb.length).isLessThan(20_000);

        assertThatThrownBy(() -> XlsxWorkbook.read(bomb, SMALL)).isInstanceOf(IOException.class)
                .hasMessage("the archive unpacks to more than 1 MB");
        assertThat(XlsxWorkbook.read(bomb, new Limits(4 * 1024 * 1024, 50, 100, 50))).hasSize(1);
    }

    @Test
    void aSheetThatUnpacksPastTheLimitIsStopped() {
        Map<String, String> parts = workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + " ".repeat(2_000_000));

        assertThatThrownBy(() -> XlsxWorkbook.read(zip(parts), SMALL)).hasMessage(
                "the archive unpacks to more than 1 MB");
    }

    @Test
    void rowsCellsAndSharedStringsAreCounted() {
        String hundredAndOneCells = "<row r=\"1\">" + "<c><v>1</v></c>".repeat(101) + "</row>";
        String fiftyOneRows = "<row/>".repeat(51);
        String[] strings = new String[101];
        Arrays.fill(strings, "x");

        assertThatThrownBy(() -> XlsxWorkbook.read(zip(workbook(hundredAndOneCells)), SMALL))
                .hasMessage("the workbook has more than 100 cells");
        assertThatThrownBy(() -> XlsxWorkbook.read(zip(workbook(fiftyOneRows)), SMALL))
                .hasMessage("the workbook has more than 50 rows");
        assertThatThrownBy(() -> XlsxWorkbook.read(zip(workbook("", strings)), SMALL))
                .hasMessage("the workbook has more than 100 shared strings");
    }

    @Test
    void cellsAndRowsOutsideASheetAreRefused() throws IOException {
        assertThatThrownBy(() -> XlsxWorkbook.read(zip(workbook("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"))))
                .hasMessageContaining("past column XFD");
        assertThat(WorksheetXml.column("XFD1")).isEqualTo(16_383);
        assertThatThrownBy(() -> XlsxWorkbook.read(zip(workbook("<row r=\"0\"/>"))))
                .hasMessageContaining("row number 0 is outside 1 to 1048576");
        assertThatThrownBy(() -> XlsxWorkbook.read(zip(workbook("<row r=\"1048577\"/>"))))
                .hasMessageContaining("row number 1048577");
        assertThatThrownBy(() -> XlsxWorkbook.read(zip(workbook("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>"))))
                .hasMessageContaining("the cell reference 1A is not one");
    }

    @Test
    void anExternalEntityIsNotRead(@TempDir Path folder) throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "SECRET");
        Map<String, String> parts = workbook("");
        parts.put("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]><sst xmlns=\"" + MAIN + "\"><si><t>&xxe;</t></si></sst>");
        parts.put("xl/worksheets/sheet1.xml", sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"));

        assertThatThrownBy(() -> XlsxWorkbook.read(zip(parts))).isInstanceOf(IOException.class)
                .hasMessageStartingWith("xl/sharedStrings.xml is not readable")
                .hasMessageContaining("xxe").hasMessageNotContaining("SECRET");
    }

    @Test
    void entitiesAreNotExpanded() {
        StringBuilder laughs = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        Map<String, String> parts = workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>");
        parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><!DOCTYPE worksheet [" + laughs + "]>"
                + parts.get("xl/worksheets/sheet1.xml").substring(parts.get("xl/worksheets/sheet1.xml").indexOf("?>")
                + 2));

        assertThatThrownBy(() -> XlsxWorkbook.read(zip(parts))).isInstanceOf(IOException.class)
                .hasMessageContaining("lol9");
    }

    @Test
    void aBrokenWorkbookSaysWhereItIsBroken() {
        assertThatThrownBy(() -> XlsxWorkbook.read(zip(workbook("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>3</v></c></row>",
                "only"))))
                .hasMessage("sheet s, cell B2: shared string 3 does not exist");
        assertThatThrownBy(() -> XlsxWorkbook.read(zip(workbook("<row r=\"1\"><c r=\"C1\"><v>abc</v></c></row>"))))
                .hasMessage("sheet s, cell C1: 'abc' is not a number");
        Map<String, String> noWorkbook = workbook("");
        noWorkbook.remove("xl/workbook.xml");
        assertThatThrownBy(() -> XlsxWorkbook.read(zip(noWorkbook))).hasMessage(
                "it has no workbook part (xl/workbook.xml)");
        Map<String, String> noSheet = workbook("");
        noSheet.remove("xl/worksheets/sheet1.xml");
        assertThatThrownBy(() -> XlsxWorkbook.read(zip(noSheet))).hasMessage(
                "the sheet s's part xl/worksheets/sheet1.xml is missing");
        Map<String, String> notXml = workbook("");
        notXml.put("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row></worksheet>");
        assertThatThrownBy(() -> XlsxWorkbook.read(zip(notXml))).hasMessageStartingWith(
                "xl/worksheets/sheet1.xml is not readable");
    }

    @Test
    void whatIsNotAZipOrIsACorruptOneIsRefused() throws IOException {
        byte[] good = zip(workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"));
        byte[] truncated = Arrays.copyOf(good, good.length - 30);
        byte[] twice = zip(Map.of("xl/a.xml", "<a/>", "xl/b.xml", "<b/>"));
        String text = new String(twice, StandardCharsets.ISO_8859_1).replace("xl/b.xml", "xl/a.xml");
        byte[] lying = good.clone();
        int directory = new String(good, StandardCharsets.ISO_8859_1).lastIndexOf("PK\u0001\u0002");
        lying[directory + 42] = (byte) 0xF0; // the last entry's local header "far away"

        assertThatThrownBy(() -> XlsxWorkbook.read("code,name\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("not a zip archive (no central directory)");
        assertThatThrownBy(() -> XlsxWorkbook.read(truncated)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> XlsxWorkbook.read(text.getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessage("the archive holds xl/a.xml twice");
        assertThatThrownBy(() -> XlsxWorkbook.read(lying)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("not a readable zip archive");
    }
}
