#!/usr/bin/env bash
# lstm bench side by side with the PyTorch reference script, in one go on this machine:
#   PyTorch S and M with --threads 1 and 2, lstm bench S and M (default back-end and threads),
#   then the machine's sgemm speed at the same shapes (kernel benchmark).
# Prints the CPU, the load, and a markdown table of chars/s and ratios (lstm / best PyTorch);
# writes every JSON line and the kernel table to a folder (default target/compare-UTC-TIME).
#
#   bench/compare.sh [OUT_DIR]
#   bench/compare.sh --table OUT_DIR          # print the tables of an earlier run again
#   CONFIGS="S" SAMPLE=2000 KERNELS=0 NETLIB=0 LSTM_ARGS="--threads 1" bench/compare.sh
#
# When the system has a native BLAS (libblas.so.3, e.g. libopenblas0-pthread), lstm bench also runs
# with --blas netlib, as an extra row (NETLIB=0 skips it).
#
# Needs /usr/bin/python3 with torch (Debian: apt-get install python3-torch) and the shared folder
# next to the repository (../shared: the script and Tiny Shakespeare). Takes about 10 minutes on
# 2 cores (PyTorch M at 2 threads is the slowest part); run it on a quiet machine.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
table_only=0
if [ "${1:-}" = "--table" ]; then table_only=1; shift; fi
out="${1:-$root/target/compare-$(date -u +%Y%m%dT%H%M%SZ)}"
python="${PYTHON:-/usr/bin/python3}"
script="${PYTORCH_SCRIPT:-$root/../shared/bench/pytorch_char_lstm.py}"
corpus="${CORPUS:-$root/../shared/corpora/text/tinyshakespeare.txt}"
configs="${CONFIGS:-S M}"
sample="${SAMPLE:-2000}"
kernels="${KERNELS:-1}"
netlib="${NETLIB:-1}"
if [ "$netlib" != 0 ] && ! ldconfig -p 2>/dev/null | grep -q 'libblas\.so\.3'; then netlib=0; fi
read -r -a lstm_args <<< "${LSTM_ARGS:-}"

if [ "$table_only" = 0 ]; then
for f in "$script" "$corpus"; do
  [ -f "$f" ] || { echo "compare.sh: missing $f" >&2; exit 1; }
done
"$python" -c 'import torch' 2>/dev/null || { echo "compare.sh: $python has no torch (apt-get install python3-torch)" >&2; exit 1; }
mkdir -p "$out"

cpu="$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
avx="$(grep -o -w 'avx[0-9a-z_]*' /proc/cpuinfo | sort -u | tr '\n' ' ')"
{
  echo "cpu: $cpu"
  echo "avx: $avx"
  echo "cores: $(nproc)"
  echo "load before: $(uptime)"
} | tee "$out/machine.txt" >&2

"$root/bin/lstm" --version >/dev/null    # build first, so that no build is timed
for c in $configs; do
  for t in 1 2; do
    echo "compare.sh: PyTorch --config $c --threads $t" >&2
    "$python" "$script" --config "$c" --threads "$t" --sample "$sample" --corpus "$corpus" | tail -1 > "$out/pytorch-$c-t$t.json"
  done
  echo "compare.sh: lstm bench --config $c ${lstm_args[*]:-}" >&2
  "$root/bin/lstm" bench --config "$c" --sample "$sample" --corpus "$corpus" --json ${lstm_args[@]+"${lstm_args[@]}"} > "$out/lstm-$c.json"
  if [ "$netlib" != 0 ]; then
    echo "compare.sh: lstm bench --config $c --blas netlib" >&2
    "$root/bin/lstm" bench --config "$c" --sample "$sample" --corpus "$corpus" --json --blas netlib > "$out/lstm-$c-netlib.json" \
      || { echo "compare.sh: --blas netlib failed, row left out" >&2; rm -f "$out/lstm-$c-netlib.json"; }
  fi
done
echo "load after: $(uptime)" | tee -a "$out/machine.txt" >&2

if [ "$kernels" != 0 ]; then
  echo "compare.sh: kernel benchmark (sgemm at the training shapes)" >&2
  (cd "$root" && mvn -q -B -Pbench test-compile exec:exec \
      -Dbench.args="--engines vector,netlib --threads 1,2 --hidden 128,512 --samples 3" 2>/dev/null) \
    | grep -v '^WARNING: Using incubator' > "$out/kernels.txt" || echo "compare.sh: kernel benchmark failed" >&2
