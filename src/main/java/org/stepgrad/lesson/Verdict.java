package org.stepgrad.lesson;

import org.stepgrad.replay.Format;

/**
 * A checked answer to a checkpoint: right or not, the sentence that says so, and whether it
 * settles the question (the answer and explanation may then be shown). A first wrong answer
 * gets a hint and a second try; a second wrong answer, or asking to be shown, settles it; a
 * reply that is not a number does not count as a try.
 */
public record Verdict(boolean right, boolean settled, boolean counted, String text) {
    /** How many wrong answers a learner gets before the answer is shown. */
    public static final int TRIES = 2;

    /** {@code attempt} is 1 for a first answer, 2 for the second (a number outside 1..TRIES is clamped). */
    public static Verdict of(Checkpoint c, String answer, int attempt) {
        Double guess = parse(answer);
        if (guess == null) {
            return new Verdict(false, false, false, "“" + shorten(answer.strip()) + "” is not a number, so it does not count as an answer;"
                    + " type a number such as -4, 0.5 or 3/4.");
        }
        if (c.accepts(guess)) return new Verdict(true, true, true, "Right: " + Format.number(c.answer()) + ".");
        if (Math.max(1, attempt) < TRIES) {
            return new Verdict(false, false, true, "Not yet: " + Format.number(guess) + " is " + hint(c, guess) + " Try once more.");
        }
        return new Verdict(false, true, true, "Not quite: " + Format.number(guess) + " is not it. The answer is " + Format.number(c.answer()) + ".");
    }

    /** The learner asked to see the answer without (another) try. */
    public static Verdict shown(Checkpoint c) {
        return new Verdict(false, true, false, "The answer is " + Format.number(c.answer()) + ".");
    }

    /** Which way the guess is off, and where to look, without giving the number away. */
    private static String hint(Checkpoint c, double guess) {
        double want = c.answer();
        String way;
        if (want != 0 && guess != 0 && Math.signum(want) != Math.signum(guess)) way = "the wrong sign.";
        else way = guess > want ? "too high." : "too low.";
        String where = c.asks().equals("value")
                ? " Work it out from the values of " + c.node() + "'s inputs, already shown in the graph."
                : " Multiply the gradient arriving at " + c.node() + " from above by " + c.node() + "'s local slope, and add the parts if it feeds more than one node.";
        return way + where;
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

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
