#!/usr/bin/env python3
"""lstm_torch: the PyTorch side of lstm's model files.

Loads any `.lstm` token model (kinds `char` and `events`) into torch modules -- nn.LSTM, nn.GRU
and nn.RNN for those cells, a small module each for the peephole and CIFG cells -- trains char
models with torchrun and DistributedDataParallel (gloo on CPU, NCCL on GPUs), and writes `.lstm`
files that `lstm sample`, `eval`, `info` and `train --resume` accept.

    python3 lstm_torch.py logits MODEL --tokens IDS.txt -o LOGITS.f32
    python3 lstm_torch.py eval MODEL TEXT... [--json]
    torchrun --nproc_per_node 2 lstm_torch.py train TEXT... --model IN.lstm -o OUT.lstm --steps 1000
    torchrun --nproc_per_node 4 lstm_torch.py train TEXT... --new --cell gru --hidden 512 -o OUT.lstm --steps 1000
    python3 lstm_torch.py selftest

The model file is the contract (see the README's "PyTorch" section): a safetensors file whose
`layers.L.wx` is [inputs][gates*hidden] (the transpose of torch's weight_ih), gate blocks in the
cell's order (lstm and peephole i f g o, gru r z n, cifg f g o), one bias per gate (torch's
recurrent biases are kept at zero, except GRU's b_hn, which lives inside the reset) and the
output layer as [hidden][vocab]. Only the standard library and torch are needed.
"""
import argparse
import hashlib
import json
import math
import os
import struct
import sys
import tempfile
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

FORMAT = "lstm"
# Versions this reader understands. Version 2 checks a SHA-256 of the whole file (key `sha256`),
# version 1 a SHA-256 of the tensor data (key `data_sha256`).
READ_VERSIONS = (1, 2)
# The version `train` writes unless told otherwise: the one the Java side of this branch reads.
# Flip to 2 when the Java side reads version 2.
DEFAULT_WRITE_VERSION = 1
TOKEN_KINDS = ("char", "events")
CELLS = ("lstm", "gru", "rnn", "peephole", "cifg")
WEIGHT_LAYOUT = "input-major: layers.L.wx is [inputs][gates*hidden], gate blocks in the cell's order"
MAX_HEADER = 100 << 20


class ModelError(Exception):
    """Bad input: printed as one line `lstm_torch: MESSAGE`, exit 1."""


# ---------------------------------------------------------------------------------------------
# the safetensors container and its checksums


def _sha256_hex(*chunks):
    h = hashlib.sha256()
    for c in chunks:
        h.update(c)
    return h.hexdigest()


