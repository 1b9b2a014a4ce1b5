# select.select over pipes: readiness, timeouts, objects with fileno(), and
# CPython's errors for bad arguments.
import os
import select
import time

from _fileobjects import FileObject, attempt


r, w = os.pipe()
nothing = ([], [], [])

# An empty pipe is writable, not readable.
print(select.select([r], [w], [], 0) == ([], [w], []))  # expect: True
os.write(w, b"abc")
print(select.select([r], [w], [], 0) == ([r], [w], []))  # expect: True
# Data ready: even timeout=None returns at once.
print(select.select([r], [], [], None) == ([r], [], []))  # expect: True
print(select.select([r], [], []) == ([r], [], []))  # expect: True
print(os.read(r, 10))  # expect: b'abc'
print(select.select([r], [], [], 0) == nothing)  # expect: True

# A small timeout waits about that long and returns three empty lists.
start = time.monotonic()
print(select.select([r], [], [], 0.05) == nothing)  # expect: True
waited = time.monotonic() - start
print(0.04 <= waited < 2)  # expect: True
print(select.select([], [], [], 0.001))  # expect: ([], [], [])
print(select.select([r], [], [], 0))  # expect: ([], [], [])

# The same objects come back, in the caller's order, duplicates included;
# any iterable works.
a, b = FileObject(r, "r"), FileObject(w, "w")
os.write(w, b"x")
print(select.select([b, a], [b, a, b], [], 0))  # expect: ([<r>], [<w>, <w>], [])
rl, wl, xl = select.select((a,), {w}, iter([]), 0)
print(rl[0] is a, wl == [w], xl)  # expect: True True []
print(os.read(r, 1))  # expect: b'x'

# The writer closed: the reader sees end of file as readable.
os.close(w)
print(select.select([r], [], [], 0) == ([r], [], []))  # expect: True
print(os.read(r, 10))  # expect: b''
os.close(r)

# Errors, with CPython's messages.
attempt(lambda: select.select([-1], [], [], 0))  # expect: ValueError file descriptor cannot be a negative integer (-1)
attempt(lambda: select.select(["x"], [], [], 0))  # expect: TypeError argument must be an int, or have a fileno() method.
attempt(lambda: select.select([1.5], [], [], 0))  # expect: TypeError argument must be an int, or have a fileno() method.
attempt(lambda: select.select(1, [], [], 0))  # expect: TypeError arguments 1-3 must be sequences
attempt(lambda: select.select([], [], [], "soon"))  # expect: TypeError timeout must be a float or None
attempt(lambda: select.select([], [], [], -1))  # expect: ValueError timeout must be non-negative
attempt(lambda: select.select([], [], [], float("nan")))  # expect: ValueError Invalid value NaN (not a number)
attempt(lambda: select.select([5000], [], [], 0))  # expect: ValueError filedescriptor out of range in select()
attempt(lambda: select.select([2**70], [], [], 0))  # expect: OverflowError Python int too large to convert to C int
attempt(lambda: select.select([], []))  # expect: TypeError select expected at least 3 arguments, got 2
attempt(lambda: select.select([], [], [], 0, 1))  # expect: TypeError select expected at most 4 arguments, got 5
attempt(lambda: select.select([r], [], [], 0))  # expect: OSError [Errno 9] Bad file descriptor
attempt(lambda: select.select([FileObject(-3, "bad")], [], [], 0))  # expect: ValueError file descriptor cannot be a negative integer (-3)
attempt(lambda: select.select([FileObject("x", "str")], [], [], 0))  # expect: TypeError fileno() returned a non-integer


class Broken:
    def fileno(self):
        raise RuntimeError("no descriptor")


attempt(lambda: select.select([Broken()], [], [], 0))  # expect: RuntimeError no descriptor
print(select.error is OSError)  # expect: True
