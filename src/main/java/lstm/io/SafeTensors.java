package lstm.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors container: 8-byte little-endian header length, a JSON header giving each
 * tensor's dtype, shape and byte range plus a {@code __metadata__} map of strings, then the raw
 * little-endian float32 data. PyTorch and other safetensors readers load these files.
 *
 * <p>We add {@code data_sha256} to the metadata; reading verifies it. A file is untrusted input:
 * header length, shapes and offsets are checked before anything is allocated.
 */
public final class SafeTensors {
    public static final String CHECKSUM_KEY = "data_sha256";
    private static final long MAX_HEADER = 100L << 20;

    private SafeTensors() {}

    /** A float32 tensor. */
    public record Tensor(int[] shape, float[] data) {
        public Tensor {
            long size = 1;
            for (int d : shape) size *= d;
            if (size != data.length) throw new IllegalArgumentException("shape does not match data length");
        }
    }

    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    /** Writes atomically, in the order of the map. */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) {
        long dataBytes = 0;
        for (Tensor t : tensors.values()) dataBytes += 4L * t.data().length;
        if (dataBytes > Integer.MAX_VALUE) throw new IllegalArgumentException("model too large for one file");
        ByteBuffer data = ByteBuffer.allocate((int) dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Object> header = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            long begin = data.position();
            data.asFloatBuffer().put(e.getValue().data());
            data.position((int) (begin + 4L * e.getValue().data().length));
            List<Integer> shape = new ArrayList<>();
            for (int d : e.getValue().shape()) shape.add(d);
            header.put(e.getKey(), Map.of("dtype", "F32", "shape", shape, "data_offsets", List.of(begin, (long) data.position())));
        }
        data.flip();
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        meta.put(CHECKSUM_KEY, sha256(data.duplicate()));
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("__metadata__", meta);
        full.putAll(header);
        byte[] json = Json.write(full).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;   // keep the data 8-byte aligned, as the format recommends
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) head.put((byte) ' ');
        head.flip();
        AtomicFile.write(path, head, data);
    }

    public static Contents read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UserException("no such model file: " + path, "check the path");
        } catch (IOException e) {
            throw new UserException("cannot read " + path + ": " + e.getMessage(), null, e);
        }
        return parse(path.toString(), bytes);
    }

    static Contents parse(String name, byte[] bytes) {
        if (bytes.length < 8) throw corrupt(name, "file is too short (" + bytes.length + " bytes)");
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buf.getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER || headerLength > bytes.length - 8) {
            throw corrupt(name, "header length " + headerLength + " does not fit a file of " + bytes.length + " bytes");
        }
        Map<String, Object> header;
        try {
            header = Json.readObject(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8).strip());
        } catch (IOException | RuntimeException e) {
            throw corrupt(name, "header is not valid JSON");
        }
        int dataStart = 8 + (int) headerLength;
        int dataLength = bytes.length - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                if (!(e.getValue() instanceof Map<?, ?> m)) throw corrupt(name, "__metadata__ is not an object");
                for (Map.Entry<?, ?> me : m.entrySet()) {
                    if (!(me.getValue() instanceof String s)) throw corrupt(name, "metadata value " + me.getKey() + " is not a string");
                    metadata.put(String.valueOf(me.getKey()), s);
                }
                continue;
            }
            tensors.put(e.getKey(), tensor(name, e.getKey(), e.getValue(), buf, dataStart, dataLength));
        }
        String expected = metadata.get(CHECKSUM_KEY);
        if (expected != null && !expected.equals(sha256(ByteBuffer.wrap(bytes, dataStart, dataLength)))) {
            throw corrupt(name, "tensor data does not match its checksum");
        }
        return new Contents(tensors, metadata);
    }

    private static Tensor tensor(String file, String key, Object spec, ByteBuffer buf, int dataStart, int dataLength) {
        if (!(spec instanceof Map<?, ?> m)) throw corrupt(file, "entry " + key + " is not an object");
        if (!"F32".equals(m.get("dtype"))) throw corrupt(file, "tensor " + key + " has dtype " + m.get("dtype") + ", expected F32");
        if (!(m.get("shape") instanceof List<?> shapeList) || !(m.get("data_offsets") instanceof List<?> offsets) || offsets.size() != 2) {
            throw corrupt(file, "tensor " + key + " lacks a shape or data offsets");
        }
        int[] shape = new int[shapeList.size()];
        long size = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeList.get(i) instanceof Number n) || n.longValue() < 0 || n.longValue() > Integer.MAX_VALUE) {
                throw corrupt(file, "tensor " + key + " has a bad shape");
            }
            shape[i] = n.intValue();
            size *= shape[i];
            if (size > dataLength) throw corrupt(file, "tensor " + key + " is larger than the file");
        }
        if (!(offsets.get(0) instanceof Number b) || !(offsets.get(1) instanceof Number en)) throw corrupt(file, "tensor " + key + " has bad offsets");
        long begin = b.longValue(), end = en.longValue();
        if (begin < 0 || end < begin || end > dataLength || end - begin != 4 * size) {
            throw corrupt(file, "tensor " + key + " has offsets [" + begin + ", " + end + ") that do not fit its shape or the file");
        }
        float[] data = new float[(int) size];
        buf.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(dataStart + (int) begin).limit(dataStart + (int) end)
                .slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        return new Tensor(shape, data);
    }

    private static UserException corrupt(String file, String why) {
        return new UserException(file + " is not a valid model file: " + why, "it may be truncated or damaged; use an intact copy");
    }

    private static String sha256(ByteBuffer data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
