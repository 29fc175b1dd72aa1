package org.stepgrad.lesson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML text into {@link YamlNode}s that keep their line and column. */
final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final int MAX_DEPTH = 40;

    private final String text;
    private final String[] lines;

    private YamlReader(String text) {
        this.text = text;
        this.lines = text.split("\n", -1);
    }

    /** The document's root value; a syntax fault comes back as a {@link LessonException} with its place. */
    static YamlNode read(String text) {
        return new YamlReader(text).document();
    }

    private YamlNode document() {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) throw new LessonException(1, 1, "the file is empty; a lesson starts with 'title:'");
            YamlNode root = value(parser, 0);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new LessonException(at.getLineNr(), at.getColumnNr(), "a lesson file holds one YAML document; remove the second one");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String why = e.getOriginalMessage();
            int cut = why.indexOf('\n');
            if (cut > 0) why = why.substring(0, cut);
            throw new LessonException(at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1, at.getColumnNr()),
                    "this is not valid YAML: " + why);
        } catch (IOException e) {
            throw new LessonException(1, 1, "the file could not be read: " + e.getMessage());
        }
    }

    private YamlNode value(JsonParser parser, int depth) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (depth > MAX_DEPTH) throw new LessonException(line, column, "the YAML is nested too deeply");
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> fields = new LinkedHashMap<>();
                Map<String, YamlNode.Scalar> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String key = parser.currentName();
                    if (fields.containsKey(key)) {
                        throw new LessonException(keyAt.getLineNr(), keyAt.getColumnNr(), "'" + key + "' is written twice here; keep one");
                    }
                    keys.put(key, new YamlNode.Scalar(key, false, false, false, 0, keyAt.getLineNr(), keyAt.getColumnNr()));
                    parser.nextToken();
                    fields.put(key, value(parser, depth + 1));
                }
                return new YamlNode.Map_(fields, keys, line, column);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) items.add(value(parser, depth + 1));
                return new YamlNode.Seq(items, line, column);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar("", false, true, false, 0, line, column);
            }
            default -> {
                boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
                return scalar(parser.getText(), number, line, column);
            }
        }
    }

    /** Notes whether the scalar is a block ('|' or '>') and how far its text is indented. */
    private YamlNode.Scalar scalar(String value, boolean number, int line, int column) {
        String written = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        String from = column - 1 < written.length() ? written.substring(Math.max(0, column - 1)).trim() : "";
        boolean block = from.startsWith("|") || from.startsWith(">");
        int indent = 0;
        if (block) {
            for (int l = line; l < lines.length; l++) {
                String next = lines[l];
                if (next.isBlank()) continue;
                while (indent < next.length() && next.charAt(indent) == ' ') indent++;
                break;
            }
        }
        return new YamlNode.Scalar(value, number, false, block, indent, line, column);
    }
}
