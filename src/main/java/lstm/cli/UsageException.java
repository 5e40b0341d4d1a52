package lstm.cli;

/** An option value the parser accepted but the command cannot use (exit code 2). */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
