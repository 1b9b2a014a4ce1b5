#!/usr/bin/env bash
# Checks the GIL protocol models (tests/model/*.pml) with Spin: each run
# generates a verifier (spin -a), compiles it (gcc) and runs it, and must
# report "errors: 0" - or, for a run marked "expect-fail", must find the
# violation it documents (legacy starves a waiter: that is the point of it).
# Safety runs (-DSAFETY) check the asserts and invalid end states; liveness
# runs check one LTL claim for acceptance cycles under weak fairness (-a -f).
# Exit 0: all as expected; 1: a model failed; 77: spin or a C compiler is
# missing (CTest counts it as skipped). About 40 s on 2 cores (MODEL_JOBS=2
# runs at a time).
set -u
here=$(cd "$(dirname "$0")" && pwd)
command -v spin >/dev/null 2>&1 || { echo "model: spin not installed (make deps): skipped"; exit 77; }
cc=${CC:-gcc}
command -v "$cc" >/dev/null 2>&1 || { echo "model: no C compiler ($cc): skipped"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jobs_max=${MODEL_JOBS:-2}

# check NAME MODEL "SPIN_DEFINES" "CC_FLAGS" "PAN_ARGS" [expect-fail]
# Prints one line (more on failure); returns non-zero on failure.
check() {
  local name=$1 model=$2 defs=$3 ccflags=$4 panargs=$5 expect=${6:-pass}
  local dir="$work/$name"
  mkdir -p "$dir" && cp "$here/$model" "$dir/"
  local start=$SECONDS out errors states
  # shellcheck disable=SC2086
  if ! (cd "$dir" && spin -a $defs "$model" >spin.log 2>&1 && "$cc" -w -O2 $ccflags -o pan pan.c >cc.log 2>&1); then
    echo "FAIL $name: could not build the verifier"; cat "$dir/spin.log" "$dir/cc.log" 2>/dev/null | tail -5
    return 1
  fi
  # shellcheck disable=SC2086
  out=$(cd "$dir" && ./pan $panargs 2>&1)
  errors=$(sed -n 's/.*errors: \([0-9]*\).*/\1/p' <<<"$out")
  states=$(sed -n 's/^ *\([0-9.e+]*\) states, stored.*/\1/p' <<<"$out")
  # pan also says "Search not completed" when it stops at an error.
  if [ "$errors" = 0 ] && grep -q "Search not completed\|max search depth too small" <<<"$out"; then
    echo "FAIL $name: search incomplete"; return 1
  fi
  if [ "$expect" = pass ] && [ "$errors" = 0 ]; then
    echo "ok   $name: errors: 0, $states states ($((SECONDS - start)) s)"
  elif [ "$expect" = expect-fail ] && [ -n "$errors" ] && [ "$errors" != 0 ]; then
    echo "ok   $name: found the expected violation ($((SECONDS - start)) s)"
  else
    echo "FAIL $name (expected $expect, errors: ${errors:-?})"
    grep -E "^pan:[0-9]+:|assertion|acceptance" <<<"$out" | head -3
    if [ -f "$dir/$model.trail" ]; then
      echo "     trail (spin -t $defs $model):"
      (cd "$dir" && spin -t $defs "$model" 2>&1 | grep -E "MSC|assert" | sed 's/^ */       /' | tail -20)
    fi
    return 1
  fi
}

# run ARGS...: `check` in the background, at most $jobs_max at a time.
n=0
run() {
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n; done
  n=$((n + 1))
  (check "$@" >"$work/out.$n" 2>&1 || touch "$work/failed.$n") &
}


safety="-DSAFETY -DNOCLAIM"
fair_ltl="-DNFAIR=3"

# fair, exhaustively: 1 CPU-bound thread + 1 doing tiny I/O in a loop.
# Safety with the hand-over count: K = 2 holds, and K = 1 fails (tight).
run fair-safety           fair.pml "-DNCPU=1 -DK=2" "$safety"   "-m1000000"
run fair-bound-tight      fair.pml "-DNCPU=1 -DK=1" "$safety"   "-m1000000" expect-fail
run fair-no_starvation    fair.pml "-DLIVENESS -DNCPU=1" "$fair_ltl" "-m1000000 -a -f -N no_starvation2"
# 2 CPU-bound threads + 1 doing I/O: too many states to search in full in
# make test (the I/O budget and the resumed turns multiply them); --all
# runs a bitstate (supertrace) search of safety, which covers part of the
# space (pan prints its hash factor), and the liveness claim.
if [ "${1:-}" = --all ]; then
  run fair3-safety-bitstate fair.pml "-DNO_COUNT -DR=1 -DB=1" "$safety -DBITSTATE" "-w30 -m10000000"
  run fair3-no_starvation   fair.pml "-DLIVENESS -DR=1 -DB=1" "$fair_ltl -DBITSTATE" "-w30 -m10000000 -a -f -N no_starvation"
fi

run legacy-safety         legacy.pml ""         "$safety"   "-m100000"
run legacy-no_lost_wakeup legacy.pml ""         "$fair_ltl" "-m100000 -a -f -N no_lost_wakeup"
run legacy-starves        legacy.pml ""         "$fair_ltl" "-m100000 -a -f -N no_starvation" expect-fail

run interval-safety          interval.pml ""    "$safety"   "-m200000"
run interval-no_lost_wakeup  interval.pml ""    "$fair_ltl" "-m200000 -a -f -N no_lost_wakeup"
run interval-no_stuck_switch interval.pml ""    "$fair_ltl" "-m200000 -a -f -N no_stuck_switch"

wait
for i in $(seq 1 $n); do cat "$work/out.$i"; done
ls "$work"/failed.* >/dev/null 2>&1 && exit 1
exit 0
