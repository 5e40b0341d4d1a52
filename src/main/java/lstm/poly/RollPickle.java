package lstm.poly;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import lstm.io.UserException;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Reads the polyphonic-music benchmark pickles of Boulanger-Lewandowski, Bengio &amp; Vincent (ICML
 * 2012): a dict with the keys {@code train}, {@code valid} and {@code test}, each a list of
 * sequences, each sequence a list of time steps, each step the MIDI pitches sounding (21-108) as a
 * tuple or list. They are Python 2 pickles, and some hold the pitches as numpy scalars or arrays;
 * the unpickler is Pyrolite's (net.razorvine:pickle), which builds plain Java objects and runs no
 * code, taught here to read exactly those numpy types. The result is written as the piano-roll
 * CSV that {@link FrameCsv} reads, one file per split.
 */
public final class RollPickle {
    public static final List<String> SPLITS = List.of("train", "valid", "test");

    static {
        for (String module : List.of("numpy.core.multiarray", "numpy._core.multiarray")) {
            Unpickler.registerConstructor(module, "scalar", RollPickle::scalar);
            Unpickler.registerConstructor(module, "_reconstruct", args -> new NumpyArray());
        }
        Unpickler.registerConstructor("numpy", "dtype", args -> new NumpyDtype(String.valueOf(args[0])));
    }

    private RollPickle() {}

