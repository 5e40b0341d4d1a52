/*
 * Writes corpora/tiny-plays.txt, the project's own training corpus: seventeen invented verse plays
 * (speaker names in capitals, short lines of pseudo-Elizabethan English, stage directions in
 * brackets, act and scene headings). Every word list and sentence pattern below was written for
 * this project; nothing is copied from an existing text.
 *
 * Usage (from the repository root, no build needed):
 *
 *     java corpora/TinyPlays.java > corpora/tiny-plays.txt
 *
 * The output is deterministic: java.util.Random is specified to the bit, the text is ASCII with LF
 * line endings, and it is written as raw bytes. CorpusFilesTest checks that this program
 * reproduces the committed file byte for byte; after changing anything here, regenerate the file
 * and commit both.
 */
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

public class TinyPlays {
    static final long SEED = 1606L;
    static final int PLAYS = 17;

    public static void main(String[] args) throws IOException {
        byte[] bytes = new TinyPlays(new Random(SEED)).plays(PLAYS).getBytes(StandardCharsets.US_ASCII);
        System.out.write(bytes);
        System.out.flush();
    }

    // ---------------------------------------------------------------- word lists

    /** Concrete nouns as singular/plural. */
    static final String[][] NOUNS = pairs(
            "crown/crowns", "sword/swords", "heart/hearts", "night/nights", "day/days", "king/kings",
            "queen/queens", "lord/lords", "lady/ladies", "father/fathers", "mother/mothers", "son/sons",
            "daughter/daughters", "brother/brothers", "sister/sisters", "friend/friends", "enemy/enemies",
            "soldier/soldiers", "servant/servants", "stranger/strangers", "river/rivers", "sea/seas",
            "storm/storms", "wind/winds", "fire/fires", "star/stars", "moon/moons", "rose/roses",
            "grave/graves", "tower/towers", "gate/gates", "wall/walls", "field/fields", "forest/forests",
            "hill/hills", "ship/ships", "letter/letters", "ring/rings", "dream/dreams", "voice/voices",
            "hand/hands", "eye/eyes", "tongue/tongues", "word/words", "tear/tears", "shadow/shadows",
            "morning/mornings", "bell/bells", "horse/horses", "cup/cups", "book/books", "oath/oaths",
            "secret/secrets", "name/names", "throne/thrones", "banner/banners", "army/armies",
            "house/houses", "garden/gardens", "bird/birds", "wolf/wolves", "lamb/lambs", "crow/crows",
            "candle/candles", "key/keys", "bridge/bridges", "flower/flowers", "mountain/mountains",
            "coin/coins", "feast/feasts", "prayer/prayers", "song/songs", "fool/fools", "thief/thieves",
            "child/children", "bed/beds", "door/doors", "road/roads", "cloud/clouds", "island/islands");

    /** Abstract nouns, used without an article. */
    static final String[] ABSTRACTS = {
            "love", "grief", "sorrow", "fortune", "truth", "shame", "war", "peace", "death", "time",
            "honour", "mercy", "justice", "patience", "envy", "hope", "pride", "vengeance", "pity",
            "madness", "folly", "wisdom", "duty", "beauty", "sleep", "silence", "treason", "faith"};

    static final String[] ADJECTIVES = {
            "cold", "dark", "bright", "gentle", "noble", "cruel", "proud", "sweet", "bitter", "silent",
            "wild", "fair", "false", "true", "old", "young", "weary", "golden", "hollow", "heavy",
            "strange", "sad", "merry", "brave", "wretched", "honest", "holy", "bloody", "pale", "green",
            "deep", "quiet", "restless", "broken", "faithful", "foolish", "wise", "poor", "rich",
            "ancient", "distant", "little", "great", "black", "white", "red", "secret", "idle", "kind",
            "empty", "lonely", "wicked", "loyal", "hungry", "careless", "patient", "thankless", "grey"};

