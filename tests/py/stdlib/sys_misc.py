# sys.stdout.write, sys.stderr, sys.getrecursionlimit, sys.maxsize.
import sys
sys.stdout.write("no newline")
sys.stdout.write(" -- then newline\n")  # expect: no newline -- then newline
count = sys.stdout.write("héllo\n")  # expect: héllo
print(count)  # expect: 6
sys.stderr.write("this goes to stderr\n")
print(sys.getrecursionlimit())  # expect: 1000
print(sys.maxsize == 2 ** 63 - 1, sys.maxsize + 1)  # expect: True 9223372036854775808
print(type(sys.version).__name__, sys.version_info[0] >= 3)  # expect: str True
sys.stdout.flush()
print("done")  # expect: done