def read_file(path):
    """(metadata dict of strings, {name: float32 tensor}) of a model file, checksum verified."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise ModelError(f"no such model file: {path} (check the path)")
    except OSError as e:
        raise ModelError(f"cannot read {path}: {e.strerror}")
    bad = lambda why: ModelError(f"{path} is not a valid model file: {why} (it may be truncated or damaged; use an intact copy)")
    if len(data) < 8:
        raise bad(f"file is too short ({len(data)} bytes)")
    (n,) = struct.unpack("<Q", data[:8])
    if n < 2 or n > MAX_HEADER or n > len(data) - 8:
        raise bad(f"header length {n} does not fit a file of {len(data)} bytes")
    header_bytes = data[8:8 + n]
    try:
        header = json.loads(header_bytes.decode("utf-8"))
        if not isinstance(header, dict):
            raise ValueError
    except (ValueError, UnicodeDecodeError):
        raise bad("header is not valid JSON")
    meta = header.pop("__metadata__", {}) or {}
    if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
        raise bad("__metadata__ is not an object of strings")
    body = data[8 + n:]
    if meta.get("format") == FORMAT:
        try:
            version = int(meta.get("format_version", ""))
        except ValueError:
            raise bad("bad format_version")
        if version not in READ_VERSIONS:
            raise ModelError(f"{path} has model format version {version}, which lstm_torch does not understand "
                             f"(it reads {', '.join(map(str, READ_VERSIONS))}; update interop/pytorch/lstm_torch.py)")
    if "sha256" in meta:
        digest = meta["sha256"]
        needle = ('"sha256":"' + digest + '"').encode("ascii", "replace")
        if len(digest) != 64 or header_bytes.count(needle) != 1:
            raise bad("its whole-file checksum is not in the expected form")
        at = 8 + header_bytes.index(needle) + len('"sha256":"')
        if _sha256_hex(data[:at], b"0" * 64, data[at + 64:]) != digest:
            raise bad("the file does not match its checksum")
    elif "data_sha256" in meta:
        if _sha256_hex(body) != meta["data_sha256"]:
            raise bad("tensor data does not match its checksum")
    tensors = {}
    for name, spec in header.items():
        if not isinstance(spec, dict) or spec.get("dtype") != "F32":
            raise bad(f"tensor {name} is not float32")
        shape, (begin, end) = spec["shape"], spec["data_offsets"]
        size = math.prod(shape)
        if begin < 0 or end < begin or end > len(body) or end - begin != 4 * size:
            raise bad(f"tensor {name} has offsets that do not fit its shape or the file")
        tensors[name] = torch.frombuffer(bytearray(body[begin:end]), dtype=torch.float32).reshape(shape) \
            if size else torch.zeros(shape)
    return meta, tensors


def _atomic_write(path, chunks):
    """Temp file in the target folder, fsync, rename: a reader sees the old file or the new one."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)   # mkstemp makes 0600; a model file is as readable as any other
        with os.fdopen(fd, "wb") as f:
            for c in chunks:
                f.write(c)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    dfd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def write_file(path, tensors, meta, version=DEFAULT_WRITE_VERSION):
    """Writes {name: tensor} (in order) with string metadata, as format `version` (1 or 2)."""
    if version not in (1, 2):
        raise ValueError("format version must be 1 or 2")
    data, entries, at = [], {}, 0
    for name, t in tensors.items():
        b = t.detach().to(torch.float32).contiguous().cpu().numpy().astype("<f4").tobytes()
        entries[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [at, at + len(b)]}
        data.append(b)
        at += len(b)
    body = b"".join(data)
    meta = {k: v for k, v in meta.items() if k not in ("data_sha256", "sha256")}
    meta["format_version"] = str(version)
    if version == 1:
        meta["data_sha256"] = _sha256_hex(body)
    else:
        meta["sha256"] = "0" * 64   # the placeholder the digest is computed over, then patched in place
    header = json.dumps({"__metadata__": meta, **entries}, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    header += b" " * (-len(header) % 8)   # keeps the data 8-byte aligned, as Java's writer does
    head = bytearray(struct.pack("<Q", len(header)) + header)
    if version == 2:
        needle = b'"sha256":"' + b"0" * 64 + b'"'
        if head.count(needle) != 1:
            raise ValueError("the checksum placeholder must occur exactly once in the header")
        at = head.index(needle) + len(b'"sha256":"')
        head[at:at + 64] = _sha256_hex(bytes(head), body).encode("ascii")
    _atomic_write(path, [bytes(head), body])


# ---------------------------------------------------------------------------------------------
# the network


class PeepholeLSTM(nn.Module):
    """LSTM with peepholes (Gers and Schmidhuber 2000), stacked, time-major; state (h, c) as nn.LSTM.

    i = σ(a_i + p_i⊙c[t-1])  f = σ(a_f + p_f⊙c[t-1])  g = tanh(a_g)  c[t] = f⊙c[t-1] + i⊙g
    o = σ(a_o + p_o⊙c[t])    h[t] = o⊙tanh(c[t])      a = W_ih x + W_hh h[t-1] + b  (blocks i f g o)
    """

    def __init__(self, input_size, hidden, layers, dropout):
        super().__init__()
        self.hidden, self.layers, self.dropout = hidden, layers, dropout
        for l in range(layers):
            n = input_size if l == 0 else hidden
            self.register_parameter(f"weight_ih_l{l}", nn.Parameter(torch.zeros(4 * hidden, n)))
            self.register_parameter(f"weight_hh_l{l}", nn.Parameter(torch.zeros(4 * hidden, hidden)))
            self.register_parameter(f"bias_l{l}", nn.Parameter(torch.zeros(4 * hidden)))
            for g in "ifo":
                self.register_parameter(f"peephole_{g}_l{l}", nn.Parameter(torch.zeros(hidden)))

    def forward(self, x, state=None):
        steps, batch, _ = x.shape
        zero = x.new_zeros(self.layers, batch, self.hidden)
        h0, c0 = state if state is not None else (zero, zero)
        hs, cs = [], []
        for l in range(self.layers):
            if l > 0:
                x = F.dropout(x, self.dropout, self.training)
            p = lambda name: getattr(self, f"{name}_l{l}")
            pre = F.linear(x, p("weight_ih"), p("bias"))
            h, c, out = h0[l], c0[l], []
            for t in range(steps):
                ai, af, ag, ao = (pre[t] + h @ p("weight_hh").t()).chunk(4, dim=1)
                i = torch.sigmoid(ai + p("peephole_i") * c)
                f = torch.sigmoid(af + p("peephole_f") * c)
                c = f * c + i * torch.tanh(ag)
                o = torch.sigmoid(ao + p("peephole_o") * c)
                h = o * torch.tanh(c)
                out.append(h)
            x = torch.stack(out)
            hs.append(h)
            cs.append(c)
        return x, (torch.stack(hs), torch.stack(cs))


class CifgLSTM(nn.Module):
    """LSTM with coupled input and forget gates (Greff et al. 2017): i = 1 − f; blocks f g o.

    c[t] = f⊙c[t-1] + (1 − f)⊙g     h[t] = o⊙tanh(c[t])
    """

    def __init__(self, input_size, hidden, layers, dropout):
        super().__init__()
        self.hidden, self.layers, self.dropout = hidden, layers, dropout
        for l in range(layers):
            n = input_size if l == 0 else hidden
            self.register_parameter(f"weight_ih_l{l}", nn.Parameter(torch.zeros(3 * hidden, n)))
            self.register_parameter(f"weight_hh_l{l}", nn.Parameter(torch.zeros(3 * hidden, hidden)))
            self.register_parameter(f"bias_l{l}", nn.Parameter(torch.zeros(3 * hidden)))

    def forward(self, x, state=None):
        steps, batch, _ = x.shape
        zero = x.new_zeros(self.layers, batch, self.hidden)
        h0, c0 = state if state is not None else (zero, zero)
        hs, cs = [], []
        for l in range(self.layers):
            if l > 0:
                x = F.dropout(x, self.dropout, self.training)
            w_hh = getattr(self, f"weight_hh_l{l}")
            pre = F.linear(x, getattr(self, f"weight_ih_l{l}"), getattr(self, f"bias_l{l}"))
            h, c, out = h0[l], c0[l], []
            for t in range(steps):
                af, ag, ao = (pre[t] + h @ w_hh.t()).chunk(3, dim=1)
                f = torch.sigmoid(af)
                c = f * c + (1 - f) * torch.tanh(ag)
                h = torch.sigmoid(ao) * torch.tanh(c)
                out.append(h)
            x = torch.stack(out)
            hs.append(h)
            cs.append(c)
        return x, (torch.stack(hs), torch.stack(cs))


class TokenModel(nn.Module):
    """lstm's token network: one-hot or embedding input → stacked cells → affine output (logits).

    Time-major, as lstm: tokens [steps, batch] → logits [steps, batch, vocab]. The state is what
    the torch recurrent module takes: (h, c) of [layers, batch, hidden] for lstm, peephole and
    cifg, h alone for gru and rnn.
    """

    def __init__(self, cell, vocab_size, hidden, layers, embedding=0, dropout=0.0):
        super().__init__()
        if cell not in CELLS:
            raise ModelError(f"unknown cell '{cell}' (lstm_torch knows {', '.join(CELLS)})")
        self.cell, self.vocab_size, self.hidden, self.layers = cell, vocab_size, hidden, layers
        self.embedding_size, self.dropout = embedding, dropout
        self.embedding = nn.Embedding(vocab_size, embedding) if embedding > 0 else None
        inputs = embedding if embedding > 0 else vocab_size
        drop = dropout if layers > 1 else 0.0
        if cell in ("lstm", "gru", "rnn"):
            module = {"lstm": nn.LSTM, "gru": nn.GRU, "rnn": nn.RNN}[cell]
            self.rnn = module(inputs, hidden, num_layers=layers, dropout=drop)
            # lstm has one bias per gate: torch's recurrent biases stay at zero and untrained,
            # except GRU's b_hn (inside the reset), whose r and z parts are held at zero.
            for l in range(layers):
                b_hh = getattr(self.rnn, f"bias_hh_l{l}")
                with torch.no_grad():
                    b_hh.zero_()
                if cell == "gru":
                    mask = torch.cat([torch.zeros(2 * hidden), torch.ones(hidden)])
                    b_hh.register_hook(lambda g, m=mask: g * m.to(g.device))
                else:
                    b_hh.requires_grad_(False)
        elif cell == "peephole":
            self.rnn = PeepholeLSTM(inputs, hidden, layers, drop)
        else:
            self.rnn = CifgLSTM(inputs, hidden, layers, drop)
        self.output = nn.Linear(hidden, vocab_size)

    def has_cell_state(self):
        return self.cell in ("lstm", "peephole", "cifg")

    def zero_state(self, batch, device="cpu"):
        z = torch.zeros(self.layers, batch, self.hidden, device=device)
        return (z, z.clone()) if self.has_cell_state() else z

    def forward(self, tokens, state=None):
        x = self.embedding(tokens) if self.embedding is not None else F.one_hot(tokens, self.vocab_size).to(torch.float32)
        y, state = self.rnn(x, state)
        return self.output(y), state

    # -- the file's names and layouts: (lstm name, torch tensor, its slice of rows or None, transposed)

    def file_params(self):
        """lstm's parameters in lstm's order, as (name, torch parameter, row slice, transposed)."""
        out = []
        if self.embedding is not None:
            out.append(("embedding", self.embedding.weight, None, False))
        h = self.hidden
        for l in range(self.layers):
            p = lambda name: getattr(self.rnn, f"{name}_l{l}")
            out.append((f"layers.{l}.wx", p("weight_ih"), None, True))
            out.append((f"layers.{l}.wh", p("weight_hh"), None, True))
            if self.cell in ("lstm", "gru", "rnn"):
                out.append((f"layers.{l}.bias", p("bias_ih"), None, False))
            else:
                out.append((f"layers.{l}.bias", p("bias"), None, False))
            if self.cell == "gru":
                out.append((f"layers.{l}.bias_hn", p("bias_hh"), slice(2 * h, 3 * h), False))
            if self.cell == "peephole":
                for g in "ifo":
                    out.append((f"layers.{l}.peephole_{g}", p(f"peephole_{g}"), None, False))
        out.append(("output.weight", self.output.weight, None, True))
        out.append(("output.bias", self.output.bias, None, False))
        return out

    @staticmethod
    def to_file_layout(t, rows, transposed):
        t = t.detach().cpu()
        if rows is not None:
            t = t[rows]
        return t.t().contiguous() if transposed else t.contiguous()

    @staticmethod
    def copy_from_file(dst, rows, transposed, src):
        with torch.no_grad():
            target = dst if rows is None else dst[rows]
            value = src.t() if transposed else src
            if tuple(value.shape) != tuple(target.shape):
                raise ValueError(f"shape {tuple(src.shape)}")
            target.copy_(value.to(target.device))


# ---------------------------------------------------------------------------------------------
# a model file as a torch model


class LoadedModel:
    """A token model file: the torch module plus everything the file says besides the weights."""

    def __init__(self, path):
        meta, tensors = read_file(path)
        if meta.get("format") != FORMAT:
            raise ModelError(f"{path} is not an lstm model (a safetensors file without lstm metadata) (give a file written by 'lstm train')")
        kind = meta.get("kind")
        if kind not in TOKEN_KINDS:
            raise ModelError(f"{path} is a '{kind}' model; lstm_torch loads token models only ({', '.join(TOKEN_KINDS)}), "
                             "not roll or biaxial (use lstm itself for those)")
        try:
            self.network = json.loads(meta["network"])
            self.codec = json.loads(meta["codec"])
            self.options = json.loads(meta["training_options"])
            self.state = json.loads(meta["training_state"])
            n = self.network
            self.model = TokenModel(n["cell"], int(n["vocab_size"]), int(n["hidden"]), int(n["layers"]),
                                    int(n["embedding"]), float(n["dropout"]))
        except (KeyError, ValueError, TypeError) as e:
            raise ModelError(f"{path} is not a valid model file: its metadata is incomplete ({e}) (it may be damaged; use an intact copy)")
        self.path, self.kind, self.meta, self.tensors = path, kind, meta, tensors
        for name, param, rows, transposed in self.model.file_params():
            if name not in tensors:
                raise ModelError(f"{path} is not a valid model file: tensor {name} is missing (it may be damaged; use an intact copy)")
            try:
                TokenModel.copy_from_file(param, rows, transposed, tensors[name])
            except ValueError as e:
                raise ModelError(f"{path} is not a valid model file: tensor {name} has the wrong {e} (it may be damaged; use an intact copy)")
        self.model.eval()

    def vocabulary(self):
        if self.kind != "char":
            raise ModelError(f"{self.path} is an '{self.kind}' model: give token ids (--tokens), not text")
        return [int(c) for c in self.codec["code_points"]]

    def encode(self, docs, name="the text"):
        ids = {cp: i for i, cp in enumerate(self.vocabulary())}
        out = []
        for doc_name, text in docs:
            unknown = sorted({ord(ch) for ch in text if ord(ch) not in ids})
            if unknown:
                shown = ", ".join(f"U+{cp:04X}" for cp in unknown[:20])
                raise ModelError(f"{doc_name} has characters the model has never seen: {shown} (use text made of the model's characters)")
            out.append([ids[ord(ch)] for ch in text])
        return out


def java_rng_state(seed):
    """The state words of lstm's Rng(seed) (splitmix64 seeding of xoshiro256**), as signed strings."""
    mask = (1 << 64) - 1

    def mix(z):
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        return z ^ (z >> 31)

    x, words = seed & mask, []
    for _ in range(4):
        x = (x + 0x9E3779B97F4A7C15) & mask
        words.append(mix(x))
    return [str(w - (1 << 64) if w >= 1 << 63 else w) for w in words]


def learning_rate_at(options, step):
    """lstm's TrainOptions.learningRateAt."""
    lr = float(options["lr"])
    warmup = int(options.get("warmup_steps", 0))
    if warmup > 0 and step < warmup:
        lr *= (step + 1) / warmup
    schedule = options.get("schedule", "constant")
    if schedule == "step":
        lr *= float(options["lr_decay"]) ** (step // max(1, int(options["lr_decay_every"])))
    elif schedule == "cosine":
        horizon = int(options.get("schedule_steps") or options.get("max_steps") or 0)
        progress = min(1.0, step / horizon) if horizon > 0 else 0.0
        lo = float(options["min_lr"])
        lr = lo + (lr - lo) * 0.5 * (1 + math.cos(math.pi * progress))
    return float(torch.tensor(lr, dtype=torch.float32))


# ---------------------------------------------------------------------------------------------
# text corpora, read as lstm reads them


def read_documents(paths, keep_cr):
    """[(name, text)] as lstm's TextReader: strict UTF-8, BOM dropped, CRLF as LF, folders sorted."""
    files = []
    for p in paths:
        if p == "-":
            files.append(("<stdin>", None))
        elif os.path.isdir(p):
            found = []
            for root, dirs, names in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [os.path.join(root, n) for n in names if not n.startswith(".") and os.path.isfile(os.path.join(root, n))]
            files += [(f, f) for f in sorted(found, key=lambda s: s.encode("utf-8", "surrogateescape"))]
        else:
            files.append((p, p))
    docs = []
    for name, path in files:
        try:
            raw = sys.stdin.buffer.read() if path is None else open(path, "rb").read()
        except FileNotFoundError:
            raise ModelError(f"no such file: {path} (check the path)")
        except OSError as e:
            raise ModelError(f"cannot read {path}: {e.strerror}")
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise ModelError(f"{name} is not valid UTF-8 at byte offset {e.start} (convert it to UTF-8, e.g. with iconv)")
        if not keep_cr:
            text = text.replace("\r\n", "\n")
        docs.append((name, text))
    return docs


def split_documents(encoded, val_fraction):
    """lstm's TokenData.split: each document's tail held out; the fingerprint a resumed run checks."""
    train, val = [], []
    digest = hashlib.sha256()
    for doc in encoded:
        v = math.floor(len(doc) * val_fraction)
        train += doc[:len(doc) - v]
        val += doc[len(doc) - v:]
        digest.update(struct.pack(f">{len(doc)}i", *doc))
        digest.update(b"\xff")
    return train, val, digest.hexdigest()[:16]


def read_token_ids(path):
    """Token ids, whitespace-separated, from a file or - (for events models and tests)."""
    text = sys.stdin.read() if path == "-" else open(path).read()
    try:
        return [int(w) for w in text.split()]
    except ValueError:
        raise ModelError(f"{path}: token ids must be whitespace-separated integers")


# ---------------------------------------------------------------------------------------------
# evaluation, as lstm's Evaluator


@torch.no_grad()
def evaluate(model, tokens, steps, batch, device="cpu"):
    """(summed loss in nats, predicted tokens) as lstm's Evaluator: up to `batch` streams that
    overlap by one token, each from a zero state, carried through chunks of `steps`."""
    predictions = len(tokens) - 1
    if predictions < 1:
        return 0.0, 0
    streams = min(batch, predictions)
    base, extra = divmod(predictions, streams)
    first, length, pos = [], [], 0
    for b in range(streams):
        first.append(pos)
        length.append(base + (1 if b < extra else 0))
        pos += length[-1]
    longest = base + (1 if extra else 0)
    tok = torch.tensor(tokens, dtype=torch.long)
    state = model.zero_state(streams, device)
    total, count = 0.0, 0
    for chunk in range(0, longest, steps):
        inputs = torch.zeros(steps, streams, dtype=torch.long)
        targets = torch.full((steps, streams), -1, dtype=torch.long)
        for b in range(streams):
            n = min(steps, length[b] - chunk)
            if n > 0:
                inputs[:n, b] = tok[first[b] + chunk:first[b] + chunk + n]
                targets[:n, b] = tok[first[b] + chunk + 1:first[b] + chunk + n + 1]
        logits, state = model(inputs.to(device), state)
        loss = F.cross_entropy(logits.reshape(-1, model.vocab_size).double(), targets.reshape(-1).to(device),
                               ignore_index=-1, reduction="sum")
        total += loss.item()
        count += int((targets >= 0).sum())
    return total, count


# ---------------------------------------------------------------------------------------------
# training with DistributedDataParallel


OPTIMIZER_MOMENTS = {"adam": ("m", "v"), "rmsprop": ("sq",), "sgd": ("velocity",)}


def make_optimizer(name, params, lr, momentum):
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(0.9, 0.999), eps=1e-8)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.95, eps=1e-8)
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=momentum)
    raise ModelError(f"unknown optimizer '{name}' (lstm knows adam, rmsprop, sgd)")