    /** Transitive verbs: base / third person / past participle. */
    static final String[][] VERBS = triples(
            "keep/keeps/kept", "love/loves/loved", "hate/hates/hated", "find/finds/found",
            "seek/seeks/sought", "follow/follows/followed", "betray/betrays/betrayed",
            "defend/defends/defended", "kill/kills/killed", "save/saves/saved", "know/knows/known",
            "see/sees/seen", "hear/hears/heard", "bring/brings/brought", "take/takes/taken",
            "break/breaks/broken", "hold/holds/held", "guard/guards/guarded", "burn/burns/burned",
            "bury/buries/buried", "praise/praises/praised", "curse/curses/cursed",
            "forgive/forgives/forgiven", "remember/remembers/remembered", "forget/forgets/forgotten",
            "trust/trusts/trusted", "fear/fears/feared", "serve/serves/served", "wake/wakes/woken",
            "leave/leaves/left", "call/calls/called", "answer/answers/answered", "carry/carries/carried",
            "send/sends/sent", "mend/mends/mended", "wound/wounds/wounded", "banish/banishes/banished",
            "welcome/welcomes/welcomed", "pity/pities/pitied", "mock/mocks/mocked", "win/wins/won",
            "lose/loses/lost", "steal/steals/stolen", "hide/hides/hidden", "spare/spares/spared",
            "deceive/deceives/deceived", "honour/honours/honoured", "poison/poisons/poisoned");

    /** Intransitive verbs: base / third person. */
    static final String[][] INTRANSITIVES = pairs(
            "sleep/sleeps", "weep/weeps", "die/dies", "fall/falls", "rise/rises", "burn/burns",
            "wait/waits", "wander/wanders", "sing/sings", "fade/fades", "tremble/trembles",
            "speak/speaks", "laugh/laughs", "pray/prays", "fly/flies", "grow/grows", "smile/smiles",
            "shine/shines", "mourn/mourns", "rest/rests", "dance/dances", "sigh/sighs", "kneel/kneels",
            "hunt/hunts", "ride/rides", "bleed/bleeds");

    static final String[] PLACES = {
            "Varen", "Ostmere", "Caldris", "Belmarch", "Thornwick", "Ilvany", "Dunmore", "Selvanne",
            "Korrow", "Aberlin", "Ravensholt", "Westerfold", "Marrowdale", "Quellin", "Eskarra",
            "Hollin", "Brennock", "Luthany"};

    static final String[] MEN = {
            "Aldric", "Dorval", "Fenwick", "Haldor", "Jorin", "Lucan", "Perrin", "Ulric", "Zoran",
            "Corvin", "Leofric", "Oswin", "Lorcan", "Pellam", "Silas", "Teodor", "Valerian", "Brannoc",
            "Emrys", "Garreth", "Hobart", "Ivo", "Merek", "Rodric", "Tobin", "Wystan"};

    static final String[] WOMEN = {
            "Bronwen", "Emberly", "Imelda", "Kestrel", "Maren", "Odile", "Quinta", "Sabelle", "Tamsin",
            "Vesna", "Yselda", "Merida", "Beatrix", "Elara", "Gwendolen", "Hesper", "Ilse", "Mirelle",
            "Orla", "Rhoswen", "Alys", "Clemency", "Dagny", "Linnet", "Perpetua", "Wenna"};

    static final String[] TIMES = {
            "tonight", "before the dawn", "ere morning", "this very hour", "tomorrow", "at midnight",
            "ere the sun be down", "when the bells have rung", "by morning", "within the hour",
            "till the end of days", "this night", "at break of day", "ere the year be out"};

    static final String[] SCENE_PLACES = {
            "A hall in the castle of %P.", "A street in %P.", "The walls of %P.", "A forest near %P.",
            "The king's chamber.", "The queen's garden.", "A ship at sea.", "A churchyard.",
            "Another part of the field.", "A room in the palace.", "Before the gates of %P.",
            "A tavern in %P.", "A road near %P.", "The shore.", "A prison.", "The throne room.",
            "A chapel.", "A camp near %P.", "The same.", "A bridge over the river."};

    // ---------------------------------------------------------------- sentence patterns
    //
    // Slots: {adj} {noun} {nouns} {abs} {vt} {vt3} {vtp} {vi} {vi3} {place} {time}
    // {name} (someone else in the scene), {addr} (how the speaker addresses the listener),
    // {det} (the/my/thy/...), {a} (a or an, chosen by the next word).

