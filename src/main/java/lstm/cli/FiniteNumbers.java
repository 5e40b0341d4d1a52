package lstm.cli;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every float and double option, whatever the command: NaN and the infinities (and numbers too
 * large for the type, which parse as infinity) are usage errors naming the option, because a
 * non-finite learning rate or clip would train a model that is all NaN.
 */
final class FiniteNumbers {
    private FiniteNumbers() {}

    static void register(CommandLine cli) {
        ITypeConverter<Double> doubles = FiniteNumbers::parseDouble;
        ITypeConverter<Float> floats = text -> {
            float value = Float.parseFloat(text.trim());
            if (!Float.isFinite(value)) throw notFinite(text);
            return value;
        };
        cli.registerConverter(Double.class, doubles);
        cli.registerConverter(double.class, doubles);
        cli.registerConverter(Float.class, floats);
        cli.registerConverter(float.class, floats);
    }

    private static Double parseDouble(String text) {
        double value = Double.parseDouble(text.trim());
        if (!Double.isFinite(value)) throw notFinite(text);
        return value;
    }

    private static TypeConversionException notFinite(String text) {
        return new TypeConversionException("'" + text + "' is not a finite number");
    }
}
