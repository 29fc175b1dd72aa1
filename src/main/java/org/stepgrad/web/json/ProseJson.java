package org.stepgrad.web.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.stepgrad.lesson.Prose;

/** Writes an author's prose as {"html", "plain", "blocks"}: safe HTML for readers, plain blocks for our pages. */
public final class ProseJson {
    private ProseJson() {
    }

    public static void write(JsonGenerator json, String field, Prose prose) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("html", prose.html());
        json.writeStringField("plain", prose.plain());
        json.writeArrayFieldStart("blocks");
        for (Prose.Block block : prose.blocks()) {
            json.writeStartObject();
            json.writeStringField("kind", block.kind());
            json.writeArrayFieldStart("items");
            for (List<Prose.Span> item : block.items()) {
                json.writeStartArray();
                for (Prose.Span s : item) {
                    json.writeStartObject();
                    json.writeStringField("text", s.text());
                    if (s.strong()) json.writeBooleanField("strong", true);
                    if (s.em()) json.writeBooleanField("em", true);
                    if (s.code()) json.writeBooleanField("code", true);
                    if (s.href() != null) json.writeStringField("href", s.href());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
