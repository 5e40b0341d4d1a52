/**
 * Music: MIDI files in and out (javax.sound.midi), the performance-event codec, the midicsv
 * text format, and rendering to WAV.
 */
package lstm.music;
