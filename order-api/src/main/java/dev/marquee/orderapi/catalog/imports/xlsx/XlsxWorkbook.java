package dev.marquee.orderapi.catalog.imports.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the sheets of an {@code .xlsx} workbook with the JDK alone (a zip and StAX), in one pass over the archive:
 * each part is parsed as it is unpacked, never held whole, and every part's size and the rows and cells counted
 * against {@link Limits}. The workbook ({@code workbook.xml}, found through {@code _rels/.rels}) names the sheets in
 * tab order and their parts through its relationships; the shared strings, styles and sheets are found the same way.
 * Anything that does not read as a workbook is an {@link IOException} saying why.
 */
public final class XlsxWorkbook {

    private static final String DEFAULT_WORKBOOK = "xl/workbook.xml";

    private final Tally tally;
    private final Set<String> parts = new HashSet<>();
    private final Map<String, Map<String, PartsXml.Relationship>> relationships = new HashMap<>();
    private final Map<String, PartsXml.WorkbookXml> workbooks = new HashMap<>();
    private final Map<String, List<String>> sharedStrings = new HashMap<>();
    private final Map<String, boolean[]> styles = new HashMap<>();
    private final Map<String, SortedMap<Integer, WorksheetXml.RawRow>> worksheets = new HashMap<>();

    private XlsxWorkbook(Limits limits) {
        this.tally = new Tally(limits);
    }

    public static List<WorkbookSheet> read(byte[] zip) throws IOException {
        return read(zip, Limits.DEFAULT);
    }

    public static List<WorkbookSheet> read(byte[] zip, Limits limits) throws IOException {
        XlsxWorkbook workbook = new XlsxWorkbook(limits);
        ZipParts.each(zip, limits.bytes(), limits.entries(), workbook::part);
        return workbook.sheets();
    }

    private void part(String name, InputStream content) throws IOException {
        parts.add(name);
        if (!name.endsWith(".xml") && !name.endsWith(".rels")) {
            return; // images, printer settings, VBA: not read
        }
        XMLStreamReader xml = PartsXml.open(content);
        try {
            String root = PartsXml.root(xml);
            switch (root == null ? "" : root) {
                case "Relationships" -> relationships.put(name, PartsXml.relationships(xml));
                case "workbook" -> workbooks.put(name, PartsXml.workbook(xml));
                case "sst" -> sharedStrings.put(name, PartsXml.sharedStrings(xml, tally));
                case "styleSheet" -> styles.put(name, PartsXml.dateStyles(xml));
                case "worksheet" -> worksheets.put(name, WorksheetXml.rows(xml, tally));
                default -> {
                }
            }
        } catch (XMLStreamException | IllegalArgumentException e) {
            // IllegalArgumentException: a number attribute that is not one
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException unpacking) {
                    throw unpacking; // the archive's budget, wrapped by the parser
                }
            }
            throw new IOException(name + " is not readable: " + e.getMessage(), e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing held
            }
        }
    }

    private List<WorkbookSheet> sheets() throws IOException {
        String workbookPart = linked(relationships.getOrDefault("_rels/.rels", Map.of()), "", "/officeDocument")
                .orElse(DEFAULT_WORKBOOK);
        PartsXml.WorkbookXml workbook = workbooks.get(workbookPart);
        if (workbook == null) {
            throw new IOException("it has no workbook part (" + workbookPart + ")");
        }
        String folder = folder(workbookPart);
        Map<String, PartsXml.Relationship> links = relationships.getOrDefault(
                folder + "_rels/" + workbookPart.substring(folder.length()) + ".rels", Map.of());
        WorkbookCells cells = new WorkbookCells(
                linked(links, folder, "/sharedStrings").map(sharedStrings::get).orElse(List.of()),
                linked(links, folder, "/styles").map(styles::get).orElse(new boolean[0]),
                workbook.date1904());
        List<WorkbookSheet> sheets = new ArrayList<>();
        for (PartsXml.SheetRef ref : workbook.sheets()) {
            PartsXml.Relationship link = links.get(ref.relationId());
            if (ref.name() == null || link == null || link.external()) {
                throw new IOException("the sheet " + ref.name() + " has no part in the workbook");
            }
            String path = resolve(folder, link.target());
            if (!parts.contains(path)) {
                throw new IOException("the sheet " + ref.name() + "'s part " + path + " is missing");
            }
            // a chart sheet has no worksheet part: no rows
            sheets.add(new WorkbookSheet(ref.name(), rows(ref.name(), worksheets.remove(path), cells)));
        }
        return sheets;
    }

    private static List<WorkbookRow> rows(String sheet, SortedMap<Integer, WorksheetXml.RawRow> stored,
                                          WorkbookCells cells) throws IOException {
        List<WorkbookRow> rows = new ArrayList<>(stored == null ? 0 : stored.size());
        if (stored == null) {
            return rows;
        }
        for (WorksheetXml.RawRow row : stored.values()) {
            SortedMap<Integer, String> texts = new TreeMap<>();
            for (WorksheetXml.RawCell cell : row.cells()) {
                try {
                    texts.put(cell.column(), cells.text(cell));
                } catch (IOException e) {
                    throw new IOException("sheet " + sheet + ", cell " + reference(cell.column(), row.number())
                            + ": " + e.getMessage(), e);
                }
            }
            rows.add(new WorkbookRow(row.number(), texts));
        }
        return rows;
    }

    /** The part the first relationship of this type points at, if any. */
    private static Optional<String> linked(Map<String, PartsXml.Relationship> links, String folder,
                                                     String typeSuffix) {
        return links.values().stream()
                .filter(r -> !r.external() && r.type() != null && r.target() != null && r.type().endsWith(typeSuffix))
                .map(r -> resolve(folder, r.target())).sorted().findFirst();
    }

    private static String folder(String part) {
        return part.substring(0, part.lastIndexOf('/') + 1);
    }

    /** A relationship's target as a zip entry name: absolute ({@code /xl/...}) or relative to the source's folder. */
    static String resolve(String folder, String target) {
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.removeLast();
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }

    private static String reference(int column, int row) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + row;
    }
}