fi
fi

"$python" - "$out" "$configs" <<'PY'
import json, os, re, sys
out, configs = sys.argv[1], sys.argv[2].split()
machine = open(os.path.join(out, 'machine.txt')).read()
def load(name):
    with open(os.path.join(out, name)) as f:
        return json.loads(f.read())
def flops(hidden, layers, vocab):   # forward multiply-add FLOPs per character, as lstm bench counts them
    return 2 * hidden * 4 * hidden * (2 * layers - 1) + 2 * hidden * vocab
# best sgemm GFLOP/s (wall clock) at each hidden size per kernel-benchmark column
peaks = {}
kpath = os.path.join(out, 'kernels.txt')
if os.path.exists(kpath):
    columns = []
    for line in open(kpath):
        if line.startswith('hidden'):
            columns = re.findall(r'(vector t\d|netlib|java|ejml)', line)
        m = re.match(r'(\d+)\s+(fwd|bwd)', line)
        if m and columns:
            walls = [float(x) for x in re.findall(r'([\d.]+) \(x\s*[\d.]+\) \|', line)]
            for col, w in zip(columns, walls):
                key = (int(m.group(1)), col)
                peaks[key] = max(peaks.get(key, 0.0), w)
print(machine.strip().replace('\n', '  \n'))
print()
print('| config | PyTorch t1 chars/s | PyTorch t2 chars/s | lstm chars/s (back-end, threads) | train ratio | '
      'PyTorch sample chars/s | lstm sample chars/s | sample ratio | PyTorch peak RSS MB | lstm peak RSS MB | RSS ratio |')
print('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
gflops = []
runs = []
for c in configs:
    runs.append((c, c, f'lstm-{c}.json'))
    if os.path.exists(os.path.join(out, f'lstm-{c}-netlib.json')):
        runs.append((c, f'{c} (netlib)', f'lstm-{c}-netlib.json'))
for c, label, lfile in runs:
    p1, p2, l = load(f'pytorch-{c}-t1.json'), load(f'pytorch-{c}-t2.json'), load(lfile)
    best = max((p1, p2), key=lambda r: r['train_chars_per_s'])
    best_sample = max(p1.get('sample_chars_per_s') or 0, p2.get('sample_chars_per_s') or 0)
    ls = l.get('sample_chars_per_s') or 0
    print(f"| {label} | {p1['train_chars_per_s']:,.0f} | {p2['train_chars_per_s']:,.0f} | "
          f"{l['train_chars_per_s']:,.0f} ({l['backend']}, {l['threads']}) | "
          f"**{l['train_chars_per_s'] / best['train_chars_per_s']:.2f}x** | {best_sample:,.0f} | {ls:,.0f} | "
          f"**{(ls / best_sample if best_sample else float('nan')):.2f}x** | {best['peak_rss_mb']:.0f} (t{best['threads']}) | "
          f"{l['peak_rss_mb']:.0f} | **{l['peak_rss_mb'] / best['peak_rss_mb']:.2f}x** |")
    f = flops(l['hidden'], l['layers'], l['vocab'])
    gflops.append((label, l['hidden'], f, best, l, best_sample, ls))
print()
print('GFLOP/s of the matrix products (forward 2·H·4H per layer and product, x3 for training; see BENCHMARKS.md)')
print()
print('| config | FLOP/char (train) | PyTorch train GFLOP/s | lstm train GFLOP/s | lstm sample GFLOP/s | sgemm peak at these shapes, GFLOP/s |')
print('|---|---:|---:|---:|---:|---|')
for c, h, f, best, l, bs, ls in gflops:
    peak = ', '.join(f'{col} {v:.0f}' for (hh, col), v in sorted(peaks.items()) if hh == h) or 'not measured'
    print(f"| {c} | {3 * f / 1e6:.2f} M | {best['train_chars_per_s'] * 3 * f / 1e9:.1f} | {l['train_chars_per_s'] * 3 * f / 1e9:.1f} | "
          f"{ls * f / 1e9:.2f} | {peak} |")
print()
print(f'JSON lines and kernel table: {out}')
PY
