package lstm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "train", description = "(being built)")
final class TrainCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Override
    public Integer call() {
        return 0;
    }
}
