package org.stepgrad.lesson;

import org.stepgrad.replay.Format;

/** A checked answer to a checkpoint: right or not, and the sentence that says so. */
public record Verdict(boolean right, String text) {
    public static Verdict of(Checkpoint c, String answer) {
        Double guess = parse(answer);
        if (guess == null) return new Verdict(false, "That is not a number; try a number such as -4 or 0.5.");
        if (c.accepts(guess)) return new Verdict(true, "Right: " + Format.number(c.answer()) + ".");
        return new Verdict(false, "Not quite: " + Format.number(guess) + " is not it. The answer is " + Format.number(c.answer()) + ".");
    }

    /** A number as a learner types it: "−4", "0,5", "3/4"; null when it is not one. */
    public static Double parse(String answer) {
        String a = answer.strip().replace('−', '-').replace(" ", "");
        if (a.length() > 40) return null;
        if (!a.contains(".") && a.indexOf(',') == a.lastIndexOf(',')) a = a.replace(',', '.');
        try {
            int slash = a.indexOf('/');
            double v = slash < 0 ? Double.parseDouble(a)
                    : Double.parseDouble(a.substring(0, slash)) / Double.parseDouble(a.substring(slash + 1));
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
