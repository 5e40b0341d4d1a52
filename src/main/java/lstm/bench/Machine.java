package lstm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmark reports about the machine and the process, read from /proc on Linux. */
public final class Machine {
    private Machine() {}

    /** The CPU's model name from /proc/cpuinfo, or the JVM's os.arch where there is none. */
    public static String cpuModel() {
        String model = field(Path.of("/proc/cpuinfo"), "model name");
        return model != null ? model : System.getProperty("os.arch");
    }

    /** Peak resident set size of this process in MB (VmHWM of /proc/self/status), or NaN when unknown. */
    public static double peakRssMb() {
        String hwm = field(Path.of("/proc/self/status"), "VmHWM");
        if (hwm == null) return Double.NaN;
        try {
            return Long.parseLong(hwm.replace("kB", "").trim()) / 1024.0;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The value after the first "NAME:" line of a /proc text file, or null. */
    private static String field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(name)) return line.substring(colon + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc hidden: the caller reports "unknown"
        }
        return null;
    }
}