    /** The splits in file order of {@link #SPLITS}: sequences of steps of ascending pitches. */
    public static Map<String, List<List<int[]>>> read(InputStream in, String name) {
        Object root;
        try {
            root = new Unpickler().load(in);
        } catch (IOException | PickleException | ClassCastException | IllegalArgumentException e) {
            throw notRolls(name, "it does not unpickle: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> dict)) throw notRolls(name, "it holds a " + typeName(root) + ", not a dict");
        Map<String, List<List<int[]>>> out = new java.util.LinkedHashMap<>();
        for (String split : SPLITS) {
            Object sequences = dict.get(split);
            if (sequences == null) throw notRolls(name, "it has no '" + split + "' split");
            List<List<int[]>> pieces = new ArrayList<>();
            for (Object sequence : elements(sequences, name)) {
                List<int[]> steps = new ArrayList<>();
                for (Object step : elements(sequence, name)) steps.add(pitches(step, name));
                pieces.add(steps);
            }
            out.put(split, pieces);
        }
        return out;
    }

    /**
     * Converts a pickle into {@code dir/train.csv}, {@code valid.csv} and {@code test.csv}
     * ({@code piece_id,step,pitches}); returns the files written.
     */
    public static List<Path> convert(Path pickle, Path dir) throws IOException {
        return convert(pickle, pickle.getFileName().toString(), dir);
    }

    /** As {@link #convert(Path, Path)}; {@code name} is what messages call the pickle. */
    public static List<Path> convert(Path pickle, String name, Path dir) throws IOException {
        Map<String, List<List<int[]>>> splits;
        try (InputStream in = Files.newInputStream(pickle)) {
            splits = read(in, name);
        }
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (var split : splits.entrySet()) {
            Path file = dir.resolve(split.getKey() + ".csv");
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("piece_id,step,pitches\n");
                List<List<int[]>> pieces = split.getValue();
                for (int p = 0; p < pieces.size(); p++) {
                    List<int[]> steps = pieces.get(p);
                    for (int t = 0; t < steps.size(); t++) {
                        StringBuilder line = new StringBuilder().append(p).append(',').append(t).append(',');
                        int[] pitches = steps.get(t);
                        for (int i = 0; i < pitches.length; i++) line.append(i == 0 ? "" : " ").append(pitches[i]);
                        w.write(line.append('\n').toString());
                    }
                }
            }
            written.add(file);
        }
        return written;
    }

    private static List<?> elements(Object sequence, String name) {
        if (sequence instanceof List<?> list) return list;
        if (sequence instanceof Object[] tuple) return List.of(tuple);
        if (sequence instanceof NumpyArray array) return array.values;
        throw notRolls(name, "a sequence is a " + typeName(sequence) + ", not a list");
    }

    /** A time step's pitches, ascending and without repeats. */
    private static int[] pitches(Object step, String name) {
        TreeSet<Integer> set = new TreeSet<>();
        for (Object value : elements(step, name)) {
            long pitch;
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                pitch = ((Number) value).longValue();
            } else if (value instanceof BigInteger big) {
                pitch = big.bitLength() < 32 ? big.longValue() : -1;
            } else if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                pitch = d == Math.rint(d) ? (long) d : -1;
            } else {
                throw notRolls(name, "a pitch is a " + typeName(value) + ", not a number");
            }
            if (pitch < Keyboard.LOWEST || pitch > Keyboard.HIGHEST) {
                throw notRolls(name, "pitch " + value + " is off the piano keyboard (21-108)");
            }
            set.add((int) pitch);
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    private static UserException notRolls(String name, String why) {
        return new UserException(name + " is not a piano-roll pickle of the 2012 benchmark: " + why,
                "expected a dict of train/valid/test lists of sequences of pitch tuples");
    }

    private static String typeName(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    /** numpy.core.multiarray.scalar(dtype, raw bytes): one number. */
    private static Object scalar(Object[] args) {
        if (args.length < 2 || !(args[0] instanceof NumpyDtype dtype)) throw new PickleException("numpy scalar without a dtype");
        return dtype.decode(raw(args[1]), 0);
    }

    /** Python 2 str arrives as a String of byte values 0-255; Python 3 bytes as byte[]. */
    static byte[] raw(Object data) {
        if (data instanceof byte[] b) return b;
        if (data instanceof String s) return s.getBytes(StandardCharsets.ISO_8859_1);
        throw new PickleException("numpy data is a " + typeName(data) + ", not bytes");
    }

    /** A numpy dtype such as {@code i8} or {@code f8}, with its byte order from the pickled state. */
    public static final class NumpyDtype {
        final char kind;
        final int size;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;

        NumpyDtype(String code) {
            if (code.length() < 2 || "iuf".indexOf(code.charAt(0)) < 0) throw new PickleException("numpy dtype '" + code + "' is not a number type");
            kind = code.charAt(0);
            size = Integer.parseInt(code.substring(1));
            if (!(size == 1 || size == 2 || size == 4 || size == 8) || kind == 'f' && size < 4) {
                throw new PickleException("numpy dtype '" + code + "' is not supported");
            }
        }

        /** Called by the unpickler's BUILD with numpy's state tuple (version, byte order, ...). */
        public void __setstate__(Object[] state) {
            if (state.length > 1 && ">".equals(state[1])) order = ByteOrder.BIG_ENDIAN;
        }

        Number decode(byte[] data, int offset) {
            ByteBuffer b = ByteBuffer.wrap(data, offset, size).order(order);
            if (kind == 'f') return size == 4 ? (double) b.getFloat() : b.getDouble();
            long v = switch (size) {
                case 1 -> kind == 'u' ? b.get() & 0xFF : b.get();
                case 2 -> kind == 'u' ? b.getShort() & 0xFFFF : b.getShort();
                case 4 -> kind == 'u' ? b.getInt() & 0xFFFFFFFFL : b.getInt();
                default -> b.getLong();
            };
            return v;
        }
    }

    /** A numpy array rebuilt from its pickled state: only its values, flattened, are kept. */
    public static final class NumpyArray {
        List<Object> values = List.of();

        /** (version, shape, dtype, is_fortran, raw data or a list for object arrays). */
        public void __setstate__(Object[] state) {
            if (state.length < 5 || !(state[2] instanceof NumpyDtype dtype)) {
                if (state.length >= 5 && state[4] instanceof List<?> list) {
                    values = new ArrayList<>(list);
                    return;
                }
                throw new PickleException("numpy array state not understood");
            }
            if (state[4] instanceof List<?> list) {
                values = new ArrayList<>(list);
                return;
            }
            byte[] data = raw(state[4]);
            List<Object> out = new ArrayList<>();
            for (int at = 0; at + dtype.size <= data.length; at += dtype.size) out.add(dtype.decode(data, at));
            values = out;
        }
    }
}
