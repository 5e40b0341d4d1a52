/**
 * Generation: picking the next token from the model's distribution (temperature, top-k,
 * top-p), running a trained model one token at a time, and composing music with an events
 * model ({@link lstm.sample.EventComposer}, on {@link lstm.music.EventCodec}'s events).
 */
package lstm.sample;
