/**
 * Pictures of what a model learned, as PNG files drawn with XChart: loss curves from the metrics
 * CSV ({@link lstm.plot.LossPlot}), piano rolls of MIDI files ({@link lstm.plot.PianoRoll}) and
 * panels of probability densities ({@link lstm.plot.DensityPlot}).
 * Headless (no display needed). Depends on {@code lstm.io}, and on {@code lstm.music} to read MIDI.
 */
package lstm.plot;
