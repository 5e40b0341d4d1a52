package lstm.music;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import lstm.io.UserException;

/**
 * Unpacks the MIDI files of a zip archive into a folder, keeping the archive's sub-folders (such as
 * {@code train/}, {@code valid/}, {@code test/}) but dropping a single top folder that holds
 * everything. Other members are left out; a member whose path would leave the folder is refused.
 */
public final class MidiZip {
    private MidiZip() {}

    /** Returns the files written, in archive order. */
    public static List<Path> extract(Path zip, Path folder) throws IOException {
        return extract(zip, zip.getFileName().toString(), folder);
    }

    /** As {@link #extract(Path, Path)}; {@code name} is what messages call the archive. */
    public static List<Path> extract(Path zip, String name, Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) if (!e.isDirectory() && isMidi(e.getName())) names.add(e.getName());
        }
        if (names.isEmpty()) throw new UserException(name + " holds no .mid or .midi files", "check the archive");
        String top = commonTop(names);
        List<Path> written = new ArrayList<>();
        Path root = folder.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.isDirectory() || !isMidi(e.getName())) continue;
                Path target = root.resolve(e.getName().substring(top.length())).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new UserException("archive member '" + e.getName() + "' would be written outside " + folder, "the archive is unsafe; nothing was kept");
                }
                Files.createDirectories(target.getParent());
                Files.copy((InputStream) in, target);
                written.add(target);
            }
        }
        return written;
    }

    private static boolean isMidi(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return (n.endsWith(".mid") || n.endsWith(".midi")) && !n.contains("__macosx/");
    }

    /** "Nottingham/" when every name starts with that folder, else "". */
    private static String commonTop(List<String> names) {
        int slash = names.get(0).indexOf('/');
        if (slash < 0) return "";
        String top = names.get(0).substring(0, slash + 1);
        for (String n : names) if (!n.startsWith(top)) return "";
        return top;
    }
}
