package lstm.cli;

import picocli.CommandLine;

/**
 * Lets picocli's build-time tools (the man page generator in pom.xml) create the command tree:
 * the top command needs its streams, every subcommand comes from picocli's default factory.
 */
public final class DocsFactory implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == LstmCommand.class) return cls.cast(new LstmCommand(Io.system()));
        return CommandLine.defaultFactory().create(cls);
    }
}
