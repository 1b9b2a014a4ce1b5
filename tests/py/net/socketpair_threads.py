# socketpair ping-pong between two threads: each recv releases the GIL
# while it waits, so the other thread can answer.
import socket
import threading

a, b = socket.socketpair()
print(a.family, a.type, a.proto)  # expect: 1 1 0
print(repr(a.family), repr(a.type))  # expect: <AddressFamily.AF_UNIX: 1> <SocketKind.SOCK_STREAM: 1>
print(repr(a.getsockname()), repr(b.getpeername()))  # expect: '' ''

ROUNDS = 200


def pong():
    for _ in range(ROUNDS):
        msg = b.recv(16)
        b.sendall(b"pong " + msg[5:])
    b.close()


t = threading.Thread(target=pong)
t.start()
answers = []
for i in range(ROUNDS):
    a.sendall(b"ping %d" % i)
    answers.append(a.recv(16))
t.join()
print(len(answers), answers[0], answers[-1])  # expect: 200 b'pong 0' b'pong 199'
print(all(answers[i] == b"pong %d" % i for i in range(ROUNDS)))  # expect: True
# The peer closed: recv gives b'' (end of file), not an error.
print(a.recv(10))  # expect: b''
a.close()

# Datagram socketpair: message boundaries are kept.
c, d = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
c.send(b"one")
c.send(b"two")
print(d.recv(100), d.recv(100))  # expect: b'one' b'two'
print(d.type)  # expect: 2
c.close()
d.close()

# recv_into and recvfrom_into fill a buffer in place.
e, f = socket.socketpair()
e.sendall(b"abcdef")
buf = bytearray(4)
print(f.recv_into(buf), buf)  # expect: 4 bytearray(b'abcd')
view = memoryview(bytearray(8))
print(f.recv_into(view, 2), bytes(view[:2]))  # expect: 2 b'ef'
e.sendall(b"xyz")
buf = bytearray(10)
print(f.recvfrom_into(buf))  # expect: (3, None)
print(buf[:3])  # expect: bytearray(b'xyz')
e.sendall(memoryview(b"from a view"))
print(f.recv(100))  # expect: b'from a view'
e.sendall(bytearray(b"from a bytearray"))
print(f.recv(100, socket.MSG_PEEK), f.recv(100))  # expect: b'from a bytearray' b'from a bytearray'
e.close()
f.close()

# sendfile sends a file's bytes (here by plain sends).
import os
import tempfile

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "data.bin")
    with open(path, "wb") as out:
        out.write(b"0123456789" * 100)
    g, h = socket.socketpair()
    with open(path, "rb") as src:
        print(g.sendfile(src, 990))  # expect: 10
        print(src.tell())  # expect: 1000
    print(h.recv(100))  # expect: b'0123456789'
    g.close()
    h.close()
