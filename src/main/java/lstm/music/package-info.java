/**
 * Music: MIDI files in ({@link lstm.music.MidiReader}, through javax.sound.midi after our own
 * {@link lstm.music.SmfParser} has checked every length) and out ({@link lstm.music.MidiWriter}),
 * notes ({@link lstm.music.NoteSequence}), the performance-event codec
 * ({@link lstm.music.EventCodec}), the midicsv text format ({@link lstm.music.MidiCsv}) and
 * rendering to WAV ({@link lstm.music.WavRenderer}, the one class on an internal JDK API), the
 * time a set of files spends at each tempo ({@link lstm.music.TempoUse}) and the time grid a model
 * records ({@link lstm.music.TimeGrid}), and
 * the MIDI files of a zip archive unpacked ({@link lstm.music.MidiZip}).
 * Prints nothing: skipped files and errors come back as values and exceptions with reasons.
 */
package lstm.music;
