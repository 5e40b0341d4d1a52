package lstm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code lstm} command; every feature is a subcommand. */
@Command(name = "lstm",
        mixinStandardHelpOptions = true,
        versionProvider = LstmCommand.Version.class,
        description = {"Train LSTM language models on text and music, and generate from them.", ""},
        footerHeading = "%nExamples:%n", footer = {
                "  lstm train corpora/tiny-plays.txt -o plays.lstm --time 1m",
                "  lstm sample plays.lstm --length 500 --temperature 0.8",
                "",
                "Run 'lstm COMMAND --help' for the options of each command."},
        subcommands = {
                TrainCommand.class,
                SampleCommand.class,
                EvalCommand.class,
                InfoCommand.class,
                ExportCommand.class,
                BenchCommand.class,
                GradientsCommand.class,
                CorpusCommand.class,
                Midi2CsvCommand.class,
                Csv2MidiCommand.class,
                ComposeCommand.class,
                PlotCommand.class,
                NoveltyCommand.class,
                StatsCommand.class,
                CompletionCommand.class,
        })
public final class LstmCommand implements Runnable {
    final Io io;

    @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of failures.")
    boolean verbose;

    LstmCommand(Io io) {
        this.io = io;
    }

    boolean verbose() {
        return verbose;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: say what to do, e.g. 'lstm train FILE'");
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LstmCommand.class.getPackage().getImplementationVersion();
            return new String[] {"lstm " + (v == null ? "dev" : v)};
        }
    }
}
