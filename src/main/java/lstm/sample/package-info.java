/**
 * Generation: picking the next token from the model's distribution (temperature, top-k,
 * top-p) and running a trained model one token at a time.
 */
package lstm.sample;
