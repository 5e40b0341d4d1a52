/**
 * Export of trained models to serving formats: ONNX graphs ({@link lstm.export.OnnxExport}) of the
 * token models (char, events), written with the small part of the protobuf wire format they need
 * ({@link lstm.export.Protobuf}). Reads models through {@code lstm.train}; never prints.
 */
package lstm.export;
