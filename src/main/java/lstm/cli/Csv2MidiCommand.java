package lstm.cli;

import java.util.concurrent.Callable;
import lstm.io.UserException;
import lstm.music.MidiCsv;
import lstm.music.MidiFormatException;
import lstm.music.SmfWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "csv2midi", mixinStandardHelpOptions = true,
        description = {"Turn midicsv text (from 'lstm midi2csv' or Debian's midicsv)",
                "into a MIDI file, byte for byte as Debian's csvmidi writes it.",
                "Stops at the first bad record, naming its line."},
        footerHeading = "%nExamples:%n", footer = {"  lstm csv2midi song.csv -o song.mid"})
final class Csv2MidiCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Parameters(paramLabel = "FILE|-", description = "The midicsv text, or - for standard input.")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT|-", description = "Where to write the MIDI file (default: standard output).")
    String output;

    @Override
    public Integer call() {
        new OutputPaths().input("", input).output("-o", output).check();
        byte[] midi;
        try {
            midi = SmfWriter.write(MidiCsv.read(InputFiles.read(input, parent.io)));
        } catch (MidiFormatException e) {
            throw new UserException(input + " " + e.getMessage(), "see 'man 5 midicsv' for the format");
        }
        InputFiles.write(output, midi, parent.io);
        return Main.OK;
    }
}
