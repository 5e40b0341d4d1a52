package lstm.music;

/** Bytes that are not a readable MIDI file (or text that is not readable midicsv), with the reason. */
public final class MidiFormatException extends Exception {
    public MidiFormatException(String reason) {
        super(reason);
    }

    public MidiFormatException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
