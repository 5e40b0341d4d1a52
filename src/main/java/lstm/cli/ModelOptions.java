package lstm.cli;

import java.nio.file.Path;
import lstm.io.UserException;
import lstm.train.Model;
import lstm.train.ModelFile;

/** Loading a model for a command that needs a given kind. */
final class ModelOptions {
    private ModelOptions() {}

    static Model load(Path path, String blas, String... kinds) {
        Model model = ModelFile.load(path, TrainCommand.engine(blas), lstm.poly.PolyModels.ARCHITECTURES).model();
        if (kinds.length > 0 && !java.util.List.of(kinds).contains(model.kind)) {
            throw new UserException(path + " is a '" + model.kind + "' model; this command needs a " + String.join(" or ", kinds) + " model",
                    "use a model trained on the right kind of data");
        }
        return model;
    }
}
