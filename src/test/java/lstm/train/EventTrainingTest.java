package lstm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lstm.linalg.Rng;
import lstm.music.EventCodec;
import lstm.music.MidiReader;
import lstm.music.Note;
import lstm.music.NoteSequence;
import lstm.nn.CellType;
import lstm.nn.Network;
import lstm.nn.NetworkConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events kind on the token engine: the split, augmentation, and a small real training run. */
class EventTrainingTest {
    static final Path NOTTINGHAM_MELODY = Path.of("../shared/corpora/midi/nottingham_melody");
    /** The stated bar of the small run: ln 356 = 5.87 nats/event at the start; about 2.1 after 150 steps. */
    static final double SMALL_RUN_BAR = 2.6;

    @TempDir
    Path dir;

    static MidiReader.Piece piece(String name, int firstPitch) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 8; i++) notes.add(new Note(firstPitch + (i % 4) * 2, 90, 0.25 * i, 0.25 * i + 0.2));
        return new MidiReader.Piece(Path.of(name), new NoteSequence(notes));
    }

    @Test
    void wholePiecesAreHeldOutAndOnlyTrainingPiecesAugmented() {
        List<MidiReader.Piece> pieces = new ArrayList<>();
        for (int i = 0; i < 10; i++) pieces.add(piece("p" + i, 60 + i));
        EventCorpus.Settings settings = new EventCorpus.Settings(false, false, true, 5.0);
        EventCodec codec = settings.codec();
        int perPiece = codec.encode(pieces.get(0).notes()).length;

        EventCorpus plain = new EventCorpus(pieces, null, settings, EventCorpus.Augmentation.NONE);
        TokenData data = plain.tokens(plain.newCodec(), 0.2);
        assertEquals(2 * perPiece, data.validation().length);   // pieces 4 and 9
        assertEquals(8 * perPiece, data.train().length);
        assertArrayEquals(codec.encode(pieces.get(4).notes()), java.util.Arrays.copyOf(data.validation(), perPiece));

        EventCorpus.Augmentation augmentation = new EventCorpus.Augmentation(-2, 1, 0.95, 1.05);
        assertEquals(List.of(0, -2, -1, 1), augmentation.shifts());
        assertEquals(List.of(1.0, 0.95, 0.975, 1.025, 1.05), augmentation.stretches());
        EventCorpus augmented = new EventCorpus(pieces, null, settings, augmentation);
        TokenData more = augmented.tokens(augmented.newCodec(), 0.2);
        assertArrayEquals(data.validation(), more.validation());
        assertEquals(20 * 8, countNoteOns(more.train()) / 8);   // 8 pieces × 4 shifts × 5 stretches, 8 notes each
        assertTrue(!data.fingerprint().equals(more.fingerprint()));
        assertEquals(356, augmented.vocabularySize(augmented.newCodec()));
    }

    private static int countNoteOns(int[] tokens) {
        int n = 0;
        for (int t : tokens) if (t < EventCodec.NOTE_OFF) n++;
        return n;
    }

    @Test
    void heldOutPiecesAreSpreadOverTheCorpus() {
        int held = 0;
        for (int i = 0; i < 1034; i++) if (EventCorpus.heldOut(i, 0.05)) held++;
        assertEquals(51, held);
        assertTrue(EventCorpus.heldOut(19, 0.05) && !EventCorpus.heldOut(18, 0.05) && !EventCorpus.heldOut(20, 0.05));
    }

    /** A small run on every 10th Nottingham melody (104 tunes): the event loss falls below the bar in a few CPU seconds. */
    @Test
    void smallRunOnNottinghamLearns() throws Exception {
        assumeTrue(Files.isDirectory(NOTTINGHAM_MELODY), "../shared/corpora/midi/nottingham_melody is absent");
        List<Path> files;
        try (Stream<Path> list = Files.list(NOTTINGHAM_MELODY)) {
            List<Path> all = list.filter(p -> p.toString().endsWith(".mid")).sorted().toList();
            files = new ArrayList<>();
            for (int i = 0; i < all.size(); i += 10) files.add(all.get(i));
        }
        EventCorpus.Settings settings = new EventCorpus.Settings(false, false, true, 5.0);
        MidiReader.Result read = new MidiReader(settings.readerOptions(true)).read(files);
        EventCorpus corpus = new EventCorpus(read.pieces(), null, settings, EventCorpus.Augmentation.NONE);

        TrainOptions options = new TrainOptions();
        options.batchSize = 16;
        options.seqLength = 64;
        options.learningRate = 1e-2f;
        options.maxSteps = 150;
        options.evalEvery = 150;
        options.checkpointEvery = 0;
        var codec = corpus.newCodec();
        Network network = new Network(new NetworkConfig(CellType.LSTM, corpus.vocabularySize(codec), 64, 1, 0, 0f),
                lstm.linalg.Engines.byName("auto", 1));
        network.initialize(new Rng(42 ^ 0x5DEECE66DL));
        Model model = new Model(EventCorpus.KIND, network, codec, options, new TrainingState());
        TokenData data = corpus.tokens(codec, options.valFraction);
        long started = System.nanoTime();
        new Trainer(model, null, data, dir.resolve("nott.lstm"), null).run(new TrainingListener() {}, () -> false);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(model.state.lastValLoss < SMALL_RUN_BAR,
                "validation loss " + model.state.lastValLoss + " nats/event after 150 steps (" + seconds + " s)");
    }
}