    /** Whole clauses that can start a sentence. */
    static final String[] OPENERS = {
            "{det} {adj} {noun} {vi3} upon the {noun}",
            "I will {vt} the {noun} of {place} {time}",
            "Thou shalt not {vt} {det} {adj} {noun}",
            "O {adj} {noun}, why dost thou {vi}?",
            "Come, let us {vt} the {nouns} of {place}",
            "I swear by every {noun} in {place}",
            "{det} {noun} is {adj} as the {adj} {noun}",
            "What news from {place}?",
            "My heart is {adj}, and my {noun} is {adj}",
            "There is no {abs} in {det} {adj} {noun}",
            "{abs} is {a} {adj} {noun}",
            "I have {vtp} the {noun} and {vtp} the {noun}",
            "He hath {vtp} {det} {noun} in {place}",
            "She {vt3} the {noun} that {vt3} her {noun}",
            "Let not the {adj} {nouns} {vt} our {noun}",
            "The {nouns} of {place} shall {vi} {time}",
            "If thou dost love me, {vt} the {noun}",
            "Go, tell the {noun} that {abs} is {adj}",
            "Would I had never {vtp} the {adj} {noun}!",
            "Farewell, {addr}; the {noun} {vi3} {time}",
            "Thy {noun} hath made me {adj}",
            "Speak, {name}, speak! what hath the {noun} {vtp}?",
            "'Tis {adj} to {vt} {a} {noun} so {adj}",
            "How {adj} the {noun} is in {place}!",
            "This {noun} shall {vt} the {noun} of {name}",
            "Bring me the {noun}, and {vt} the {noun}",
            "I know not why the {nouns} {vi}",
            "Fear not, {addr}; the {noun} is {adj}",
            "Alas, poor {name}! the {noun} {vi3}",
            "Ten thousand {nouns} shall {vi} for this",
            "Methinks the {noun} doth {vi} too long",
            "By {det} {noun}, I will {vt} thee yet",
            "Give me thy {noun}, and take my {noun}",
            "We are but {nouns} in {a} {adj} {noun}",
            "Let the {nouns} {vi}, and let the {nouns} {vi}",
            "Such {adj} {nouns} were never seen in {place}",
            "The {noun} is {vtp}, the {noun} is {vtp}",
            "Go to, go to; thou art {a} {adj} {noun}",
            "Thou art as {adj} as the {noun} of {place}",
            "Hark! the {nouns} of {place} {vi}",
            "What {noun} is this that {vt3} my {noun}?",
            "Is this the {noun} that hath {vtp} the {noun}?",
            "Who {vt3} the {noun} shall {vt} the {noun}",
            "My {noun} {vi3}, and yet I cannot {vi}",
            "Where is the {noun} that {name} {vt3}?",
            "I did never {vt} thee, {addr}",
            "Now, by the {adj} {nouns} of {place}",
            "Take up the {noun}; the {nouns} {vi}",
            "Why should {a} {adj} {noun} {vt} the {noun}?",
            "The {noun} hath {vtp} {det} {adj} {noun}",
            "See how the {nouns} {vi} about the {noun}!",
            "I am {a} {adj} {noun}, and {adj} withal",
            "Let {name} {vt} the {noun}; I will {vi}",
            "{abs} and {abs} are {adj} {nouns}",
            "I would {vt} {det} {noun} for {abs} of thee",
            "The {noun} of {place} is {vtp}",
            "Peace, {addr}! the {noun} {vi3}",
            "Shall I {vt} the {noun}, or {vt} the {noun}?",
            "There lies the {noun} that {name} hath {vtp}",
            "My {nouns} are {adj}, my {nouns} are {adj}",
            "Was ever {noun} so {adj} as this?",
            "Hence, {adj} {noun}! {vt} me no more",
    };

