package org.stepgrad.web.api;

import java.util.List;
import java.util.function.Function;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.model.Landscape;
import org.stepgrad.model.Model;
import org.stepgrad.web.http.ApiError;

/**
 * What a landscape request asks for, checked at the edge with a sentence for every refusal: the
 * two knobs on the axes ({@code x}, {@code y}, by name), the cells a side ({@code size}), and
 * where the other knobs are held ({@code k}, the lesson's start when absent).
 */
public record LandscapeQuery(int x, int y, int size, double[] at) {
    public static final int DEFAULT_SIZE = 15;

    /** Reads {@code x}, {@code y}, {@code size} and {@code k}; x and y default to the model's first two knobs. */
    public static LandscapeQuery read(Lesson lesson, Function<String, String> query, int defaultSize) {
        Model model = model(lesson);
        int x = knob(model, query.apply("x"), "x", 0);
        int y = knob(model, query.apply("y"), "y", x == 1 ? 0 : 1);
        if (x == y) throw new ApiError(400, "x and y must be two different knobs, not both " + model.parameters().get(x));
        return new LandscapeQuery(x, y, size(query.apply("size"), defaultSize), LessonController.knobs(query.apply("k"), lesson));
    }

    /** The lesson's model, or a 404 that says the lesson has no knobs to map. */
    public static Model model(Lesson lesson) {
        Model model = lesson.model();
        if (model == null) throw new ApiError(404, "the lesson '" + lesson.id() + "' is a fixed program with no knobs, so it has no landscape");
        if (model.parameters().size() < 2) throw new ApiError(404, "the lesson '" + lesson.id() + "' has one knob; a landscape needs two");
        return model;
    }

    /** Knob {@code name}'s index, or {@code otherwise} when the query has none. */
    static int knob(Model model, String name, String param, int otherwise) {
        if (name == null || name.isBlank()) return otherwise;
        List<String> names = model.parameters();
        int i = names.indexOf(name.trim());
        if (i < 0) {
            String listed = names.size() <= 12 ? String.join(", ", names) : String.join(", ", names.subList(0, 12)) + ", …";
            throw new ApiError(400, param + " names one of the knobs (" + listed + "), not '" + ApiError.clip(name.trim()) + "'");
        }
        return i;
    }

    /** The size is refused, not capped, outside its bounds: the asker is told why. */
    static int size(String param, int otherwise) {
        if (param == null || param.isBlank()) return otherwise;
        String sentence = "size is the cells a side, a whole number from " + Landscape.MIN_SIZE + " to " + Landscape.MAX_SIZE + ", not '"
                + ApiError.clip(param.trim()) + "'";
        try {
            int n = Integer.parseInt(param.trim());
            if (n >= Landscape.MIN_SIZE && n <= Landscape.MAX_SIZE) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, sentence);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LandscapeQuery q && q.x == x && q.y == y && q.size == size && java.util.Arrays.equals(q.at, at);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * x + y) + size) + java.util.Arrays.hashCode(at);
    }
}
