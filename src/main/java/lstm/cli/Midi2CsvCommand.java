package lstm.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.Callable;
import lstm.io.UserException;
import lstm.music.MidiCsv;
import lstm.music.MidiFormatException;
import lstm.music.SmfFile;
import lstm.music.SmfParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "midi2csv", mixinStandardHelpOptions = true,
        description = {"Print a MIDI file as midicsv text, one record per event:",
                "track, time, type, parameters (see 'man 5 midicsv').",
                "The text is byte for byte what Debian's midicsv prints;",
                "'lstm csv2midi' turns it back into the same MIDI events."},
        footerHeading = "%nExamples:%n", footer = {"  lstm midi2csv song.mid > song.csv"})
final class Midi2CsvCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Parameters(paramLabel = "FILE|-", description = "The MIDI file, or - for standard input.")
    String input;

    @Override
    public Integer call() throws IOException {
        SmfFile file;
        try {
            file = SmfParser.parse(InputFiles.read(input, parent.io));
        } catch (MidiFormatException e) {
            throw new UserException(input + ": " + e.getMessage(), "is it a standard MIDI file?");
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        MidiCsv.write(file, text);
        InputFiles.write("-", text.toByteArray(), parent.io);
        return Main.OK;
    }
}
