package dev.marquee.orderapi.catalog.imports.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Workbooks written part by part, for what POI does not write: hostile files and the spec's rarer forms. */
final class HandWrittenWorkbooks {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private HandWrittenWorkbooks() {
    }

    /** A workbook of one sheet {@code s} whose {@code <sheetData>} holds these rows, with these shared strings. */
    static Map<String, String> workbook(String rows, String... sharedStrings) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        parts.put("_rels/.rels", relationships("rId1", "officeDocument", "xl/workbook.xml"));
        parts.put("xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\"><sheets>"
                + "<sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", relationships("rId1", "worksheet", "worksheets/sheet1.xml",
                "rId2", "sharedStrings", "sharedStrings.xml", "rId3", "styles", "styles.xml"));
        parts.put("xl/worksheets/sheet1.xml", sheet(rows));
        StringBuilder sst = new StringBuilder("<sst xmlns=\"" + MAIN + "\">");
        for (String s : sharedStrings) {
            sst.append(s.startsWith("<") ? s : "<si><t>" + s + "</t></si>");
        }
        parts.put("xl/sharedStrings.xml", sst.append("</sst>").toString());
        parts.put("xl/styles.xml", "<styleSheet xmlns=\"" + MAIN + "\"><cellXfs><xf numFmtId=\"0\"/></cellXfs>"
                + "</styleSheet>");
        return parts;
    }

    static String sheet(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"" + MAIN + "\">"
                + "<dimension ref=\"A1\"/><sheetData>" + rows + "</sheetData></worksheet>";
    }

    /** Relationships from (id, type's last word, target) triples. */
    static String relationships(String... triples) {
        StringBuilder xml = new StringBuilder(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 0; i < triples.length; i += 3) {
            xml.append("<Relationship Id=\"").append(triples[i]).append("\" Type=\"").append(RELATIONSHIPS)
                    .append('/').append(triples[i + 1]).append("\" Target=\"").append(triples[i + 2]).append("\"/>");
        }
        return xml.append("</Relationships>").toString();
    }

    static byte[] zip(Map<String, String> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip with one more entry of this many zero bytes: a zip bomb, about a thousand times smaller than it unpacks. */
    static byte[] withZeros(Map<String, String> parts, String name, int megabytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
