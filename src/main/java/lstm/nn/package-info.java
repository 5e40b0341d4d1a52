/**
 * The network: recurrent cells (each cell's forward and backward side by side), the token
 * input, the softmax output, losses and optimizers. Sees float arrays and token ids only:
 * nothing here knows about files, text or music.
 */
package lstm.nn;
