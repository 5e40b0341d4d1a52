package lstm.poly;

/** The 88 keys of the piano, MIDI notes 21 (A0) to 108 (C8); key k is MIDI note 21 + k. */
public final class Keyboard {
    public static final int KEYS = 88;
    public static final int LOWEST = 21;
    public static final int HIGHEST = LOWEST + KEYS - 1;

    private Keyboard() {}

    public static int key(int midiNote) {
        return midiNote - LOWEST;
    }

    public static int midiNote(int key) {
        return key + LOWEST;
    }

    /** Pitch class of key k, 0 = C. */
    public static int pitchClass(int key) {
        return (key + LOWEST) % 12;
    }
}