    /** Clauses that follow a comma or semicolon. */
    static final String[] CONTINUATIONS = {
            "And all my {nouns} {vi} for love of {place}",
            "And I will {vt} the {noun} {time}",
            "But {abs} {vi3} in the {adj} {noun}",
            "For {abs} is {adj} and {abs} is {adj}",
            "Yet still the {noun} {vi3} upon the {noun}",
            "Or else the {nouns} of {place} will {vi}",
            "That {vt3} the {noun} and {vt3} the {noun}",
            "And so the {adj} {noun} {vi3} {time}",
            "But thou, {addr}, shalt {vt} the {noun}",
            "For I have {vtp} the {noun} of {name}",
            "And {vt} the {adj} {nouns} that {vi}",
            "Till every {noun} in {place} {vi3}",
            "As doth the {noun} when {abs} {vi3}",
            "And there the {adj} {nouns} {vi}",
            "Nor shall the {noun} {vt} the {noun}",
            "Which {name} hath {vtp} in {place}",
            "And let the {noun} {vi} {time}",
            "Though all the {nouns} of {place} {vi}",
            "Lest {abs} should {vt} the {adj} {noun}",
            "And on my {noun} I {vt} thee",
            "Like {a} {adj} {noun} upon the {noun}",
            "And thou shalt {vt} me {time}",
            "Whose {noun} is {adj} as any {noun}",
            "But I will {vi} no more",
    };

    /** Whole short speeches. */
    static final String[] SHORT_SPEECHES = {
            "Ay, {addr}.", "No, {addr}.", "Away!", "Peace!", "I will, {addr}.", "What, {name}!",
            "Here, {addr}.", "Farewell.", "Most {adj}!", "O {abs}!", "Alas!", "Good night, {addr}.",
            "Even so, {addr}.", "Then {vi}, and {vi} no more.", "I go, {addr}.", "{abs}? {abs}!",
            "Not I, {addr}.", "What {noun}?", "The {noun}, {addr}, the {noun}!", "Why, {name}?",
            "Hark!", "Away, away!", "Is it so?", "It is, {addr}.", "Who goes there?", "Speak.",
    };

    static final String[] DETERMINERS = {"the", "my", "thy", "our", "this", "that", "his", "her", "your"};

    // ---------------------------------------------------------------- people

    enum Rank { KING, QUEEN, PRINCE, PRINCESS, LORD, LADY, COMMON }

    static final class Person {
        final String label;  // speaker label, capitals
        final String name;   // how others call them in the text
        final Rank rank;
        final String description;

        Person(String label, String name, Rank rank, String description) {
            this.label = label;
            this.name = name;
            this.rank = rank;
            this.description = description;
        }
    }

    // ---------------------------------------------------------------- generator

    private final Random random;
    private final StringBuilder out = new StringBuilder(500_000);
    private String home;
    private List<Person> cast;
    private Person speaker;
    private Person listener;
    private List<Person> onStage;

    TinyPlays(Random random) {
        this.random = random;
    }

    String plays(int count) {
        for (int i = 0; i < count; i++) play();
        return out.toString();
    }

    private void play() {
        home = pick(PLACES);
        cast = cast();
        Person king = cast.get(0), heir = cast.get(2);
        String title;
        switch (random.nextInt(5)) {
            case 0: title = "THE TRAGEDY OF " + king.label; break;
            case 1: title = "THE HISTORY OF " + heir.label + " OF " + home.toUpperCase(); break;
            case 2: title = "THE FALL OF " + home.toUpperCase(); break;
            case 3: title = heir.label + " AND " + cast.get(3).label; break;
            default: title = "THE " + pick(ADJECTIVES).toUpperCase() + " " + pick(NOUNS)[0].toUpperCase(); break;
        }
        line(title);
        line("");
        line("PERSONS OF THE PLAY");
        line("");
        for (Person p : cast) line(p.label + ", " + p.description + ".");
        line("");
        int acts = 3 + random.nextInt(3);
        for (int act = 1; act <= acts; act++) {
            line("ACT " + roman(act));
            line("");
            int scenes = 2 + random.nextInt(3);
            for (int scene = 1; scene <= scenes; scene++) scene(act, scene);
        }
        line("THE END");
        line("");
        line("");
    }