def moments_to_file(optimizer, model, name, lr):
    """The optimizer's moments under lstm's names (optimizer.NAME.PARAM), in lstm's layout."""
    out = {}
    for moment in OPTIMIZER_MOMENTS[name]:
        for pname, param, rows, transposed in model.file_params():
            st = optimizer.state.get(param, {})
            if name == "adam":
                t = st.get("exp_avg" if moment == "m" else "exp_avg_sq")
            elif name == "rmsprop":
                t = st.get("square_avg")
            else:   # lstm's velocity is −lr × torch's momentum buffer
                t = st.get("momentum_buffer")
                t = None if t is None else -lr * t
            t = torch.zeros_like(param) if t is None else t
            out[f"optimizer.{moment}.{pname}"] = TokenModel.to_file_layout(t, rows, transposed).reshape(-1)
    return out


def moments_from_file(optimizer, model, name, tensors, step, lr):
    """Loads lstm's saved moments into the torch optimizer, if the file has them all."""
    for moment in OPTIMIZER_MOMENTS[name]:
        for pname, *_ in model.file_params():
            if f"optimizer.{moment}.{pname}" not in tensors:
                return False
    for pname, param, rows, transposed in model.file_params():
        st = optimizer.state[param]
        for moment in OPTIMIZER_MOMENTS[name]:
            saved = tensors[f"optimizer.{moment}.{pname}"]
            full = torch.zeros_like(param)
            shaped = saved.reshape(TokenModel.to_file_layout(full, rows, transposed).shape)
            TokenModel.copy_from_file(full, rows, transposed, shaped)
            if name == "adam":
                st["exp_avg" if moment == "m" else "exp_avg_sq"] = full
                st["step"] = torch.tensor(float(step))
            elif name == "rmsprop":
                st["square_avg"] = full
                st["step"] = torch.tensor(float(step))
            else:
                st["momentum_buffer"] = full / -lr if lr > 0 else full
    return True


