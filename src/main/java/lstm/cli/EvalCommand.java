package lstm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "eval", description = "(being built)")
final class EvalCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Override
    public Integer call() {
        return 0;
    }
}
