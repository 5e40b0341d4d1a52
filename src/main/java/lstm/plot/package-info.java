/**
 * Pictures of what a model learned, as PNG files drawn with XChart: loss curves from the metrics
 * CSV ({@link lstm.plot.LossPlot}) and piano rolls of MIDI files ({@link lstm.plot.PianoRoll}).
 * Headless (no display needed). Depends on {@code lstm.io}, and on {@code lstm.music} to read MIDI.
 */
package lstm.plot;
