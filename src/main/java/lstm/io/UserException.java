package lstm.io;

/**
 * A failure caused by the user's input or environment (missing file, corrupt model, full disk),
 * reported as one line {@code lstm: <message> (<hint>)} and exit code 1; never a bug.
 */
public class UserException extends RuntimeException {
    private final String hint;

    public UserException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public UserException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What to do about it, or null. */
    public String hint() {
        return hint;
    }

    /** The one line shown to the user, without the {@code lstm: } prefix. */
    public String userMessage() {
        return hint == null ? getMessage() : getMessage() + " (" + hint + ")";
    }
}
