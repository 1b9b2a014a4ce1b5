# Socket options, blocking modes and connect with a timeout.
import socket
import threading

s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))  # expect: 1
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT))  # expect: 1
s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, True)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE))  # expect: 1
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)  # expect: True
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
# Linux doubles the sizes it is given (for its bookkeeping).
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF) >= 65536)  # expect: True
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) >= 65536)  # expect: True
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))  # expect: 0
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))  # expect: 1
print(len(s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)))  # expect: 8
try:
    s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 5000)
except OSError as e:
    print(e)  # expect: getsockopt buflen out of range
print(s.timeout, s.gettimeout(), s.getblocking())  # expect: None None True
s.settimeout(1)
print(s.timeout, s.getblocking())  # expect: 1.0 True
s.setblocking(False)
print(s.timeout, s.getblocking())  # expect: 0.0 False

# A non-blocking connect is "in progress"; SO_ERROR tells the outcome.
server = socket.create_server(("127.0.0.1", 0))
try:
    s.connect(server.getsockname())
except BlockingIOError as e:
    print(type(e).__name__, e.errno)  # expect: BlockingIOError 115
server.accept()[0].close()
s.close()

# connect with a timeout, and accept with a timeout that expires.
c = socket.socket()
c.settimeout(5)
c.connect(server.getsockname())
conn, _ = server.accept()
print(conn.gettimeout())  # expect: None
server.settimeout(0.1)
try:
    server.accept()
except TimeoutError as e:
    print("accept", e)  # expect: accept timed out
# A socket accepted from a listener with a timeout is blocking.
c2 = socket.create_connection(server.getsockname())
conn2, _ = server.accept()
print(conn2.gettimeout(), conn2.getblocking())  # expect: None True

# sendall with a timeout against a peer that stops reading: TimeoutError,
# after some bytes went out.
conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
c.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
c.settimeout(0.2)
try:
    c.sendall(b"x" * (16 * 1024 * 1024))
except TimeoutError as e:
    print("sendall", e)  # expect: sendall timed out
for x in (c, c2, conn, conn2, server):
    x.close()

# create_server on IPv6 loopback, and the dual-stack check.
print(socket.has_dualstack_ipv6())  # expect: True
v6 = socket.create_server(("::1", 0), family=socket.AF_INET6)
host, port, flow, scope = v6.getsockname()
print(host, flow, scope, v6.family)  # expect: ::1 0 0 10
with socket.create_connection(("::1", port)) as c6:
    conn6, addr6 = v6.accept()
    c6.sendall(b"six")
    print(conn6.recv(10), addr6[0])  # expect: b'six' ::1
    conn6.close()
v6.close()

# A dual-stack server takes IPv4 clients too; create_connection can bind
# its own end first (source_address).
dual = socket.create_server(("::", 0), family=socket.AF_INET6, dualstack_ipv6=True)
port = dual.getsockname()[1]
print(dual.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))  # expect: 0
with socket.create_connection(("127.0.0.1", port), timeout=5, source_address=("127.0.0.1", 0)) as c4:
    conn4, addr4 = dual.accept()
    print(addr4[0], addr4[1] == c4.getsockname()[1], c4.gettimeout())  # expect: ::ffff:127.0.0.1 True 5.0
    conn4.close()
dual.close()
try:
    socket.create_server(("127.0.0.1", 0), dualstack_ipv6=True)
except ValueError as e:
    print(e)  # expect: dualstack_ipv6 requires AF_INET6 family
r1 = socket.create_server(("127.0.0.1", 0), reuse_port=True)
r2 = socket.create_server(r1.getsockname(), reuse_port=True)  # SO_REUSEPORT shares the port
print(r1.getsockname() == r2.getsockname())  # expect: True
r1.close()
r2.close()