    private List<Person> cast() {
        List<Person> people = new ArrayList<>();
        List<String> men = new ArrayList<>(List.of(MEN)), women = new ArrayList<>(List.of(WOMEN));
        String king = take(men), queen = take(women), prince = take(men), princess = take(women);
        String rival = pick(PLACES);
        while (rival.equals(home)) rival = pick(PLACES);
        people.add(new Person("KING " + king.toUpperCase(), king, Rank.KING, "king of " + home));
        people.add(new Person("QUEEN " + queen.toUpperCase(), queen, Rank.QUEEN, "his queen"));
        people.add(new Person(prince.toUpperCase(), prince, Rank.PRINCE, "son to the king"));
        people.add(new Person(princess.toUpperCase(), princess, Rank.PRINCESS, "daughter to the king"));
        String lord = take(men);
        people.add(new Person(lord.toUpperCase(), lord, Rank.LORD, "a lord of " + home));
        String stranger = take(men);
        people.add(new Person(stranger.toUpperCase(), stranger, Rank.LORD, "a prince of " + rival));
        String lady = take(women);
        people.add(new Person(lady.toUpperCase(), lady, Rank.LADY, "a lady, friend to " + princess));
        String[][] minor = {
                {"NURSE", "nurse", "nurse to " + princess}, {"FOOL", "fool", "a fool"},
                {"CAPTAIN", "captain", "captain of the guard"}, {"MESSENGER", "fellow", "a messenger"},
                {"FIRST GUARD", "fellow", "a soldier"}, {"SECOND GUARD", "fellow", "a soldier"},
                {"GARDENER", "gardener", "gardener to the queen"}, {"PRIEST", "father", "a priest"},
                {"OLD WOMAN", "mother", "a beggar"}, {"PAGE", "boy", "page to " + prince}};
        int start = random.nextInt(minor.length);
        for (int i = 0; i < 4; i++) {
            String[] m = minor[(start + i) % minor.length];
            people.add(new Person(m[0], m[1], Rank.COMMON, m[2]));
        }
        return people;
    }

    private void scene(int act, int number) {
        String where = pick(SCENE_PLACES).replace("%P", random.nextBoolean() ? home : pick(PLACES));
        line("SCENE " + roman(number) + ". " + where);
        line("");
        onStage = new ArrayList<>();
        int entering = 2 + random.nextInt(3);
        while (onStage.size() < entering) {
            Person p = pick(cast);
            if (!onStage.contains(p)) onStage.add(p);
        }
        line("[Enter " + names(onStage) + ".]");
        line("");
        speaker = null;
        listener = null;
        int speeches = 12 + random.nextInt(14);
        for (int s = 0; s < speeches; s++) {
            if (random.nextInt(10) == 0) comingsAndGoings();
            speech();
        }
        line(onStage.size() == 1 ? "[Exit " + onStage.get(0).label + ".]" : "[Exeunt.]");
        line("");
    }

    /** Someone enters or leaves between speeches; stage business now and then. */
    private void comingsAndGoings() {
        int choice = random.nextInt(4);
        if (choice == 0 && onStage.size() > 2) {
            Person p = onStage.remove(random.nextInt(onStage.size()));
            line("[Exit " + p.label + ".]");
        } else if (choice <= 2 && onStage.size() < cast.size()) {
            Person p = pick(cast);
            while (onStage.contains(p)) p = pick(cast);
            onStage.add(p);
            line(random.nextInt(3) == 0 ? "[Trumpets. Enter " + p.label + ".]" : "[Enter " + p.label + ".]");
        } else {
            String[] business = {"[Thunder.]", "[A bell rings.]", "[They fight.]", "[Music within.]",
                    "[Alarums.]", "[Knocking within.]", "[A shout within.]", "[They kneel.]"};
            line(pick(business));
        }
        line("");
    }

    private void speech() {
        Person next = pick(onStage);
        while (next == speaker && onStage.size() > 1) next = pick(onStage);
        listener = speaker != null && speaker != next ? speaker : someoneBut(next);
        speaker = next;
        line(speaker.label + ":");
        if (random.nextInt(6) == 0) {
            line(capitalize(fill(pick(SHORT_SPEECHES))));
            line("");
            return;
        }
        int[] lengths = {1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6};
        int lines = lengths[random.nextInt(lengths.length)];
        boolean aside = random.nextInt(12) == 0;
        boolean continues = false;
        for (int i = 0; i < lines; i++) {
            String text = fill(pick(continues ? CONTINUATIONS : OPENERS));
            char last = text.charAt(text.length() - 1);
            boolean closed = last == '?' || last == '!';
            String end;
            if (closed) {
                end = "";
                continues = false;
            } else if (i == lines - 1) {
                end = random.nextInt(8) == 0 ? "!" : ".";
            } else {
                int r = random.nextInt(10);
                end = r < 5 ? "," : r < 7 ? ";" : ".";
                continues = r < 7;
            }
            line((aside && i == 0 ? "[Aside] " : "") + capitalize(text) + end);
        }
        line("");
    }

