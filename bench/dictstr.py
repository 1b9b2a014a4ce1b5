# Dicts, strings and lists: build lines, split them, count words, sort.
# Usage: dictstr.py [SCALE]   (SCALE 1.0 = 2,000 rounds of 1,000 lines)
import sys
import time

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
         "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi"]


def one_round(r):
    lines = []
    for i in range(1000):
        a = WORDS[(i * 7 + r) % 16]
        b = WORDS[(i * 3) % 16]
        lines.append(a + " " + b + " " + str(i % 97))
    counts = {}
    for line in lines:
        for word in line.split(" "):
            counts[word] = counts.get(word, 0) + 1
    if sum(counts.values()) != 3000:
        print("WRONG: counted", sum(counts.values()), "words in round", r)
        sys.exit(1)
    keys = sorted(counts)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    joined = ",".join(keys)
    return len(keys) + len(joined) + top[0][1] + len(top[4][0]) + len(lines[-1].upper())


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
rounds = max(1, int(2000 * scale))
start = time.perf_counter()
total = 0
for r in range(rounds):
    total += one_round(r)
elapsed = time.perf_counter() - start
print("result:", rounds, total)
print(f"ok dictstr({rounds}) {elapsed:.3f} s")
