# 1,000 connections opened and closed leak no file descriptor, whether they
# are closed explicitly, by `with`, or only by being dropped.
import os
import socket
import threading


def open_fds():
    return len(os.listdir("/proc/self/fd"))


server = socket.create_server(("127.0.0.1", 0), backlog=128)
address = server.getsockname()
before = open_fds()
N = 1000


def serve():
    for i in range(N):
        conn, _ = server.accept()
        data = conn.recv(8)
        conn.sendall(data)
        if i % 3:
            conn.close()
        # else: dropped without close(); the object's deallocation closes it


t = threading.Thread(target=serve)
t.start()
for i in range(N):
    if i % 2:
        with socket.create_connection(address) as c:
            c.sendall(b"%d" % i)
            assert c.recv(8) == b"%d" % i
    else:
        c = socket.socket()
        c.connect(address)
        c.sendall(b"x")
        c.recv(8)
        c.close()
t.join()
del c
print(open_fds() - before)  # expect: 0

# socketpairs and makefile() too.
before = open_fds()
for _ in range(200):
    a, b = socket.socketpair()
    f = a.makefile("rwb")
    a.close()
    f.write(b"y")
    f.flush()
    b.recv(1)
    f.close()
    b.close()
print(open_fds() - before)  # expect: 0
server.close()
