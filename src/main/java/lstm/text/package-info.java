/**
 * Text corpora: strict UTF-8 reading into Unicode code points, the character vocabulary, and
 * the public-corpus manifest.
 */
package lstm.text;
