/**
 * The speed benchmark behind {@code lstm bench}: the workload of the PyTorch reference script
 * ({@code bench/pytorch_char_lstm.py} in the shared folder) run on a {@link lstm.nn.Network},
 * timed the same way, with facts about the machine (CPU model, peak resident memory). Sits beside
 * {@code lstm.train} and {@code lstm.sample} (it uses the network and the sampler directly) and
 * never prints: progress goes to a listener.
 */
package lstm.bench;
