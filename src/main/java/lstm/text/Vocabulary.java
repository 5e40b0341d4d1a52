package lstm.text;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** The characters a model knows: sorted code points, each with its token id (its index). */
public final class Vocabulary {
    private final int[] codePoints;

    public Vocabulary(int[] sortedCodePoints) {
        for (int i = 1; i < sortedCodePoints.length; i++) {
            if (sortedCodePoints[i] <= sortedCodePoints[i - 1]) throw new IllegalArgumentException("vocabulary must be sorted and distinct");
        }
        this.codePoints = sortedCodePoints.clone();
    }

    public static Vocabulary of(List<Document> docs) {
        TreeSet<Integer> seen = new TreeSet<>();
        for (Document d : docs) {
            for (int cp : d.codePoints()) seen.add(cp);
        }
        return new Vocabulary(seen.stream().mapToInt(Integer::intValue).toArray());
    }

    public int size() {
        return codePoints.length;
    }

    /** The token id of a code point, or −1 when the vocabulary lacks it. */
    public int id(int codePoint) {
        int i = Arrays.binarySearch(codePoints, codePoint);
        return i >= 0 ? i : -1;
    }

    public int codePoint(int id) {
        return codePoints[id];
    }

    public int[] codePoints() {
        return codePoints.clone();
    }

    /** Token ids for the text; throws with the unknown characters listed when some are missing. */
    public int[] encode(int[] text) {
        int[] ids = new int[text.length];
        TreeSet<Integer> unknown = new TreeSet<>();
        for (int i = 0; i < text.length; i++) {
            ids[i] = id(text[i]);
            if (ids[i] < 0) unknown.add(text[i]);
        }
        if (!unknown.isEmpty()) throw new UnknownCharactersException(unknown);
        return ids;
    }

    /** Printable form of a character for messages: the character itself or U+XXXX for controls. */
    public static String show(int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) return String.format("U+%04X", codePoint);
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }

    /** Text has characters outside the vocabulary. */
    public static final class UnknownCharactersException extends IllegalArgumentException {
        public final TreeSet<Integer> characters;

        UnknownCharactersException(TreeSet<Integer> characters) {
            super(describe(characters));
            this.characters = characters;
        }

        private static String describe(TreeSet<Integer> chars) {
            StringBuilder sb = new StringBuilder();
            int shown = 0;
            for (int cp : chars) {
                if (shown++ == 20) {
                    sb.append(", ... (").append(chars.size()).append(" in all)");
                    break;
                }
                if (sb.length() > 0) sb.append(", ");
                sb.append(show(cp));
            }
            return sb.toString();
        }
    }
}
