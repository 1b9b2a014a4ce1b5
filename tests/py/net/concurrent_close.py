# Another thread closes a socket while a thread is blocked in recv() on it
# with the GIL released: as in CPython, the reader goes on waiting and gets
# what the peer sends next (the close did not reach the peer), nothing
# crashes, and the descriptor is neither closed under the reader nor leaked.
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


def close_under(call, make, wake):
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
    time.sleep(0.05)
    wake(keep)
    t.join(5)
    print("reader finished:", not t.is_alive(), outcome)
    for k in keep:
        k.close()
    print("leaked:", open_fds() - before)


def pair():
    a, b = socket.socketpair()
    return a, [b]


def send_hello(keep):
    keep[0].send(b"hello")


# recv on a stream socket, blocking mode: the peer's data still arrives.
close_under(lambda s: s.recv(10), pair, send_hello)
# expect: fileno after close: -1
# expect: reader finished: True [b'hello']
# expect: leaked: 0

# The peer closes: the reader sees the end of the stream.
close_under(lambda s: s.recv(10), pair, lambda keep: keep[0].shutdown(socket.SHUT_WR))
# expect: fileno after close: -1
# expect: reader finished: True [b'']
# expect: leaked: 0


# recv with a timeout: the reader waits in poll(), then, as in CPython, finds
# the socket closed.
def timed_pair():
    a, b = socket.socketpair()
    a.settimeout(30)
    return a, [b]


close_under(lambda s: s.recv(10), timed_pair, send_hello)
# expect: fileno after close: -1
# expect: reader finished: True [('OSError', 9)]
# expect: leaked: 0


# accept on a listening socket: a client that connects is accepted.
def server():
    s = socket.create_server(("127.0.0.1", 0))
    return s, [s.getsockname()[1]]


def connect(keep):
    port = keep.pop()
    keep.append(socket.create_connection(("127.0.0.1", port)))


def accept_one(s):
    conn, _ = s.accept()
    conn.close()
    return "accepted"


close_under(accept_one, server, connect)
# expect: fileno after close: -1
# expect: reader finished: True ['accepted']
# expect: leaked: 0


# recvfrom on a UDP socket: a datagram sent to it arrives.
def udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    return s, [s.getsockname()]


def send_datagram(keep):
    addr = keep.pop()
    c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    c.sendto(b"dgram", addr)
    keep.append(c)


close_under(lambda s: s.recvfrom(10)[0], udp, send_datagram)
# expect: fileno after close: -1
# expect: reader finished: True [b'dgram']
# expect: leaked: 0

# After the close every call raises EBADF, and the descriptor number is
# really gone once the reader finished.
a, b = socket.socketpair()
fd = a.fileno()
t = threading.Thread(target=lambda: a.recv(1))
t.start()
time.sleep(0.05)
a.close()
b.send(b"x")
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
