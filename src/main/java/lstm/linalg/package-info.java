/**
 * The matrix seam: dense row-major float products ({@link lstm.linalg.MatrixEngine}) with
 * interchangeable back-ends, which also spread element-wise work over their threads
 * ({@code forEachRange}), plus the small numeric helpers every layer shares (activations, scalar
 * and over runs of an array in SIMD registers; a random generator whose state can be saved).
 * Knows nothing of networks, text or music.
 */
package lstm.linalg;
