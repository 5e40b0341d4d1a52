package lstm.train;

/**
 * A corpus as token ids: the training stream and the held-out validation stream (documents
 * concatenated; each document's validation part is its tail, so no training text leaks into it).
 */
public record TokenData(int[] train, int[] validation, String fingerprint) {

    /** Splits each document at (1 − valFraction) of its length and concatenates the parts. */
    public static TokenData split(java.util.List<int[]> documents, double valFraction) {
        int trainLength = 0, valLength = 0;
        for (int[] doc : documents) {
            int val = (int) Math.floor(doc.length * valFraction);
            trainLength += doc.length - val;
            valLength += val;
        }
        int[] train = new int[trainLength], val = new int[valLength];
        int ti = 0, vi = 0;
        java.security.MessageDigest digest = sha256();
        for (int[] doc : documents) {
            int v = (int) Math.floor(doc.length * valFraction);
            System.arraycopy(doc, 0, train, ti, doc.length - v);
            System.arraycopy(doc, doc.length - v, val, vi, v);
            ti += doc.length - v;
            vi += v;
            for (int token : doc) {
                digest.update((byte) (token >>> 24));
                digest.update((byte) (token >>> 16));
                digest.update((byte) (token >>> 8));
                digest.update((byte) token);
            }
            digest.update((byte) 0xFF);
        }
        return new TokenData(train, val, java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 16));
    }

    /**
     * Training and validation documents chosen by the caller (say, whole pieces held out), each
     * side concatenated in order; the fingerprint covers both sides.
     */
    public static TokenData of(java.util.List<int[]> trainDocuments, java.util.List<int[]> validationDocuments) {
        java.security.MessageDigest digest = sha256();
        int[] train = concatenated(trainDocuments, digest);
        digest.update((byte) 0xFE); // the border between the sides counts too
        int[] validation = concatenated(validationDocuments, digest);
        return new TokenData(train, validation, java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 16));
    }

    private static int[] concatenated(java.util.List<int[]> documents, java.security.MessageDigest digest) {
        int length = 0;
        for (int[] doc : documents) length += doc.length;
        int[] all = new int[length];
        int at = 0;
        java.nio.ByteBuffer word = java.nio.ByteBuffer.allocate(4);
        for (int[] doc : documents) {
            System.arraycopy(doc, 0, all, at, doc.length);
            at += doc.length;
            for (int token : doc) digest.update(word.putInt(0, token).array());
            digest.update((byte) 0xFF);
        }
        return all;
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
