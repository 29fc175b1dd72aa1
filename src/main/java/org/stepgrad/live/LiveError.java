package org.stepgrad.live;

/** A live request refused: what kind of refusal (the web layer picks the status) and a sentence. */
public final class LiveError extends RuntimeException {
    /** Why a request is refused. */
    public enum Kind {
        NOT_FOUND, FORBIDDEN, INVALID, TOO_MANY, FULL, UNAVAILABLE
    }

    private final Kind kind;

    public LiveError(Kind kind, String sentence) {
        super(sentence, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static LiveError unknown(String code) {
        return new LiveError(Kind.NOT_FOUND, "There is no live session with the code " + code
                + "; it may have ended or expired. Check the code with your teacher.");
    }
}
