package lstm.music;

/** One sounding note: MIDI pitch 0-127, velocity 1-127, start and end in seconds. */
public record Note(int pitch, int velocity, double start, double end) {
    public Note {
        if (pitch < 0 || pitch > 127) throw new IllegalArgumentException("pitch " + pitch + " outside 0..127");
        if (velocity < 1 || velocity > 127) throw new IllegalArgumentException("velocity " + velocity + " outside 1..127");
        if (!(start >= 0 && end >= start)) throw new IllegalArgumentException("note times " + start + ".." + end);
    }

    public double duration() {
        return end - start;
    }
}
