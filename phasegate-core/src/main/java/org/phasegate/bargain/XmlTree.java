package org.phasegate.bargain;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** A minimal element tree with line numbers, read with StAX (no DTDs, no external entities). */
record XmlTree(String name, String text, int line, List<XmlTree> children) {

    static XmlTree parse(String file, String xml) throws IssueParseException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        String body = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        try {
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(body));
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        return element(r, 0);
                    }
                }
                throw new IssueParseException(file, 1, "no XML element found; the file must hold a <Scenario> element");
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNumber());
            String msg = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw new IssueParseException(file, line, column, "malformed XML: " + org.phasegate.problem.Quote.shorten(msg.strip()) + "; fix the markup");
        }
    }

    /** Far deeper than KTAB's format (four levels); deeper input is refused before the recursion can overflow. */
    private static final int MAX_DEPTH = 64;

    private static XmlTree element(XMLStreamReader r, int depth) throws XMLStreamException {
        String name = r.getLocalName();
        int line = r.getLocation().getLineNumber();
        if (depth > MAX_DEPTH) throw new XMLStreamException("elements nested more than " + MAX_DEPTH + " deep", r.getLocation());
        StringBuilder text = new StringBuilder();
        List<XmlTree> children = new ArrayList<>();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                children.add(element(r, depth + 1));
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return new XmlTree(name, text.toString().strip(), line, List.copyOf(children));
    }

    List<XmlTree> all(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    XmlTree optional(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
    }

    XmlTree required(String file, String childName) throws IssueParseException {
        XmlTree c = optional(childName);
        if (c == null) {
            throw new IssueParseException(file, line, "<" + name + "> lacks the element <" + childName + ">; add it");
        }
        return c;
    }

    String requiredText(String file, String childName) throws IssueParseException {
        XmlTree c = required(file, childName);
        if (c.text.isEmpty()) {
            throw new IssueParseException(file, c.line, "<" + childName + "> is empty; give it a value");
        }
        return c.text;
    }
}
