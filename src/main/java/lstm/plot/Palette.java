package lstm.plot;

import java.awt.Color;

/** Colours that stay apart from each other on white (the Tableau 10 set). */
final class Palette {
    private static final Color[] COLORS = {
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
            new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)};

    private Palette() {}

    static Color color(int i) {
        return COLORS[i % COLORS.length];
    }

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
