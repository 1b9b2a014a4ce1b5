# Bad input gets CPython's exceptions and messages.
import socket


def attempt(f):
    try:
        result = f()
    except OSError as e:
        print(type(e).__name__, e.errno, str(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", repr(result))


# A closed port: connection refused.
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
closed_port = probe.getsockname()[1]
probe.close()
c = socket.socket()
attempt(lambda: c.connect(("127.0.0.1", closed_port)))  # expect: ConnectionRefusedError 111 [Errno 111] Connection refused
c.close()
c = socket.socket()
print(c.connect_ex(("127.0.0.1", closed_port)))  # expect: 111
c.close()
attempt(lambda: socket.create_connection(("127.0.0.1", closed_port)))  # expect: ConnectionRefusedError 111 [Errno 111] Connection refused

# A port in use.
s1 = socket.socket()
s1.bind(("127.0.0.1", 0))
s1.listen()
s2 = socket.socket()
attempt(lambda: s2.bind(s1.getsockname()))  # expect: OSError 98 [Errno 98] Address already in use
s2.close()
try:
    socket.create_server(s1.getsockname())
except OSError as e:
    print(e.errno, str(e).replace(str(s1.getsockname()[1]), "PORT"))  # expect: 98 [Errno 98] Address already in use (while attempting to bind on address ('127.0.0.1', PORT))
s1.close()

# Operations on a closed socket.
s = socket.socket()
s.close()
attempt(lambda: s.recv(1))  # expect: OSError 9 [Errno 9] Bad file descriptor
attempt(lambda: s.send(b"x"))  # expect: OSError 9 [Errno 9] Bad file descriptor
attempt(lambda: s.sendall(b"x"))  # expect: OSError 9 [Errno 9] Bad file descriptor
attempt(lambda: s.accept())  # expect: OSError 9 [Errno 9] Bad file descriptor
attempt(lambda: s.connect(("127.0.0.1", 1)))  # expect: OSError 9 [Errno 9] Bad file descriptor
attempt(lambda: s.getsockname())  # expect: OSError 9 [Errno 9] Bad file descriptor
attempt(lambda: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1))  # expect: OSError 9 [Errno 9] Bad file descriptor
attempt(lambda: s.fileno())  # expect: ok -1
attempt(lambda: s.close())  # expect: ok None
d = socket.socket()
fd = d.detach()
attempt(lambda: d.recv(1))  # expect: OSError 9 [Errno 9] Bad file descriptor
socket.close(fd)

# Sending on a socket whose peer is gone.
a, b = socket.socketpair()
b.close()
attempt(lambda: a.send(b"x"))  # expect: BrokenPipeError 32 [Errno 32] Broken pipe
a.close()

# A peer that resets the connection (SO_LINGER 0 sends RST on close).
server = socket.create_server(("127.0.0.1", 0))
c = socket.create_connection(server.getsockname())
conn, _ = server.accept()
conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
conn.close()
attempt(lambda: c.recv(10))  # expect: ConnectionResetError 104 [Errno 104] Connection reset by peer
c.close()
server.close()

# Bad addresses and families.
s = socket.socket()
attempt(lambda: s.bind("127.0.0.1"))  # expect: TypeError bind(): AF_INET address must be tuple, not str
attempt(lambda: s.connect(("127.0.0.1",)))  # expect: TypeError AF_INET address must be a pair (host, port)
attempt(lambda: s.bind((1, 2)))  # expect: TypeError str, bytes or bytearray expected, not int
attempt(lambda: s.bind(("127.0.0.1", 70000)))  # expect: OverflowError bind(): port must be 0-65535.
attempt(lambda: s.connect(("127.0.0.1", "80")))  # expect: TypeError 'str' object cannot be interpreted as an integer
attempt(lambda: s.send("text"))  # expect: TypeError a bytes-like object is required, not 'str'
attempt(lambda: s.recv(-1))  # expect: ValueError negative buffersize in recv
attempt(lambda: s.recv_into(b"immutable"))  # expect: TypeError recv_into() argument 1 must be read-write bytes-like object, not bytes
attempt(lambda: s.recv_into(bytearray(2), 5))  # expect: ValueError buffer too small for requested bytes
attempt(lambda: s.settimeout(-1))  # expect: ValueError Timeout value out of range
attempt(lambda: s.settimeout("1"))  # expect: TypeError 'str' object cannot be interpreted as an integer
attempt(lambda: s.getpeername())  # expect: OSError 107 [Errno 107] Transport endpoint is not connected
s.close()
attempt(lambda: socket.socket(12345))  # expect: OSError 97 [Errno 97] Address family not supported by protocol
attempt(lambda: socket.socket(fileno=-1))  # expect: ValueError negative file descriptor
attempt(lambda: socket.socket(fileno=0))  # expect: OSError 88 [Errno 88] Socket operation on non-socket
s6 = socket.socket(socket.AF_INET6)
attempt(lambda: s6.bind(("::1",)))  # expect: TypeError AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])
s6.close()
u = socket.socket(socket.AF_UNIX)
attempt(lambda: u.bind(("x", 1)))  # expect: TypeError a bytes-like object is required, not 'tuple'
attempt(lambda: u.bind("/" + "x" * 200))  # expect: OSError None AF_UNIX path too long
u.close()

# Name lookups that fail: socket.gaierror, an OSError subclass.
# (AI_NUMERICHOST: the lookup fails without asking a DNS server.)
attempt(lambda: socket.getaddrinfo("nonexistent.invalid", 80, flags=socket.AI_NUMERICHOST))  # expect: gaierror -2 [Errno -2] Name or service not known
attempt(lambda: socket.getnameinfo(("localhost", 80), 0))  # expect: gaierror -2 [Errno -2] Name or service not known
attempt(lambda: socket.getaddrinfo("127.0.0.1", "no-such-service"))  # expect: gaierror -8 [Errno -8] Servname not supported for ai_socktype
attempt(lambda: socket.getaddrinfo(1, 2))  # expect: TypeError getaddrinfo() argument 1 must be string or None
try:
    socket.getaddrinfo("nonexistent.invalid", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print(e.args, isinstance(e, OSError), type(e).__module__)  # expect: (-2, 'Name or service not known') True socket
print(socket.error is OSError, issubclass(socket.herror, OSError))  # expect: True True
