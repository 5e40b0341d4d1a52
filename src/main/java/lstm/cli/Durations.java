package lstm.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations such as {@code 90s}, {@code 10m}, {@code 1h30m} or {@code 45} (seconds) as seconds. */
final class Durations implements ITypeConverter<Double> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)([hms]?)");

    @Override
    public Double convert(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        Matcher m = PART.matcher(s);
        double seconds = 0;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            double value = Double.parseDouble(m.group(1));
            seconds += switch (m.group(2)) {
                case "h" -> value * 3600;
                case "m" -> value * 60;
                default -> value;
            };
            at = m.end();
            if (m.group(2).isEmpty()) break;
        }
        if (s.isEmpty() || at != s.length() || seconds <= 0) {
            throw new TypeConversionException("'" + text + "' is not a duration (use e.g. 90s, 10m, 1h30m)");
        }
        return seconds;
    }

    /** 3725 s as {@code 1h02m05s}. */
    static String format(double seconds) {
        if (!Double.isFinite(seconds)) return "?";
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return String.format("%dm%02ds", s / 60, s % 60);
        return String.format("%dh%02dm%02ds", s / 3600, (s / 60) % 60, s % 60);
    }
}
