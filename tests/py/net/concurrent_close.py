# Another thread closes a socket while a thread is blocked in recv() on it
# with the GIL released: the reader wakes with b'' or an OSError, nothing
# crashes, and the descriptor is not closed under it (or leaked).
# python3-differs: CPython's close() leaves a thread blocked in recv()/accept() blocked on Linux (the test would hang); gilvm shuts the socket down to wake it
import os
import socket
import threading
import time


def open_fds():
    return len(os.listdir("/proc/self/fd"))


def blocked_reader(sock, started, outcome, call):
    started.set()
    try:
        outcome.append(call(sock))
    except OSError as e:
        outcome.append((type(e).__name__, e.errno))


def close_under(call, make):
    before = open_fds()
    sock, keep = make()
    started = threading.Event()
    outcome = []
    t = threading.Thread(target=blocked_reader, args=(sock, started, outcome, call))
    t.start()
    started.wait()
    time.sleep(0.1)  # let the reader block in the system call
    sock.close()
    print("fileno after close:", sock.fileno())
    t.join(5)
    print("reader finished:", not t.is_alive(), outcome)
    for k in keep:
        k.close()
    print("leaked:", open_fds() - before)


# recv on a stream socket, blocking mode.
close_under(lambda s: s.recv(10), lambda: (lambda a, b: (a, [b]))(*socket.socketpair()))
# expect: fileno after close: -1
# expect: reader finished: True [b'']
# expect: leaked: 0

# recv with a timeout (the reader waits in poll()).
def timed_pair():
    a, b = socket.socketpair()
    a.settimeout(30)
    return a, [b]


close_under(lambda s: s.recv(10), timed_pair)
# expect: fileno after close: -1
# expect: reader finished: True [b'']
# expect: leaked: 0

# accept on a listening socket.
close_under(lambda s: s.accept(), lambda: (socket.create_server(("127.0.0.1", 0)), []))
# expect: fileno after close: -1
# expect: reader finished: True [('OSError', 9)]
# expect: leaked: 0


# recvfrom on a UDP socket.
def udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    return s, []


close_under(lambda s: s.recvfrom(10), udp)
# expect: fileno after close: -1
# expect: reader finished: True [(b'', None)]
# expect: leaked: 0

# After the close every call raises EBADF, and the descriptor number is
# really gone once the reader finished.
a, b = socket.socketpair()
fd = a.fileno()
t = threading.Thread(target=lambda: a.recv(1))
t.start()
time.sleep(0.05)
a.close()
t.join()
try:
    a.recv(1)
except OSError as e:
    print(e.errno)  # expect: 9
try:
    os.close(fd)
except OSError as e:
    print("already closed:", e.errno)  # expect: already closed: 9
b.close()
