# select.epoll: register, modify, unregister, poll with a timeout in seconds
# and maxevents, edge-triggered and one-shot events, close and the
# context-manager protocol, and CPython's errors.
import os
import select
import time

from _fileobjects import FileObject, attempt


def named(events):
    return sorted((names[fd], mask) for fd, mask in events)


r, w = os.pipe()
names = {r: "r", w: "w"}
ep = select.epoll()
print(ep.closed, ep.fileno() >= 0)  # expect: False True
print(ep.poll(0))  # expect: []
ep.register(r, select.EPOLLIN)
ep.register(fd=FileObject(w, "w"), eventmask=select.EPOLLOUT)
print(named(ep.poll(0)))  # expect: [('w', 4)]
os.write(w, b"hello")
print(named(ep.poll(0)))  # expect: [('r', 1), ('w', 4)]
print(named(ep.poll()))  # expect: [('r', 1), ('w', 4)]
print(named(ep.poll(timeout=-1)))  # expect: [('r', 1), ('w', 4)]
print(len(ep.poll(0, maxevents=1)))  # expect: 1
ep.modify(w, select.EPOLLIN)
print(named(ep.poll(0.5)))  # expect: [('r', 1)]
print(os.read(r, 100))  # expect: b'hello'

start = time.monotonic()
print(ep.poll(0.05))  # expect: []
print(0.04 <= time.monotonic() - start < 2)  # expect: True
print(ep.poll(0.0001))  # expect: []

attempt(lambda: ep.register(r))  # expect: FileExistsError [Errno 17] File exists
ep.unregister(w)
attempt(lambda: ep.unregister(w))  # expect: FileNotFoundError [Errno 2] No such file or directory
attempt(lambda: ep.modify(w, select.EPOLLIN))  # expect: FileNotFoundError [Errno 2] No such file or directory
attempt(lambda: ep.register(-1))  # expect: ValueError file descriptor cannot be a negative integer (-1)
attempt(lambda: ep.poll(0, 0))  # expect: ValueError maxevents must be greater than 0, got 0
attempt(lambda: ep.poll("x"))  # expect: TypeError timeout must be an integer or None
attempt(lambda: ep.poll(float("nan")))  # expect: ValueError Invalid value NaN (not a number)
attempt(lambda: ep.poll(3e6))  # expect: OverflowError timeout is too large

# Edge-triggered: an event is reported when data arrives, not again while
# it stays unread; new data is a new edge.
ep.modify(r, select.EPOLLIN | select.EPOLLET)
os.write(w, b"a")
print(named(ep.poll(0)))  # expect: [('r', 1)]
print(ep.poll(0))  # expect: []
os.write(w, b"b")
print(named(ep.poll(0)))  # expect: [('r', 1)]
print(os.read(r, 10))  # expect: b'ab'

# One-shot: reported once, then disabled until modified.
ep.modify(r, select.EPOLLIN | select.EPOLLONESHOT)
os.write(w, b"c")
print(named(ep.poll(0)), ep.poll(0))  # expect: [('r', 1)] []
ep.modify(r, select.EPOLLIN)
print(named(ep.poll(0)))  # expect: [('r', 1)]
print(os.read(r, 10))  # expect: b'c'

# The writer closed: EPOLLHUP on the reader.
os.close(w)
print(named(ep.poll(0)))  # expect: [('r', 16)]

ep.close()
ep.close()
print(ep.closed)  # expect: True
attempt(ep.fileno)  # expect: ValueError I/O operation on closed epoll object
attempt(ep.poll)  # expect: ValueError I/O operation on closed epoll object
attempt(lambda: ep.register(r))  # expect: ValueError I/O operation on closed epoll object
attempt(lambda: ep.unregister(r))  # expect: ValueError I/O operation on closed epoll object
attempt(lambda: ep.modify(r, 1))  # expect: ValueError I/O operation on closed epoll object
attempt(lambda: ep.__enter__())  # expect: ValueError I/O operation on closed epoll object

with select.epoll(sizehint=4, flags=select.EPOLL_CLOEXEC) as inner:
    print(inner.closed)  # expect: False
print(inner.closed)  # expect: True
attempt(lambda: select.epoll(-2))  # expect: ValueError negative sizehint
attempt(lambda: select.epoll(1, 5))  # expect: OSError invalid flags

# fromfd: the new object owns the descriptor it is given.
adopted = select.epoll.fromfd(r)
print(adopted.fileno() == r, adopted.closed)  # expect: True False
attempt(lambda: adopted.register(r))  # expect: OSError [Errno 22] Invalid argument
adopted.close()
attempt(lambda: os.read(r, 1))  # expect: OSError [Errno 9] Bad file descriptor

print(select.EPOLLIN, select.EPOLLOUT, select.EPOLLPRI, select.EPOLLERR, select.EPOLLHUP)  # expect: 1 4 2 8 16
print(select.EPOLLET, select.EPOLLONESHOT, select.EPOLLRDHUP)  # expect: 2147483648 1073741824 8192
print(select.EPOLLEXCLUSIVE, select.EPOLL_CLOEXEC)  # expect: 268435456 524288