def state_to_file(model, state):
    """The carried state as lstm saves it: state.L.h (and state.L.c), batch × hidden each."""
    h, c = state if model.has_cell_state() else (state, None)
    out = {}
    for l in range(model.layers):
        out[f"state.{l}.h"] = h[l].detach().cpu().reshape(-1)
        if c is not None:
            out[f"state.{l}.c"] = c[l].detach().cpu().reshape(-1)
    return out


def state_from_file(model, tensors, batch):
    hs, cs = [], []
    for l in range(model.layers):
        h, c = tensors.get(f"state.{l}.h"), tensors.get(f"state.{l}.c")
        if h is None or h.numel() != batch * model.hidden or (model.has_cell_state() and (c is None or c.numel() != h.numel())):
            return None
        hs.append(h.reshape(batch, model.hidden))
        if c is not None:
            cs.append(c.reshape(batch, model.hidden))
    h = torch.stack(hs)
    return (h, torch.stack(cs)) if model.has_cell_state() else h


def initialize(model, seed):
    """A fresh model initialised as lstm does (uniform ±1/√hidden, forget bias 1, zero peepholes)."""
    g = torch.Generator().manual_seed(seed)
    bound = 1.0 / math.sqrt(model.hidden)
    with torch.no_grad():
        if model.embedding is not None:
            model.embedding.weight.copy_(torch.randn(model.embedding.weight.shape, generator=g) * 0.1)
        for name, param, rows, _ in model.file_params():
            if not name.startswith("layers."):
                continue
            target = param if rows is None else param[rows]
            if name.endswith(".bias") or name.endswith(".bias_hn") or ".peephole_" in name:
                target.zero_()
                if name.endswith(".bias") and model.cell in ("lstm", "peephole", "cifg"):
                    f = 1 if model.cell in ("lstm", "peephole") else 0   # forget gate block
                    target[f * model.hidden:(f + 1) * model.hidden] = 1.0
            else:
                target.copy_((torch.rand(target.shape, generator=g) * 2 - 1) * bound)
        v, h = model.vocab_size, model.hidden
        bound = math.sqrt(6.0 / (h + v))
        model.output.weight.copy_((torch.rand(v, h, generator=g) * 2 - 1) * bound)
        model.output.bias.zero_()


