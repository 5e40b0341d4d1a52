package lstm.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lstm.io.SafeTensors.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    private Path writeSample() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("a", new Tensor(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f}));
        tensors.put("b", new Tensor(new int[] {1}, new float[] {Float.MIN_VALUE}));
        Path p = dir.resolve("m.safetensors");
        SafeTensors.write(p, tensors, Map.of("hello", "world"));
        return p;
    }

    @Test
    void roundTrip() {
        SafeTensors.Contents c = SafeTensors.read(writeSample());
        assertArrayEquals(new int[] {2, 3}, c.tensors().get("a").shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, -6.5f}, c.tensors().get("a").data());
        assertArrayEquals(new float[] {Float.MIN_VALUE}, c.tensors().get("b").data());
        assertEquals("world", c.metadata().get("hello"));
    }

    @Test
    void layoutIsSafetensors() throws Exception {
        byte[] bytes = Files.readAllBytes(writeSample());
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + headerLength) % 8, "data starts 8-byte aligned");
        Map<String, Object> header = Json.readObject(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) header.get("a");
        assertEquals("F32", a.get("dtype"));
        assertEquals(List.of(2, 3), a.get("shape"));
        assertEquals(List.of(0, 24), a.get("data_offsets"));
        float first = ByteBuffer.wrap(bytes, 8 + (int) headerLength, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
        assertEquals(1f, first);
        assertEquals(8 + headerLength + 28, bytes.length);
    }

    @Test
    void everyTruncationIsRejectedCleanly() throws Exception {
        byte[] bytes = Files.readAllBytes(writeSample());
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(bytes, n);
            UserException e = assertThrows(UserException.class, () -> SafeTensors.parse("m", cut), "truncated at " + n);
            assertTrue(e.getMessage().startsWith("m is not a valid model file"), e.getMessage());
        }
    }

    @Test
    void everyBitFlipInTheDataIsCaught() throws Exception {
        byte[] bytes = Files.readAllBytes(writeSample());
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        for (int i = 8 + (int) headerLength; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = bytes.clone();
                flipped[i] ^= (byte) (1 << bit);
                UserException e = assertThrows(UserException.class, () -> SafeTensors.parse("m", flipped));
                assertTrue(e.getMessage().contains("checksum"), e.getMessage());
            }
        }
    }

    @Test
    void hostileHeaderLengthIsRejectedBeforeAllocating() {
        byte[] bytes = new byte[16];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE);
        assertTrue(assertThrows(UserException.class, () -> SafeTensors.parse("m", bytes)).getMessage().contains("header length"));
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[100000,100000],\"data_offsets\":[0,4]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json).putFloat(1f);
        assertTrue(assertThrows(UserException.class, () -> SafeTensors.parse("m", b.array())).getMessage().contains("larger than the file"));
    }

    @Test
    void failedWriteLeavesThePreviousFileIntact() throws Exception {
        Path p = writeSample();
        byte[] before = Files.readAllBytes(p);
        // the temporary file's name is taken by a folder, so the write fails half-way
        Files.createDirectory(dir.resolve("." + p.getFileName() + ".tmp-" + ProcessHandle.current().pid()));
        UserException e = assertThrows(UserException.class,
                () -> SafeTensors.write(p, Map.of("x", new Tensor(new int[] {1}, new float[] {1})), Map.of()));
        assertTrue(e.userMessage().contains("the previous version of the file is intact"), e.userMessage());
        assertArrayEquals(before, Files.readAllBytes(p));
    }
}
