# print(): sep, end, file, flush.
import sys
print("a", "b", "c")  # expect: a b c
print("a", "b", "c", sep="")  # expect: abc
print("a", "b", sep=", ", end=".\n")  # expect: a, b.
print("no newline", end="")
print(" -- continued")  # expect: no newline -- continued
print()  # expect:
print(1, 2.5, None, True, [1], (2,), {"k": 3}, sep=" | ")
# expect: 1 | 2.5 | None | True | [1] | (2,) | {'k': 3}
print("to stderr", file=sys.stderr)
print("flushed", flush=True)  # expect: flushed
print(*range(5))  # expect: 0 1 2 3 4
print(*"abc", sep="-")  # expect: a-b-c
print("x", end="")
print("y", end="\n\n")
# expect: xy
# expect:
print("after blank", sep=None, end=None)  # expect: after blank
sys.stdout.write("written directly\n")  # expect: written directly
n = sys.stdout.write("abc\n")  # expect: abc
print(n)  # expect: 4
print("", end="")
print("last")  # expect: last