def save_model(path, model, kind, codec, options, state, extra, version):
    tensors = {name: TokenModel.to_file_layout(p, rows, tr) for name, p, rows, tr in model.file_params()}
    tensors.update(extra)
    meta = {
        "format": FORMAT,
        "format_version": str(version),
        "kind": kind,
        "network": json.dumps({"cell": model.cell, "vocab_size": model.vocab_size, "hidden": model.hidden,
                               "layers": model.layers, "embedding": model.embedding_size,
                               "dropout": float(model.dropout)}, separators=(",", ":")),
        "codec": json.dumps(codec, separators=(",", ":"), ensure_ascii=False),
        "training_options": json.dumps(options, separators=(",", ":")),
        "training_state": json.dumps(state, separators=(",", ":")),
        "weight_layout": WEIGHT_LAYOUT,
    }
    write_file(path, tensors, meta, version)


def train(args):
    distributed = "WORLD_SIZE" in os.environ
    if distributed:
        backend = "nccl" if torch.cuda.is_available() else "gloo"
        torch.distributed.init_process_group(backend)
        rank, world = torch.distributed.get_rank(), torch.distributed.get_world_size()
        local = int(os.environ.get("LOCAL_RANK", 0))
    else:
        rank, world, local = 0, 1, 0
    device = torch.device(f"cuda:{local}" if torch.cuda.is_available() else "cpu")
    if device.type == "cuda":
        torch.cuda.set_device(device)
    if args.threads:
        torch.set_num_threads(args.threads)
    log = (lambda *a: print(*a, file=sys.stderr, flush=True)) if rank == 0 and not args.quiet else (lambda *a: None)

    if args.model:
        loaded = LoadedModel(args.model)
        if loaded.kind != "char":
            raise ModelError(f"{args.model} is an '{loaded.kind}' model: lstm_torch trains char models only "
                             "(train events models with 'lstm train')")
        model, codec, options, state = loaded.model, loaded.codec, loaded.options, loaded.state
        file_tensors = loaded.tensors
        docs = read_documents(args.corpus, bool(codec.get("keep_cr")))
        encoded = loaded.encode(docs)
    else:
        if os.path.exists(args.output):
            raise ModelError(f"{args.output} exists (continue it with --model {args.output}, or choose another -o)")
        docs = read_documents(args.corpus, args.keep_cr)
        vocab = sorted({ord(ch) for _, text in docs for ch in text})
        if not vocab:
            raise ModelError("the corpus is empty (give a file with some text)")
        codec = {"code_points": vocab, "keep_cr": args.keep_cr}
        model = TokenModel(args.cell, len(vocab), args.hidden, args.layers, args.embedding, args.dropout)
        initialize(model, args.seed)
        options = {"batch_size": args.batch_size, "seq_length": args.seq_length, "optimizer": args.optimizer,
                   "lr": args.lr, "momentum": 0.9, "schedule": "constant", "lr_decay": 0.97, "lr_decay_every": 1000,
                   "min_lr": 0.0, "warmup_steps": 0, "grad_clip": args.grad_clip, "val_fraction": args.val_fraction,
                   "seed": args.seed, "max_steps": args.steps, "schedule_steps": args.steps}
        state = {"step": 0, "epoch": 0, "cursor": 0, "rng": java_rng_state(args.seed), "best_val_loss": None,
                 "last_val_loss": None, "train_seconds": 0.0, "tokens_seen": 0, "corpus": ""}
        file_tensors = {}
        ids = {cp: i for i, cp in enumerate(vocab)}
        encoded = [[ids[ord(ch)] for ch in text] for _, text in docs]

    batch, steps = int(options["batch_size"]), int(options["seq_length"])
    options["schedule_steps"] = args.steps   # as 'lstm train --steps': the length of a cosine schedule
    if batch % world:
        raise ModelError(f"the batch size {batch} does not split over {world} processes (use a process count that divides it)")
    train_ids, val_ids, fingerprint = split_documents(encoded, float(options["val_fraction"]))
    if state.get("corpus") and state["corpus"] != fingerprint:
        raise ModelError(f"the corpus differs from the one {args.model} was trained on "
                         "(use the same files in the same order, or train a new model)")
    state["corpus"] = fingerprint
    stream_length = (len(train_ids) - 1) // batch
    chunks = stream_length // steps
    if chunks < 1:
        raise ModelError(f"the corpus is too small: {len(train_ids)} training characters, but a step needs "
                         f"{batch * steps + 1} (batch size × sequence length + 1)")

    # this process's streams: a contiguous share of the batch; DDP averages the gradients, so the
    # update is the one a single process with the whole batch would make
    share = batch // world
    mine = range(rank * share, (rank + 1) * share)
    tokens = torch.tensor(train_ids, dtype=torch.long)
    starts = torch.tensor([b * stream_length for b in mine])
    offsets = torch.arange(steps + 1)

    model.to(device).train()
    net = nn.parallel.DistributedDataParallel(model, device_ids=[local] if device.type == "cuda" else None) if distributed else model
    opt_name = options["optimizer"]
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = make_optimizer(opt_name, params, learning_rate_at(options, int(state["step"])), float(options.get("momentum", 0.9)))
    resumed_moments = moments_from_file(optimizer, model, opt_name, file_tensors, int(state["step"]),
                                        learning_rate_at(options, max(0, int(state["step"]) - 1)))
    carried = state_from_file(model, file_tensors, batch)
    if carried is not None:
        carried = tuple(s[:, rank * share:(rank + 1) * share].contiguous().to(device) for s in carried) \
            if model.has_cell_state() else carried[:, rank * share:(rank + 1) * share].contiguous().to(device)
    else:
        carried = model.zero_state(share, device)
    log(f"training {args.output}: {'from ' + args.model + ' at step ' + str(state['step']) if args.model else 'new model'}, "
        f"{model.layers} × {model.hidden} {model.cell}, {world} process{'es' if world > 1 else ''} ({'nccl' if device.type == 'cuda' else 'gloo' if distributed else 'single'}), "
        f"{len(train_ids):,} training / {len(val_ids):,} validation characters; optimizer moments "
        f"{'from the file' if resumed_moments else 'start fresh'}")

    start, first_step = time.time(), int(state["step"])
    target = args.steps
    clip = float(options["grad_clip"])
    loss_value = float("nan")
    while int(state["step"]) < target:
        step = int(state["step"])
        lr = learning_rate_at(options, step)
        for group in optimizer.param_groups:
            group["lr"] = lr
        index = starts[:, None] + int(state["cursor"]) * steps + offsets[None, :]   # [share, steps + 1]
        window = tokens[index].t().to(device)
        logits, carried = net(window[:-1], carried)
        loss = F.cross_entropy(logits.reshape(-1, model.vocab_size), window[1:].reshape(-1))
        optimizer.zero_grad(set_to_none=False)
        loss.backward()
        if clip > 0:
            torch.nn.utils.clip_grad_norm_(params, clip)
        optimizer.step()
        carried = tuple(s.detach() for s in carried) if isinstance(carried, tuple) else carried.detach()
        state["step"] = step + 1
        state["tokens_seen"] = int(state["tokens_seen"]) + batch * steps
        state["cursor"] = int(state["cursor"]) + 1
        if state["cursor"] == chunks:
            state["cursor"] = 0
            state["epoch"] = int(state["epoch"]) + 1
            carried = model.zero_state(share, device)
        loss_value = loss.detach()
        if distributed:
            torch.distributed.all_reduce(loss_value)
            loss_value = loss_value / world
        loss_value = float(loss_value)
        if state["step"] % args.log_every == 0 or state["step"] == target:
            rate = batch * steps * (state["step"] - first_step) / max(time.time() - start, 1e-9)
            log(f"step {state['step']}  epoch {state['epoch'] + state['cursor'] / chunks:.2f}  loss {loss_value:.4f}  "
                f"lr {lr:.2e}  {rate:,.0f} chars/s")

    # the carried state of every process, in batch order, for lstm's exact resumption
    if distributed:
        parts = carried if isinstance(carried, tuple) else (carried,)
        gathered = []
        for s in parts:
            pieces = [torch.zeros_like(s) for _ in range(world)]
            torch.distributed.all_gather(pieces, s.contiguous())
            gathered.append(torch.cat(pieces, dim=1))
        carried = tuple(gathered) if isinstance(carried, tuple) else gathered[0]
    elapsed = time.time() - start
    if rank == 0:
        model.eval()
        if len(val_ids) >= 2:
            total, count = evaluate(model, val_ids, steps, batch, device)
            val = total / count
            state["last_val_loss"] = val
            best = state.get("best_val_loss")
            if best is None or val < best:
                state["best_val_loss"] = val
            log(f"step {state['step']}  val {val:.4f}")
        state["train_seconds"] = float(state["train_seconds"]) + elapsed
        options["max_steps"] = target
        lr_now = learning_rate_at(options, max(0, int(state["step"]) - 1))
        extra = moments_to_file(optimizer, model, opt_name, lr_now)
        extra.update(state_to_file(model, carried))
        save_model(args.output, model, "char", codec, options, state, extra, args.format_version)
        log(f"saved {args.output} at step {state['step']} (format version {args.format_version})")
    if distributed:
        torch.distributed.barrier()
        torch.distributed.destroy_process_group()


