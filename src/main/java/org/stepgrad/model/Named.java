package org.stepgrad.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A model choice named in lesson files, programs and URLs. Its name there is the constant's,
 * lower-cased with dashes ({@code GRADIENT_DESCENT} is "gradient-descent"), so the enums carry no
 * copy of it and one lookup serves them all.
 */
public interface Named {
    String name();

    /** The name as written in a lesson file, a program or a URL. */
    default String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E> & Named> Optional<E> find(E[] values, String id) {
        for (E e : values) {
            if (e.id().equals(id)) return Optional.of(e);
        }
        return Optional.empty();
    }
}
