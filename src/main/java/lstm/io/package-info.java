/**
 * Files: the safetensors container, atomic writes, JSON, metrics CSV, and the one exception
 * type that carries a message for the user. Generic: knows nothing of networks or corpora.
 */
package lstm.io;
