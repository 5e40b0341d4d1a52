package lstm.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The wire format as protobuf's encoding guide spells it out, byte for byte. */
class ProtobufTest {
    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (byte) values[i];
        return out;
    }

    @Test
    void varintsAreBase128LeastSignificantGroupFirst() {
        // the guide's example: field 1 = 150 is 08 96 01
        assertArrayEquals(bytes(0x08, 0x96, 0x01), new Protobuf().varint(1, 150).toByteArray());
        // a negative int64 (ONNX's axis -1) takes ten bytes
        assertArrayEquals(bytes(0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), new Protobuf().varint(3, -1).toByteArray());
    }

    @Test
    void stringsMessagesPackedIntsAndFloatsAreLengthDelimitedOrFixed() {
        // the guide's example: field 2 = "testing" is 12 07 74 65 73 74 69 6e 67
        assertArrayEquals(bytes(0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67), new Protobuf().string(2, "testing").toByteArray());
        // field 3 = a message holding field 1 = 150
        assertArrayEquals(bytes(0x1a, 0x03, 0x08, 0x96, 0x01), new Protobuf().message(3, new Protobuf().varint(1, 150)).toByteArray());
        // the guide's packed example: field 4 = [3, 270, 86942] is 22 06 03 8E 02 9E A7 05
        assertArrayEquals(bytes(0x22, 0x06, 0x03, 0x8E, 0x02, 0x9E, 0xA7, 0x05), new Protobuf().packedInt64(4, 3, 270, 86942).toByteArray());
        // 1.0f is 0x3F800000, little-endian after the fixed32 tag
        assertArrayEquals(bytes(0x15, 0x00, 0x00, 0x80, 0x3F), new Protobuf().float32(2, 1f).toByteArray());
    }
}
