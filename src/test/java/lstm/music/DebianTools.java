package lstm.music;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's midicsv and csvmidi (package midicsv) when they are installed. */
public final class DebianTools {
    private DebianTools() {}

    public static boolean installed(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    public static byte[] midicsv(Path midi) throws IOException, InterruptedException {
        return run(List.of("midicsv", midi.toString()));
    }

    static byte[] csvmidi(byte[] csv, Path scratch) throws IOException, InterruptedException {
        Path in = scratch.resolve("in.csv"), out = scratch.resolve("out.mid");
        Files.write(in, csv);
        run(List.of("csvmidi", in.toString(), out.toString()));
        return Files.readAllBytes(out);
    }

    private static byte[] run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(command + " failed");
        }
        return out;
    }
}
