/**
 * The matrix seam: dense row-major float products ({@link lstm.linalg.MatrixEngine}) with
 * interchangeable back-ends, plus the small numeric helpers every layer shares (activations,
 * a random generator whose state can be saved). Knows nothing of networks, text or music.
 */
package lstm.linalg;
