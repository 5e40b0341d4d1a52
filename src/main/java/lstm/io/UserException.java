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

    /**
     * Why an I/O operation failed, in words: the JDK's file exceptions often carry only the path
     * ("m.lstm") as their message, their reason apart.
     */
    public static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "the file already exists";
        if (e instanceof java.nio.file.FileSystemException f) return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        return e.getMessage() == null ? e.toString() : e.getMessage();
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
