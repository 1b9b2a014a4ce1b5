# select.poll objects: register, modify, unregister, poll with timeouts in
# milliseconds, hang-ups and invalid descriptors, and CPython's errors.
import os
import select
import time

from _fileobjects import FileObject, attempt


def named(events):
    """The events as names, so the test does not depend on fd numbers."""
    return [(names[fd], mask) for fd, mask in events]


r, w = os.pipe()
names = {r: "r", w: "w"}
p = select.poll()
print(p.poll(0))  # expect: []
p.register(r)  # POLLIN | POLLPRI | POLLOUT by default
p.register(FileObject(w, "w"), select.POLLOUT)
print(named(p.poll(0)))  # expect: [('w', 4)]
os.write(w, b"data")
print(named(p.poll(0)))  # expect: [('r', 1), ('w', 4)]
print(named(p.poll()))  # expect: [('r', 1), ('w', 4)]
print(named(p.poll(None)))  # expect: [('r', 1), ('w', 4)]
print(named(p.poll(-1)))  # expect: [('r', 1), ('w', 4)]

# Registering again changes the mask and keeps the descriptor's place.
p.register(r, select.POLLOUT)
print(named(p.poll(0)))  # expect: [('w', 4)]
p.modify(r, select.POLLIN)
p.modify(w, select.POLLIN)
print(named(p.poll(1.5)))  # expect: [('r', 1)]
print(os.read(r, 100))  # expect: b'data'

# A timeout in milliseconds.
start = time.monotonic()
print(p.poll(50))  # expect: []
print(0.04 <= time.monotonic() - start < 2)  # expect: True

print(p.unregister(w))  # expect: None
attempt(lambda: p.unregister(w) if False else p.unregister(999))  # expect: KeyError 999
attempt(lambda: p.modify(w, select.POLLIN))  # expect: FileNotFoundError [Errno 2] No such file or directory

# The writer closed: POLLHUP for the reader; a closed descriptor: POLLNVAL.
p.register(w, select.POLLOUT)
os.close(w)
print(named(p.poll(0)))  # expect: [('r', 16), ('w', 32)]
p.unregister(w)
print(named(p.poll(0)))  # expect: [('r', 16)]
os.close(r)

attempt(lambda: p.register(-1))  # expect: ValueError file descriptor cannot be a negative integer (-1)
attempt(lambda: p.register("x"))  # expect: TypeError argument must be an int, or have a fileno() method.
attempt(lambda: p.register(0, "x"))  # expect: TypeError an integer is required
attempt(lambda: p.register(0, -1))  # expect: ValueError value must be positive
attempt(lambda: p.register(0, 2**20))  # expect: OverflowError Python int too large for C unsigned short
attempt(lambda: p.poll("x"))  # expect: TypeError timeout must be an integer or None
attempt(lambda: p.poll(float("nan")))  # expect: ValueError Invalid value NaN (not a number)
attempt(lambda: p.poll(2**40))  # expect: OverflowError timeout is too large
attempt(lambda: select.poll(1))  # expect: TypeError select.poll() takes no arguments (1 given)
print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR)  # expect: 1 2 4 8
print(select.POLLHUP, select.POLLNVAL, select.POLLRDNORM, select.POLLWRNORM)  # expect: 16 32 64 256
