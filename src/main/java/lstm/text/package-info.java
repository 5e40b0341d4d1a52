/**
 * Text corpora: strict UTF-8 reading into Unicode code points, the character vocabulary, the
 * public-corpus manifest and its verified fetch (converters for music formats are handed in by
 * the caller), and how novel a sample is against a corpus (suffix array).
 */
package lstm.text;