    private Person someoneBut(Person p) {
        if (onStage.size() == 1) return pick(cast);
        Person other = pick(onStage);
        while (other == p) other = pick(onStage);
        return other;
    }

    /** Someone other than the speaker with a proper name, on stage if possible. */
    private Person someoneNamed() {
        List<Person> named = new ArrayList<>();
        for (Person p : onStage) if (p != speaker && p.rank != Rank.COMMON) named.add(p);
        if (named.isEmpty()) {
            for (Person p : cast) if (p != speaker && p.rank != Rank.COMMON) named.add(p);
        }
        return pick(named);
    }

    /** Expands the slots of a pattern. */
    private String fill(String pattern) {
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c != '{') {
                s.append(c);
                i++;
                continue;
            }
            int close = pattern.indexOf('}', i);
            s.append(slot(pattern.substring(i + 1, close)));
            i = close + 1;
        }
        return articles(s.toString());
    }

    private String slot(String name) {
        switch (name) {
            case "adj": return pick(ADJECTIVES);
            case "noun": return pick(NOUNS)[0];
            case "nouns": return pick(NOUNS)[1];
            case "abs": return pick(ABSTRACTS);
            case "vt": return pick(VERBS)[0];
            case "vt3": return pick(VERBS)[1];
            case "vtp": return pick(VERBS)[2];
            case "vi": return pick(INTRANSITIVES)[0];
            case "vi3": return pick(INTRANSITIVES)[1];
            case "place": return random.nextInt(3) == 0 ? home : pick(PLACES);
            case "time": return pick(TIMES);
            case "det": return pick(DETERMINERS);
            case "name": return someoneNamed().name;
            case "addr": return address();
            case "a": return "#";
            default: throw new IllegalArgumentException("unknown slot " + name);
        }
    }

    /** How the speaker addresses the listener, by the listener's rank. */
    private String address() {
        String n = listener.name;
        switch (listener.rank) {
            case KING: return pick(new String[] {"my liege", "my lord", "good my lord", "my sovereign"});
            case QUEEN: return pick(new String[] {"madam", "my queen", "gracious madam"});
            case PRINCE: case LORD: return pick(new String[] {"my lord", "good " + n, "noble " + n, n});
            case PRINCESS: case LADY: return pick(new String[] {"madam", "sweet " + n, "gentle " + n, "lady"});
            default: return pick(new String[] {"sirrah", "good " + n, n, "friend"});
        }
    }

    /** Replaces each '#' by "a" or "an" for the word after it. */
    private static String articles(String s) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '#') {
                r.append(c);
                continue;
            }
            String rest = s.substring(i + 2);
            boolean vowel = "aeiou".indexOf(rest.charAt(0)) >= 0 || rest.startsWith("hon");
            r.append(vowel ? "an" : "a");
        }
        return r.toString();
    }

    // ---------------------------------------------------------------- small helpers

    private void line(String text) {
        out.append(text).append('\n');
    }

    private String pick(String[] items) {
        return items[random.nextInt(items.length)];
    }

    private String[] pick(String[][] items) {
        return items[random.nextInt(items.length)];
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private String take(List<String> items) {
        return items.remove(random.nextInt(items.size()));
    }

    private static String names(List<Person> people) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < people.size(); i++) {
            if (i > 0) s.append(i == people.size() - 1 ? " and " : ", ");
            s.append(people.get(i).label);
        }
        return s.toString();
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String roman(int n) {
        String[] numerals = {"", "I", "II", "III", "IV", "V", "VI"};
        return numerals[n];
    }

    private static String[][] pairs(String... items) {
        String[][] r = new String[items.length][];
        for (int i = 0; i < items.length; i++) r[i] = items[i].split("/");
        return r;
    }

    private static String[][] triples(String... items) {
        return pairs(items);
    }
}
