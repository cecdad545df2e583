package dev.marquee.orderapi.catalog.imports.xlsx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A worksheet's {@code <sheetData>} read as it streams out of the zip, kept as stored (a cell's type, style and raw
 * value): shared strings and styles may come later in the archive, so {@link WorkbookCells} turns them into text
 * once the whole file is read. Rows and cells without a reference follow the previous one; a row or cell stored
 * twice keeps the later one, and rows are put in order, as POI did.
 */
final class WorksheetXml {

    /** A cell as stored: {@code kind} is its {@code t} ({@code n} when absent), {@code value} its text or null. */
    record RawCell(int column, String kind, int style, String value) {
    }

    record RawRow(int number, List<RawCell> cells) {
    }

    private WorksheetXml() {
    }

    static SortedMap<Integer, RawRow> rows(XMLStreamReader xml, Tally tally) throws XMLStreamException, IOException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("sheetData")) {
                break;
            }
        }
        Rows rows = new Rows(tally);
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                rows.start(xml);
            } else if (event == XMLStreamConstants.END_ELEMENT && rows.end(xml.getLocalName())) {
                break; // what follows the sheet data (merged cells, print setup) is not read
            }
        }
        return rows.read;
    }

    /** The rows read so far, and the row and cell being read. */
    private static final class Rows {

        private final SortedMap<Integer, RawRow> read = new TreeMap<>();
        private final Tally tally;
        private List<RawCell> cells;
        private int number;
        private int column;
        private String kind;
        private int style;
        private String value;

        Rows(Tally tally) {
            this.tally = tally;
        }

        void start(XMLStreamReader xml) throws XMLStreamException, IOException {
            switch (xml.getLocalName()) {
                case "row" -> startRow(PartsXml.attribute(xml, "r"));
                case "c" -> startCell(xml);
                case "v" -> value = xml.getElementText();
                case "is" -> value = PartsXml.richText(xml, "is");
                default -> {
                }
            }
        }

        /** Ends the element; answers whether it was the sheet data. */
        boolean end(String name) {
            switch (name) {
                case "c" -> cells.add(new RawCell(column, kind, style, value));
                case "row" -> {
                    read.put(number, new RawRow(number, cells));
                    cells = null;
                }
                case "sheetData" -> {
                    return true;
                }
                default -> {
                }
            }
            return false;
        }

        private void startRow(String reference) throws IOException {
            tally.row();
            number = rowNumber(reference, number);
            cells = new ArrayList<>();
            column = -1;
        }

        private void startCell(XMLStreamReader xml) throws IOException {
            if (cells == null) {
                throw new IOException("a cell outside a row");
            }
            tally.cell();
            String reference = PartsXml.attribute(xml, "r");
            column = reference == null ? column + 1 : column(reference);
            if (column >= Limits.COLUMNS) {
                throw new IOException("a cell past column XFD");
            }
            kind = kind(PartsXml.attribute(xml, "t"));
            style = PartsXml.integer(PartsXml.attribute(xml, "s"), 0);
            value = null;
        }
    }

    private static int rowNumber(String reference, int previous) throws IOException {
        int number = reference == null ? previous + 1 : PartsXml.integer(reference, 0);
        if (number < 1 || number > Limits.ROW_NUMBERS) {
            throw new IOException("row number " + number + " is outside 1 to " + Limits.ROW_NUMBERS);
        }
        return number;
    }

    /** The column of a reference like {@code C5}: 2. */
    static int column(String reference) throws IOException {
        int column = 0;
        int i = 0;
        for (; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            char letter = Character.toUpperCase(reference.charAt(i));
            if (letter < 'A' || letter > 'Z' || column > Limits.COLUMNS) {
                throw new IOException("the cell reference " + reference + " is not one");
            }
            column = column * 26 + letter - 'A' + 1;
        }
        if (i == 0) {
            throw new IOException("the cell reference " + reference + " is not one");
        }
        return column - 1;
    }

    /** The cell's type as one of a few constants, so that a million cells do not keep a million copies of "s". */
    private static String kind(String t) {
        return switch (t == null ? "n" : t) {
            case "n" -> "n";
            case "s" -> "s";
            case "str" -> "str";
            case "inlineStr" -> "inlineStr";
            case "b" -> "b";
            case "e" -> "e";
            case "d" -> "d";
            default -> "n";
        };
    }
}
