/**
 * Training: how a run gets its model, new or resumed, with the same rules for every model kind
 * ({@link lstm.train.TrainingStart}, {@link lstm.train.ModelKind}, sizes bounded by
 * {@link lstm.train.ModelSize}); token streams cut into batches, the truncated-BPTT loop with its schedule,
 * clipping, validation and checkpoints, and the model file that holds all of it; measurements of a
 * model on a token stream (loss, gradient reach). Shared by every model kind; reports progress
 * through a listener and never prints. The token kinds' corpora meet the engine through
 * {@link lstm.train.TokenCorpus}: text ({@link lstm.train.CharCorpus}, on {@code lstm.text}) and
 * MIDI performance events ({@link lstm.train.EventCorpus}, on {@code lstm.music}).
 */
package lstm.train;
