# makefile(): buffered binary and text files over a socket.
import socket
import threading

a, b = socket.socketpair()

# Binary: write is buffered until flush; readline, read(n), iteration.
w = a.makefile("wb")
r = b.makefile("rb")
print(w, r)  # expect: <_io.BufferedWriter name=3> <_io.BufferedReader name=4>
print(w.mode, r.mode, w.writable(), r.readable(), r.writable())  # expect: wb rb True True False
w.write(b"first line\nsecond line\n")
w.write(b"tail without newline")
w.flush()
print(r.readline())  # expect: b'first line\n'
print(r.read(6))  # expect: b'second'
print(r.readline())  # expect: b' line\n'
print(r.peek(4)[:4])  # expect: b'tail'
print(r.read1(4))  # expect: b'tail'
w.close()
a.shutdown(socket.SHUT_WR)  # the reader sees end of file after the rest
print(r.read())  # expect: b' without newline'
print(r.read(), r.readline())  # expect: b'' b''
r.close()
print(w.closed, r.closed)  # expect: True True
try:
    r.read()
except ValueError as e:
    print(e)  # expect: read of closed file
a.close()
b.close()

# Text: a writer thread, a reader iterating lines; UTF-8 split across writes.
a, b = socket.socketpair()


def writer():
    with a.makefile("w", encoding="utf-8") as f:
        f.write("héllo wörld\n")
        f.flush()
        f.write("line two\r\n")
        f.writelines(["x\n", "y\n"])
    a.close()  # the fd stays open until the file is closed (it is, by with)


t = threading.Thread(target=writer)
t.start()
tf = b.makefile("r", encoding="utf-8")
print(tf.mode, tf.encoding)  # expect: r utf-8
lines = list(tf)
t.join()
print(lines)  # expect: ['héllo wörld\n', 'line two\n', 'x\n', 'y\n']
tf.close()
b.close()

# A multi-byte character split between two sends is decoded whole.
a, b = socket.socketpair()
data = "größer €".encode("utf-8")
f = b.makefile("r", encoding="utf-8")
a.sendall(data[:3])
a.sendall(data[3:10])
a.sendall(data[10:] + b"\n")
print(repr(f.readline()))  # expect: 'größer €\n'
print(f.read(0) == "")  # expect: True
a.sendall("abcdef".encode())
print(f.read(3))  # expect: abc
a.close()
print(f.read())  # expect: def
print(f.readlines())  # expect: []
f.close()
b.close()

# newline='' keeps '\r\n'; readlines gathers everything.
a, b = socket.socketpair()
a.sendall(b"one\r\ntwo\rthree\n")
a.close()
with b.makefile("r", newline="") as f:
    print(f.readlines())  # expect: ['one\r\n', 'two\r', 'three\n']
b.close()

# 'rwb' reads and writes through one file.
a, b = socket.socketpair()
rw = a.makefile("rwb")
rw.write(b"ping\n")
rw.flush()
print(b.recv(10))  # expect: b'ping\n'
b.sendall(b"pong\n")
print(rw.readline())  # expect: b'pong\n'
rw.close()

# Closing the socket while a file is open keeps the descriptor for the file.
f = a.makefile("rb")
fd = a.fileno()
a.close()
print(a._closed, f.fileno() == fd)  # expect: True True
print(repr(a).startswith("<socket.socket [closed] fd=%d," % fd))  # expect: True
b.sendall(b"still works\n")
print(f.readline())  # expect: b'still works\n'
f.close()
print(a.fileno())  # expect: -1
b.close()

# Modes and errors, as CPython reports them.
a, b = socket.socketpair()
for bad in ["x", "rt"]:
    try:
        a.makefile(bad)
    except ValueError as e:
        print(e)
# expect: invalid mode 'x' (only r, w, b allowed)
# expect: invalid mode 'rt' (only r, w, b allowed)
try:
    a.makefile("r", buffering=0)
except ValueError as e:
    print(e)  # expect: unbuffered streams must be binary
raw = a.makefile("rb", buffering=0)
print(type(raw).__name__, raw.mode, raw.readable(), raw.writable())  # expect: SocketIO rb True False
raw.close()
wf = a.makefile("w")
try:
    wf.read()
except OSError as e:
    print(type(e).__name__, e)  # expect: UnsupportedOperation not readable
wf.close()
a.close()
b.close()
