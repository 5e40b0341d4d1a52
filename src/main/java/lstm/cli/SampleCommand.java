package lstm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "sample", description = "(being built)")
final class SampleCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Override
    public Integer call() {
        return 0;
    }
}
