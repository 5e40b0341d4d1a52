package lstm.io;

/**
 * An option value the library cannot use (a size too large to train, a changed option on
 * resume): a usage error, exit code 2, named by the option as the user gave it.
 */
public class OptionException extends UserException {
    public OptionException(String message) {
        super(message, null);
    }
}
