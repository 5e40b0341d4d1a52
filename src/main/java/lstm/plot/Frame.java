package lstm.plot;

/** The picture's size in pixels and its title (null: a title made from the data). */
public record Frame(int width, int height, String title) {
    public static final int MIN_SIDE = 100, MAX_SIDE = 10_000;

    public Frame {
        if (width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("a picture must be " + MIN_SIDE + " to " + MAX_SIDE + " pixels a side, got "
                    + width + "×" + height);
        }
    }

    String titleOr(String made) {
        return title == null ? made : title;
    }
}
