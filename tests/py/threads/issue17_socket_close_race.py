# Issue 17: socket.close() in one thread while another is blocked in recv,
# recv_into, makefile reads, sendall or accept on it, and select on closed
# descriptors: as in CPython, the blocked call goes on waiting and returns
# what arrives (the peer saw no close), the next call raises EBADF, and
# nothing crashes.
import socket, threading, time, os, select
def trial(name, op, after):
    a, b = socket.socketpair()
    out = []
    def run():
        try:
            out.append(op(a))
        except OSError as e:
            out.append((type(e).__name__, e.errno))
    t = threading.Thread(target=run); t.start()
    time.sleep(0.1)
    a.close()
    time.sleep(0.1)
    after(b)
    t.join(5)
    print(name, t.is_alive(), out, a.fileno())
    try:
        op(a)
    except OSError as e:
        print("  next:", type(e).__name__, e.errno, e)
    b.close()
trial("recv", lambda s: s.recv(5), lambda b: b.send(b"hello"))
trial("recv peer closes", lambda s: s.recv(5), lambda b: b.close())
def mf(mode, how):
    def op(s):
        with s.makefile(mode) as f:
            return how(f)
    return op
trial("makefile read", mf("rb", lambda f: f.read(5)), lambda b: b.send(b"hello"))
trial("makefile readline", mf("r", lambda f: f.readline()), lambda b: b.send(b"hi\n"))
trial("recv_into", lambda s: s.recv_into(bytearray(5)), lambda b: b.send(b"hello"))
def sendall(s):
    s.sendall(b"x" * 10_000_000)
    return "sent"
trial("sendall", sendall, lambda b: b.setblocking(False) or [b.recv(1<<20) for _ in range(1)] and b.shutdown(socket.SHUT_RDWR))
# accept
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen()
port = srv.getsockname()[1]
out = []
def acc():
    try:
        c, _ = srv.accept(); out.append("accepted"); c.close()
    except OSError as e:
        out.append((type(e).__name__, e.errno))
t = threading.Thread(target=acc); t.start()
time.sleep(0.1); srv.close(); time.sleep(0.1)
try:
    c = socket.create_connection(("127.0.0.1", port), timeout=1); out.append("connected"); c.close()
except OSError as e:
    out.append(("connect", type(e).__name__))
t.join(3)
print("accept", t.is_alive(), sorted(map(str, out)))
# select on a closed fd
r, w = os.pipe()
os.close(r)
try:
    select.select([r], [], [], 0)
except OSError as e:
    print("select closed:", type(e).__name__, e.errno)
s = socket.socket(); s.close()
try:
    select.select([s], [], [], 0)
except (OSError, ValueError) as e:
    print("select closed socket:", type(e).__name__, e)
os.close(w)
# expect: recv False [b'hello'] -1
# expect:   next: OSError 9 [Errno 9] Bad file descriptor
# expect: recv peer closes False [b''] -1
# expect:   next: OSError 9 [Errno 9] Bad file descriptor
# expect: makefile read False [b'hello'] -1
# expect:   next: OSError 9 [Errno 9] Bad file descriptor
# expect: makefile readline False ['hi\n'] -1
# expect:   next: OSError 9 [Errno 9] Bad file descriptor
# expect: recv_into False [5] -1
# expect:   next: OSError 9 [Errno 9] Bad file descriptor
# expect: sendall False [('OSError', 9)] -1
# expect:   next: OSError 9 [Errno 9] Bad file descriptor
# expect: accept False ['accepted', 'connected']
# expect: select closed: OSError 9
# expect: select closed socket: ValueError file descriptor cannot be a negative integer (-1)
