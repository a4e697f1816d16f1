package org.phasegate.bargain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on: a map, a list, or a scalar
 * (String, Number, Boolean or null). Jackson's tree model drops locations,
 * so this small tree keeps them for error messages.
 */
sealed interface YamlNode {
    int line();

    record Mapping(Map<String, YamlNode> entries, int line) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
    }

    record Scalar(Object value, int line) implements YamlNode {
    }

    static YamlNode parse(String file, String text) throws IssueParseException {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IssueParseException(file, 1, "empty YAML file; see docs/bargaining.md for the issue format");
            }
            return read(p, t);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IssueParseException(file, line, "malformed YAML: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "; fix the indentation or quoting");
        } catch (IOException e) {
            throw new IssueParseException(file, 0, "could not read YAML: " + e.getMessage());
        }
    }

    private static YamlNode read(JsonParser p, JsonToken t) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    m.put(key, read(p, p.nextToken()));
                }
                return new Mapping(m, line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(p, n));
                }
                return new Sequence(items, line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Scalar(p.getNumberValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(p.getBooleanValue(), line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, line);
            }
            default -> {
                return new Scalar(p.getText(), line);
            }
        }
    }
}
