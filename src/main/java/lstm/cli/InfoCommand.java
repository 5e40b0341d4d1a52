package lstm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "info", description = "(being built)")
final class InfoCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Override
    public Integer call() {
        return 0;
    }
}
