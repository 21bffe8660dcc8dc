#!/usr/bin/env bash
# Every said set (said.jsonl, A to T) and dev.jsonl through `kutip eval`, each on its corpus,
# with its absent questions; one output file per set in OUT. Data dirs are DD-base, DD-F,
# DD-GH, DD-IJ, DD-KL, DD-MN, DD-OP, DD-QR, DD-ST (DD defaults to /tmp/kutip-eval): the first run indexes, later
# runs reuse them. Corpora F to T are built into CORPORA (default /tmp/kutip-corpora) when
# missing.
#
#   bash bench/said_blind/eval_all.sh OUT
#   grep -E '^all |with a speaker' OUT/*.txt
set -euo pipefail
OUT=${1:?usage: eval_all.sh OUT}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${SHARED:-$REPO/../shared/eval}
DD=${DD:-/tmp/kutip-eval}
CORPORA=${CORPORA:-/tmp/kutip-corpora}
B=$REPO/bench/said_blind
mkdir -p "$OUT" "$CORPORA"
cd "$REPO"
export PYTHONPATH=$REPO
run() {  # run DATA_SUFFIX SET_FILE CORPUS ABSENT NAME
  KUTIP_DATA_DIR="$DD-$1" python -m kutip.cli eval "$2" --corpus "$3" --unanswerable "$4" \
    > "$OUT/$5.txt" 2>&1
}
for pair in f:F gh:GH ij:IJ kl:KL mn:MN op:OP qr:QR st:ST; do
  script=${pair%%:*} name=${pair##*:}
  [ -d "$CORPORA/$name" ] || python "$B/make_corpus_$script.py" "$CORPORA/$name"
done
run base "$SHARED/said.jsonl" "$SHARED/corpus" "$SHARED/said-absent.jsonl" said
run base "$SHARED/dev.jsonl" "$SHARED/corpus" tests/fixtures/unanswerable.jsonl dev
for s in A B C D E; do run base "$B/said-$s.jsonl" "$SHARED/corpus" "$B/said-$s-absent.jsonl" $s; done
run F "$B/said-F.jsonl" "$CORPORA/F" "$B/said-F-absent.jsonl" F
for s in G H; do run GH "$B/said-$s.jsonl" "$CORPORA/GH" "$B/said-$s-absent.jsonl" $s; done
for s in I J; do run IJ "$B/said-$s.jsonl" "$CORPORA/IJ" "$B/said-$s-absent.jsonl" $s; done
for s in K L; do run KL "$B/said-$s.jsonl" "$CORPORA/KL" "$B/said-$s-absent.jsonl" $s; done
for s in M N; do run MN "$B/said-$s.jsonl" "$CORPORA/MN" "$B/said-$s-absent.jsonl" $s; done
for s in O P; do run OP "$B/said-$s.jsonl" "$CORPORA/OP" "$B/said-$s-absent.jsonl" $s; done
for s in Q R; do run QR "$B/said-$s.jsonl" "$CORPORA/QR" "$B/said-$s-absent.jsonl" $s; done
for s in S T; do run ST "$B/said-$s.jsonl" "$CORPORA/ST" "$B/said-$s-absent.jsonl" $s; done