# ---------------------------------------------------------------------------------------------
# commands


def cmd_logits(args):
    m = LoadedModel(args.model)
    tokens = read_token_ids(args.tokens)
    if any(t < 0 or t >= m.model.vocab_size for t in tokens):
        raise ModelError(f"{args.tokens}: token ids must be in [0, {m.model.vocab_size})")
    with torch.no_grad():
        logits, _ = m.model(torch.tensor(tokens, dtype=torch.long)[:, None])
    data = logits[:, 0, :].contiguous().numpy().astype("<f4").tobytes()
    if args.output == "-":
        sys.stdout.buffer.write(data)
    else:
        _atomic_write(args.output, [data])


def cmd_eval(args):
    m = LoadedModel(args.model)
    if args.tokens:
        tokens = read_token_ids(args.tokens)
    else:
        tokens = [t for doc in m.encode(read_documents(args.files, bool(m.codec.get("keep_cr")))) for t in doc]
    if len(tokens) < 2:
        raise ModelError("nothing to evaluate: fewer than 2 tokens (give a longer text)")
    total, count = evaluate(m.model, tokens, int(m.options["seq_length"]), int(m.options["batch_size"]))
    mean = total / count
    if args.json:
        print(json.dumps({"loss_nats": mean, "bits_per_token": mean / math.log(2), "tokens": count}, separators=(",", ":")))
    else:
        print(f"loss {mean:.4f} nats/token, {mean / math.log(2):.4f} bits/token over {count:,} tokens")


