/**
 * Polyphonic music as piano-roll frames: 88-key frames read from CSV and, through
 * the MIDI reader of {@code lstm.music}, from MIDI ({@link lstm.poly.FrameSource}), the piano-roll LSTM ({@code roll}) and Daniel
 * Johnson's biaxial LSTM ({@code biaxial}), their training tasks for the shared
 * {@link lstm.train.Trainer} and their {@link lstm.train.ModelKind} ({@link lstm.poly.PolyKind}: presets),
 * frame-level evaluation and composition, and the benchmark's
 * piano-roll pickles converted to CSV ({@link lstm.poly.RollPickle}, through Pyrolite's unpickler).
 * Depends on nn, linalg, io, music and train; never prints.
 */
package lstm.poly;
