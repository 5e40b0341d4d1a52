package lstm.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX graph being built: nodes, initializers, typed inputs and outputs, then the ModelProto
 * bytes. Field numbers are those of onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto,
 * ValueInfoProto, AttributeProto, TypeProto, TensorShapeProto, OperatorSetIdProto,
 * StringStringEntryProto).
 */
final class OnnxGraph {
    /** IR version 8 (ONNX 1.10 to 1.12) with operator set 14: read by ONNX Runtime 1.10+ and onnx's checker from 1.10. */
    static final long IR_VERSION = 8, OPSET = 14;
    static final int FLOAT = 1, INT64 = 7;   // TensorProto.DataType
    private static final int ATTR_FLOAT = 1, ATTR_INT = 2, ATTR_INTS = 7;   // AttributeProto.AttributeType

    private final List<Protobuf> nodes = new ArrayList<>();
    private final List<Protobuf> initializers = new ArrayList<>();
    private final List<Protobuf> inputs = new ArrayList<>();
    private final List<Protobuf> outputs = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private int nodeCount;

    /** An attribute of a node: an int, a float or a list of ints. */
    record Attribute(String name, int type, long i, float f, long[] ints) {
        static Attribute of(String name, long value) {
            return new Attribute(name, ATTR_INT, value, 0f, null);
        }

        static Attribute of(String name, float value) {
            return new Attribute(name, ATTR_FLOAT, 0, value, null);
        }

        static Attribute ints(String name, long... values) {
            return new Attribute(name, ATTR_INTS, 0, 0f, values);
        }

        Protobuf proto() {
            Protobuf a = new Protobuf().string(1, name);
            switch (type) {
                case ATTR_FLOAT -> a.float32(2, f);
                case ATTR_INT -> a.varint(3, i);
                default -> a.packedInt64(8, ints);
            }
            return a.varint(20, type);
        }
    }

    /** A node; an empty input name is an optional input left out. Returns its first output. */
    String node(String op, List<String> in, List<String> out, Attribute... attributes) {
        Protobuf n = new Protobuf();
        for (String s : in) n.string(1, s);
        for (String s : out) n.string(2, s);
        n.string(3, op + "_" + nodeCount++).string(4, op);
        for (Attribute a : attributes) n.message(5, a.proto());
        nodes.add(n);
        return out.get(0);
    }

    /** A node with one output of the given name. */
    String node(String op, String out, String... in) {
        return node(op, List.of(in), List.of(out));
    }

    String floats(String name, long[] dims, float[] values) {
        initializers.add(dims(dims).varint(2, FLOAT).string(8, name).bytes(9, Protobuf.littleEndian(values)));
        return name;
    }

    String int64s(String name, long[] dims, long... values) {
        initializers.add(dims(dims).varint(2, INT64).string(8, name).packedInt64(7, values));
        return name;
    }

    /** A TensorProto begun with its dims (none for a scalar). */
    private static Protobuf dims(long[] dims) {
        return dims.length == 0 ? new Protobuf() : new Protobuf().packedInt64(1, dims);
    }

    /** A graph input; a dimension is a Long (fixed) or a String (named, free). */
    void input(String name, int elemType, Object... dims) {
        inputs.add(valueInfo(name, elemType, dims));
    }

    void output(String name, int elemType, Object... dims) {
        outputs.add(valueInfo(name, elemType, dims));
    }

    void metadata(String key, String value) {
        metadata.put(key, value);
    }

    private static Protobuf valueInfo(String name, int elemType, Object... dims) {
        Protobuf shape = new Protobuf();
        for (Object d : dims) {
            Protobuf dim = new Protobuf();
            if (d instanceof String s) dim.string(2, s);
            else dim.varint(1, ((Number) d).longValue());
            shape.message(1, dim);
        }
        Protobuf tensorType = new Protobuf().varint(1, elemType).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }

    /** The ModelProto. */
    byte[] model(String graphName, String producerVersion, String doc) {
        Protobuf g = new Protobuf();
        for (Protobuf n : nodes) g.message(1, n);
        g.string(2, graphName);
        for (Protobuf t : initializers) g.message(5, t);
        g.string(10, doc);
        for (Protobuf v : inputs) g.message(11, v);
        for (Protobuf v : outputs) g.message(12, v);
        Protobuf m = new Protobuf().varint(1, IR_VERSION).string(2, "lstm").string(3, producerVersion).message(7, g)
                .message(8, new Protobuf().string(1, "").varint(2, OPSET));
        metadata.forEach((k, v) -> m.message(14, new Protobuf().string(1, k).string(2, v)));
        return m.toByteArray();
    }
}