def cmd_selftest(args):
    """Writes a small model as format versions 1 and 2, reads each back, and damages each once."""
    model = TokenModel("gru", 5, 3, 2, 2)
    initialize(model, 1)
    options = {"batch_size": 1, "seq_length": 2, "optimizer": "adam", "lr": 0.002}
    with tempfile.TemporaryDirectory() as d:
        for version in (1, 2):
            path = os.path.join(d, f"v{version}.lstm")
            save_model(path, model, "char", {"code_points": [97, 98, 99, 100, 233], "keep_cr": False}, options,
                       {"step": 0}, {}, version)
            meta, tensors = read_file(path)
            assert meta["format_version"] == str(version), meta
            assert ("sha256" in meta) == (version == 2) and ("data_sha256" in meta) == (version == 1), meta
            if version == 2:
                raw = open(path, "rb").read()
                (n,) = struct.unpack("<Q", raw[:8])
                digest = meta["sha256"]
                zeroed = raw.replace(digest.encode(), b"0" * 64)
                assert hashlib.sha256(zeroed).hexdigest() == digest, "v2 digest is not over the zeroed file"
            again = LoadedModel(path).model
            for (name, p, rows, tr), (_, q, _, _) in zip(model.file_params(), again.file_params()):
                assert torch.equal(TokenModel.to_file_layout(p, rows, tr), TokenModel.to_file_layout(q, rows, tr)), name
            raw = bytearray(open(path, "rb").read())
            for at in (len(raw) - 1, 20):   # one flipped bit in the data, one in the header
                damaged = bytearray(raw)
                damaged[at] ^= 1
                bad = os.path.join(d, "bad.lstm")
                open(bad, "wb").write(damaged)
                try:
                    read_file(bad)
                except ModelError:
                    continue
                raise AssertionError(f"version {version}: a flipped bit at {at} went unnoticed")
    print("selftest: format versions 1 and 2 written, read back and damaged: ok")


