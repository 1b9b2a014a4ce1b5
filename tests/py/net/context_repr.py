# The context-manager protocol and CPython's repr of open and closed sockets.
import socket

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    text = repr(s)
    print(text.startswith("<socket.socket fd="), text.endswith(", family=2, type=1, proto=0, laddr=('127.0.0.1', %d)>" % port))  # expect: True True
    print(s.family, s.type, s.proto)  # expect: 2 1 0
print(repr(s))  # expect: <socket.socket [closed] fd=-1, family=2, type=1, proto=0>
print(s.fileno())  # expect: -1

s = socket.socket()
print(repr(s).endswith(", family=2, type=1, proto=0, laddr=('0.0.0.0', 0)>"))  # expect: True
s.close()
print(s)  # expect: <socket.socket [closed] fd=-1, family=2, type=1, proto=0>

u = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
u.close()
print(u)  # expect: <socket.socket [closed] fd=-1, family=1, type=2, proto=0>

# A connected pair shows both ends.
server = socket.create_server(("127.0.0.1", 0))
with socket.create_connection(server.getsockname()) as c:
    conn, addr = server.accept()
    with conn:
        print("raddr=%s>" % (server.getsockname(),) in repr(c))  # expect: True
        print(conn.getpeername() == addr == c.getsockname())  # expect: True
print("[closed]" in repr(c), "[closed]" in repr(conn))  # expect: True True
server.close()

# An exception inside `with` still closes the socket.
try:
    with socket.socket() as s:
        raise ValueError("inside")
except ValueError:
    print(s.fileno())  # expect: -1

# A subclass shows its own name, as in CPython.
class MySocket(socket.socket):
    pass


m = MySocket()
m.close()
print(m)  # expect: <__main__.MySocket [closed] fd=-1, family=2, type=1, proto=0>

# SOCK_NONBLOCK sets timeout 0 and is not part of .type.
n = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(n.type, n.gettimeout(), n.getblocking())  # expect: 1 0.0 False
n.close()

# dup and fromfd give independent descriptors for the same socket.
a, b = socket.socketpair()
a.settimeout(2.5)
d = a.dup()
print(d.fileno() != a.fileno(), d.gettimeout(), d.family)  # expect: True 2.5 1
f = socket.fromfd(b.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
d.sendall(b"via dup")
print(f.recv(10))  # expect: b'via dup'
for x in (a, b, d, f):
    x.close()
