package org.phasegate.bargain;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.phasegate.problem.Position;
import org.phasegate.problem.Quote;

/**
 * A minimal element tree, read with StAX (no DTDs, no external entities); each element keeps the line and column of
 * its {@code <}. Malformed markup stops the parser, so it is the one problem reported for such a file.
 */
record XmlTree(String name, String text, Position at, List<XmlTree> children) {
    /** Far deeper than KTAB's format (four levels); deeper input is refused before the recursion can overflow. */
    private static final int MAX_DEPTH = 64;

    XmlTree {
        children = List.copyOf(children);
    }

    static XmlTree parse(String file, String xml) throws IssueParseException {
        // the JDK's own StAX parser, whose line and column the tests pin, found without a service look-up at start-up
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        String body = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        var lines = new Lines(body);
        try {
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(body));
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) return element(r, lines, 0);
                }
                throw new IssueParseException(file, 1, "no XML element found; the file must hold a <Scenario> element");
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNumber());
            String msg = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw new IssueParseException(file, line, column, "malformed XML: " + Quote.shorten(msg.strip()) + "; fix the markup");
        }
    }

    private static XmlTree element(XMLStreamReader r, Lines lines, int depth) throws XMLStreamException {
        String name = r.getLocalName();
        Position at = lines.tagBefore(r.getLocation().getCharacterOffset());
        if (depth > MAX_DEPTH) throw new XMLStreamException("elements nested more than " + MAX_DEPTH + " deep", r.getLocation());
        StringBuilder text = new StringBuilder();
        List<XmlTree> children = new ArrayList<>();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                children.add(element(r, lines, depth + 1));
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return new XmlTree(name, text.toString().strip(), at, children);
    }

    List<XmlTree> all(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    XmlTree optional(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
    }

    /**
     * Line and column of a character offset, counting lines as every reader does (\n, \r\n or a lone \r ends one).
     * StAX gives the offset after a start tag; the element is shown at its {@code <}.
     */
    private static final class Lines {
        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            var found = new ArrayList<Integer>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) found.add(i + 1);
            }
            starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        Position tagBefore(int offset) {
            int end = Math.min(Math.max(offset, 0), text.length());
            int lt = text.lastIndexOf('<', end - 1);
            return at(lt < 0 ? end : lt);
        }

        private Position at(int offset) {
            int i = Arrays.binarySearch(starts, offset);
            int line = i >= 0 ? i : -i - 2;
            return new Position(line + 1, offset - starts[line] + 1);
        }
    }
}
