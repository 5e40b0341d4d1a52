#!/usr/bin/env bash
# The cells benchmark: every recurrent cell at equal size (2 layers × 128 units) trained for equal
# time on Tiny Shakespeare, one cell after the other, then a markdown table of parameters, training
# speed, validation loss and how much gradient is left 50 steps back.
#
# Usage: bench/cells.sh [MINUTES] [more 'lstm train' options, e.g. --blas ejml]
#   MINUTES  training time per cell (default 10; fractions allowed, e.g. 0.5)
#   CELLS    environment: the cells to run (default "lstm gru rnn peephole cifg")
#   OUT      environment: folder for models, logs and the table (default target/bench-cells)
# Run it on a quiet machine: the cells run one after the other so that each gets the same CPU.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
minutes="${1:-10}"
shift $(( $# > 0 ? 1 : 0 ))
corpus="$root/../shared/corpora/text/tinyshakespeare.txt"
cells="${CELLS:-lstm gru rnn peephole cifg}"
out="${OUT:-$root/target/bench-cells}"
lstm="$root/bin/lstm"

command -v jq >/dev/null || { echo "cells.sh: needs jq (apt-get install jq)" >&2; exit 1; }
[ -f "$corpus" ] || { echo "cells.sh: $corpus not found" >&2; exit 1; }
seconds="$(awk -v m="$minutes" 'BEGIN { s = m * 60; if (s <= 0) exit 1; printf "%g", s }')" \
  || { echo "cells.sh: MINUTES must be a positive number, got '$minutes'" >&2; exit 2; }
mkdir -p "$out"

# The validation text: training holds out the last 10% of the characters (--val-fraction 0.1).
# The corpus is ASCII, so characters are bytes and tail -c cuts exactly the same tail.
bytes="$(wc -c < "$corpus")"
tail -c "$(( bytes / 10 ))" "$corpus" > "$out/validation.txt"

rows=()
for cell in $cells; do
  rm -f "$out/$cell.lstm" "$out/$cell.csv"
  echo "== $cell: training for ${seconds}s" >&2
  # evaluation only at the end (--eval-every larger than any run), so every cell trains the full time
  "$lstm" train "$corpus" -o "$out/$cell.lstm" --cell "$cell" --layers 2 --hidden 128 --time "${seconds}s" \
    --val-fraction 0.1 --eval-every 100000000 --checkpoint-every 0 --log "$out/$cell.csv" -q "$@"
  "$lstm" info "$out/$cell.lstm" --json > "$out/$cell.info.json"
  echo "== $cell: gradients" >&2
  "$lstm" gradients "$out/$cell.lstm" "$out/validation.txt" --max-lag 50 --json > "$out/$cell.gradients.json"
  # chars/s: the training rate of the whole run, as logged at its last step
  rate="$(tail -n 1 "$out/$cell.csv" | cut -d, -f7)"
  read -r parameters steps loss < <(jq -r '"\(.parameters) \(.steps) \(.last_val_loss)"' "$out/$cell.info.json")
  read -r ratio1 ratio2 < <(jq -r '[.layers[].ratio // "nan"] | join(" ")' "$out/$cell.gradients.json")
  rows+=("$(LC_ALL=C printf '| %s | %d | %.0f | %d | %.4f | %.2e | %.2e |' \
    "$cell" "$parameters" "$rate" "$steps" "$loss" "$ratio1" "$ratio2")")
done

{
  echo "Command: \`bench/cells.sh $minutes${*:+ $*}\` ($(date -u +%Y-%m-%d), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs)"
  echo
  echo "Each cell: \`lstm train tinyshakespeare.txt --cell CELL --layers 2 --hidden 128 --time ${seconds}s --val-fraction 0.1\`"
  echo "(other options at their defaults: batch 50 × seq 50, adam, lr 2e-3); validation loss in nats/char on the"
  echo "held-out last 10%; g(50)/g(1) = ‖∂L_t/∂h[t−50]‖ / ‖∂L_t/∂h[t−1]‖ from \`lstm gradients\` on that text"
  echo "(mean over 100 positions), for layer 1 (bottom) and layer 2 (top)."
  echo
  echo "| cell | parameters | chars/s | steps | validation loss | g(50)/g(1) layer 1 | g(50)/g(1) layer 2 |"
  echo "|------|-----------:|--------:|------:|----------------:|-------------------:|-------------------:|"
  printf '%s\n' "${rows[@]}"
} | tee "$out/cells.md"
