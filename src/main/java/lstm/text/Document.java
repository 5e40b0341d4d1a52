package lstm.text;

/** One text of a corpus: where it came from and its Unicode code points. */
public record Document(String name, int[] codePoints) {}
