package org.stepgrad.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written (1-based line and column), so a lesson's
 * mistakes can be reported at their place in the file, not just by path.
 */
public sealed interface YamlNode {
    int line();

    int column();

    /** What a reader calls this kind of value in an error sentence. */
    String kind();

    /** A mapping, in file order; {@code keys} holds where each key was written. */
    record Map_(Map<String, YamlNode> fields, Map<String, YamlNode.Scalar> keys, int line, int column) implements YamlNode {
        public Map_ {
            fields = new LinkedHashMap<>(fields);
            keys = new LinkedHashMap<>(keys);
        }

        public YamlNode get(String key) {
            return fields.get(key);
        }

        public String kind() {
            return "a mapping";
        }
    }

    record Seq(List<YamlNode> items, int line, int column) implements YamlNode {
        public Seq {
            items = List.copyOf(items);
        }

        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar as written; {@code number} says the YAML reader took it for a number.
     * {@code block} is set for a literal or folded block ({@code |}, {@code >}), whose text starts
     * on line {@code line + 1} at column {@code indent + 1}.
     */
    record Scalar(String text, boolean number, boolean isNull, boolean block, int indent, int line, int column) implements YamlNode {
        public String kind() {
            return isNull ? "nothing" : number ? "a number" : "text";
        }
    }
}
