package org.stepgrad.live;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How answers are cleaned and counted, the same way by every store. */
public final class Answers {
    public static final int MAX_LENGTH = 200;

    private Answers() {
    }

    /**
     * The answer as it is counted: trimmed, inner whitespace collapsed, and a number written one
     * way ("3.0", " 3 " and "3" are one bar); null when empty or longer than {@link #MAX_LENGTH}.
     */
    public static String clean(String answer) {
        if (answer == null) return null;
        String a = answer.strip().replaceAll("\\s+", " ");
        if (a.isEmpty() || a.codePointCount(0, a.length()) > MAX_LENGTH) return null;
        String number = a.replace('−', '-');
        if (number.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?")) {
            BigDecimal d = new BigDecimal(number).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString().length() <= MAX_LENGTH ? d.toPlainString() : a;
        }
        return a;
    }

    /** Counts cleaned answers into bars: most given first, ties by text, so every instance draws the same chart. */
    public static Tally tally(Collection<String> answers) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String a : answers) counts.merge(a, 1, Integer::sum);
        List<Tally.Bar> bars = new ArrayList<>();
        counts.forEach((a, n) -> bars.add(new Tally.Bar(a, n)));
        bars.sort(Comparator.comparingInt(Tally.Bar::count).reversed().thenComparing(Tally.Bar::answer));
        return new Tally(answers.size(), bars);
    }
}
