# Shared by scripts/bench-*: timing with the peer in the same loop, medians, ratios.
# Source it, call bench_init, then bench_run NAME CMD... once per run for each
# case, alternating cases (so a busy machine slows both sides alike), then
# read results with bench_median / bench_range / bench_rss_mb / bench_ratio.

# Builds the release binary (warnings to stderr) and sets $bin; makes a scratch folder.
bench_init() {
  cd "$(dirname "$0")/.."
  for tool in "$@" /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "$(basename "$0"): $tool not found (scripts/setup installs it)" >&2; exit 1; }
  done
  bin=$(scripts/build-release)
  BENCH_DIR=$(mktemp -d)
  trap 'rm -rf "$BENCH_DIR"' EXIT
  : > "$BENCH_DIR/log"
}

# Runs CMD once; logs NAME, wall seconds (ns clock) and max RSS (KB). Fails loudly.
bench_run() {
  local name=$1
  shift
  local start end
  start=$(date +%s%N)
  if ! /usr/bin/time -f "%M" -o "$BENCH_DIR/rss" "$@" > "$BENCH_DIR/out" 2> "$BENCH_DIR/err"; then
    echo "$(basename "$0"): '$name' failed: $(tail -3 "$BENCH_DIR/err")" >&2
    exit 1
  fi
  end=$(date +%s%N)
  echo "$name $(( (end - start) / 1000 )) $(tail -1 "$BENCH_DIR/rss")" >> "$BENCH_DIR/log"
}

# Median of the numbers on standard input, one a line, with DECIMALS decimals ("NA" for none).
bench_median_of_lines() {
  sort -g | awk -v d="$1" '{ a[NR] = $1 } END { if (NR == 0) print "NA"; else printf "%." d "f\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# Median wall seconds of NAME (3 decimals).
bench_median() {
  awk -v n="$1" '$1 == n { print $2 / 1e6 }' "$BENCH_DIR/log" | bench_median_of_lines 3
}

# Fastest-slowest wall seconds of NAME, for the noise.
bench_range() {
  awk -v n="$1" '$1 == n { print $2 / 1e6 }' "$BENCH_DIR/log" | sort -g |
    awk '{ a[NR] = $1 } END { printf "%.3f-%.3f\n", a[1], a[NR] }'
}

# Fastest wall seconds of NAME (3 decimals): what the host's noise adds to least.
bench_fastest() { bench_range "$1" | cut -d- -f1; }

# Median over the rounds of A's time / B's time, the k-th run of each (run one after the other in
# round k): a host whose speed drifts from round to round moves it less than the medians' ratio.
bench_paired_ratio() { bench_rounds "$1" "$2" | awk '{ print $1 / $2 }' | bench_median_of_lines 2; }

# A's and B's wall microseconds of each round, "A B" a line: the k-th run of each, run in round k.
bench_rounds() {
  awk -v a="$1" -v b="$2" '$1 == a { x[++i] = $2 } $1 == b { y[++j] = $2 }
    END { for (k = 1; k <= (i < j ? i : j); k++) print x[k], y[k] }' "$BENCH_DIR/log"
}

# Largest max RSS of NAME in MB.
bench_rss_mb() {
  awk -v n="$1" '$1 == n && $3 > m { m = $3 } END { printf "%d\n", m / 1024 }' "$BENCH_DIR/log"
}

# A / B with 2 decimals.
bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }'; }

# "yes" when VALUE OP LIMIT holds (OP one of <= < >=), else "NO".
bench_met() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? v <= l : (op == "<") ? v < l : v >= l; print ok ? "yes" : "NO" }'; }

# One markdown row from its cells.
bench_row() {
  printf '| %s ' "$@"
  echo '|'
}
