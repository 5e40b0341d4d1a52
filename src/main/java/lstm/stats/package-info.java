/**
 * Musical statistics after Yang &amp; Lerch, "On the evaluation of generative models in music"
 * (Neural Computing and Applications, 2020): per piece and per set of MIDI files, the pitch and
 * rhythm features of their paper plus polyphony, note density, velocity and the estimated key
 * ({@link lstm.stats.MusicStats}, {@link lstm.stats.KeyFinder}); and their relative measurement,
 * which compares the intra-set distance distribution of a reference set with its inter-set
 * distribution against samples by Gaussian kernel density estimation, overlap area and
 * Kullback-Leibler divergence ({@link lstm.stats.SetComparison}, {@link lstm.stats.Kde}).
 * Prints nothing; the cli formats the results.
 */
package lstm.stats;
