package dev.marquee.orderapi.catalog.imports.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The small parts of a workbook read with StAX, element names matched without their namespace (so that strict OOXML
 * reads like transitional): the workbook's sheet list, relationships, shared strings and cell styles. The parser is
 * the JDK's own, with DTDs and external entities off: a part cannot make it read a file or a URL, nor expand entities.
 */
final class PartsXml {

    private static final XMLInputFactory XML = factory();
    private static final Pattern ESCAPED = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private PartsXml() {
    }

    record SheetRef(String name, String relationId) {
    }

    record WorkbookXml(List<SheetRef> sheets, boolean date1904) {
    }

    record Relationship(String id, String type, String target, boolean external) {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    static XMLStreamReader open(InputStream in) throws IOException {
        try {
            return XML.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Moves to the root element and answers its name, or null for a part without one. */
    static String root(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                return xml.getLocalName();
            }
        }
        return null;
    }

    static WorkbookXml workbook(XMLStreamReader xml) throws XMLStreamException {
        List<SheetRef> sheets = new ArrayList<>();
        Boolean date1904 = null;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "sheet" -> sheets.add(new SheetRef(attribute(xml, "name"), relationId(xml)));
                case "workbookPr" -> date1904 = date1904 != null ? date1904 : isTrue(attribute(xml, "date1904"));
                default -> {
                }
            }
        }
        return new WorkbookXml(sheets, Boolean.TRUE.equals(date1904));
    }

    static Map<String, Relationship> relationships(XMLStreamReader xml) throws XMLStreamException {
        Map<String, Relationship> relationships = new HashMap<>();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
                Relationship r = new Relationship(attribute(xml, "Id"), attribute(xml, "Type"),
                        attribute(xml, "Target"), "External".equals(attribute(xml, "TargetMode")));
                relationships.put(r.id(), r);
            }
        }
        return relationships;
    }

    /** The shared strings: each {@code <si>}'s text, its rich-text runs joined, phonetic hints left out. */
    static List<String> sharedStrings(XMLStreamReader xml, Tally tally) throws XMLStreamException, IOException {
        List<String> strings = new ArrayList<>();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                tally.sharedString();
                strings.add(richText(xml, "si"));
            }
        }
        return strings;
    }

    /**
     * Which cell styles (by index, a cell's {@code s}) show dates: from each {@code cellXfs/xf}'s number format, a
     * built-in one or a custom {@code numFmts/numFmt}.
     */
    static boolean[] dateStyles(XMLStreamReader xml) throws XMLStreamException {
        Map<Integer, String> codes = new HashMap<>();
        List<Integer> formats = new ArrayList<>();
        String parent = "";
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("numFmts") || name.equals("cellXfs")) {
                    parent = name;
                } else if (name.equals("numFmt") && parent.equals("numFmts")) {
                    codes.put(integer(attribute(xml, "numFmtId"), 0), attribute(xml, "formatCode"));
                } else if (name.equals("xf") && parent.equals("cellXfs")) {
                    formats.add(integer(attribute(xml, "numFmtId"), 0));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(parent)) {
                parent = "";
            }
        }
        boolean[] dates = new boolean[formats.size()];
        for (int i = 0; i < dates.length; i++) {
            int id = formats.get(i);
            dates[i] = DateFormats.isDate(id, codes.get(id));
        }
        return dates;
    }

    /** The text of the element the reader is in ({@code si} or {@code is}): its {@code t}s outside {@code rPh}. */
    static String richText(XMLStreamReader xml, String element) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("rPh")) {
                    phonetic++;
                } else if (name.equals("t")) {
                    String t = xml.getElementText();
                    if (phonetic == 0) {
                        text.append(t);
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("rPh")) {
                    phonetic--;
                } else if (name.equals(element)) {
                    break;
                }
            }
        }
        return unescape(text.toString());
    }

    /** Characters XML cannot hold are written {@code _x000D_}: the character again, as Excel and POI read them. */
    static String unescape(String text) {
        if (!text.contains("_x")) {
            return text;
        }
        Matcher escaped = ESCAPED.matcher(text);
        StringBuilder plain = new StringBuilder(text.length());
        while (escaped.find()) {
            escaped.appendReplacement(plain, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escaped.group(1), 16))));
        }
        escaped.appendTail(plain);
        return plain.toString();
    }

    static String attribute(XMLStreamReader xml, String localName) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(localName)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The {@code r:id} of a {@code <sheet>}: the attribute {@code id} in a namespace (not {@code sheetId}). */
    private static String relationId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if (xml.getAttributeLocalName(i).equals("id") && namespace != null && !namespace.isEmpty()) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    static boolean isTrue(String value) {
        return "1".equals(value) || "true".equals(value);
    }

    static int integer(String value, int otherwise) {
        return value == null ? otherwise : Integer.parseInt(value.strip());
    }
}
