package lstm.export;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One protobuf message being written, in the wire format (varints, length-delimited fields, fixed
 * 32-bit floats): the whole of protobuf that an ONNX file needs, so the export needs no protobuf
 * runtime nor generated classes. Fields are written in the order they are added; field numbers
 * come from onnx.proto (see {@link OnnxGraph}).
 */
final class Protobuf {
    private static final int VARINT = 0, LENGTH_DELIMITED = 2, FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** An int32, int64 or enum field. */
    Protobuf varint(int field, long value) {
        tag(field, VARINT);
        writeVarint(value);
        return this;
    }

    Protobuf float32(int field, float value) {
        tag(field, FIXED32);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) out.write(bits >>> (8 * i));
        return this;
    }

    Protobuf bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        writeVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    Protobuf string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Protobuf message(int field, Protobuf value) {
        return bytes(field, value.toByteArray());
    }

    /** A repeated int64 field, packed (the proto3 default, which ONNX readers accept). */
    Protobuf packedInt64(int field, long... values) {
        Protobuf packed = new Protobuf();
        for (long v : values) packed.writeVarint(v);
        return bytes(field, packed.toByteArray());
    }

    /** Floats as little-endian bytes (a TensorProto's raw_data). */
    static byte[] littleEndian(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        writeVarint(((long) field << 3) | wireType);
    }

    /** Base-128, least significant group first; a negative int64 takes ten bytes, as protobuf says. */
    private void writeVarint(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