def main(argv=None):
    p = argparse.ArgumentParser(prog="lstm_torch", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    lg = sub.add_parser("logits", help="logits of a token sequence (batch 1, from a zero state) as float32 rows")
    lg.add_argument("model")
    lg.add_argument("--tokens", required=True, help="file of whitespace-separated token ids, or -")
    lg.add_argument("-o", "--output", default="-", help="float32 little-endian [steps][vocab] (default: stdout)")
    ev = sub.add_parser("eval", help="mean loss per token, as 'lstm eval' computes it")
    ev.add_argument("model")
    ev.add_argument("files", nargs="*", help="text files or folders, or - (char models)")
    ev.add_argument("--tokens", help="token ids instead of text (any token model)")
    ev.add_argument("--json", action="store_true")
    tr = sub.add_parser("train", help="train a char model (under torchrun: DistributedDataParallel)")
    tr.add_argument("corpus", nargs="+", help="text files or folders, or -")
    tr.add_argument("-o", "--output", required=True, help="the .lstm file to write (atomically)")
    tr.add_argument("--model", help="the .lstm model to continue (written by lstm or lstm_torch)")
    tr.add_argument("--new", action="store_true", help="start a new model (with --cell, --layers, ...)")
    tr.add_argument("--steps", type=int, required=True, help="stop at this many steps since the model started")
    tr.add_argument("--cell", default="lstm", choices=CELLS)
    tr.add_argument("--layers", type=int, default=2)
    tr.add_argument("--hidden", type=int, default=128)
    tr.add_argument("--embedding", type=int, default=0)
    tr.add_argument("--dropout", type=float, default=0.0)
    tr.add_argument("--batch-size", type=int, default=50)
    tr.add_argument("--seq-length", type=int, default=50)
    tr.add_argument("--optimizer", default="adam", choices=sorted(OPTIMIZER_MOMENTS))
    tr.add_argument("--lr", type=float, default=2e-3)
    tr.add_argument("--grad-clip", type=float, default=5.0)
    tr.add_argument("--val-fraction", type=float, default=0.05)
    tr.add_argument("--seed", type=int, default=42)
    tr.add_argument("--keep-cr", action="store_true")
    tr.add_argument("--threads", type=int, default=0, help="torch threads per process (default: torch's choice)")
    tr.add_argument("--log-every", type=int, default=10)
    tr.add_argument("--format-version", type=int, default=DEFAULT_WRITE_VERSION, choices=(1, 2),
                    help=f"model file format to write (default: {DEFAULT_WRITE_VERSION})")
    tr.add_argument("-q", "--quiet", action="store_true")
    sub.add_parser("selftest", help="check the file writer and reader, format versions 1 and 2")
    args = p.parse_args(argv)
    try:
        if args.command == "train":
            if bool(args.model) == bool(args.new):
                p.error("train needs --model FILE to continue a model, or --new to start one")
            if args.model and os.path.abspath(args.model) == os.path.abspath(args.output):
                p.error("-o must differ from --model: the input model is never overwritten")
            train(args)
        else:
            {"logits": cmd_logits, "eval": cmd_eval, "selftest": cmd_selftest}[args.command](args)
    except ModelError as e:
        print(f"lstm_torch: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
