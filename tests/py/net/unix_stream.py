# AF_UNIX stream sockets on a path in a temporary folder.
import os
import socket
import tempfile
import threading

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "echo.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    print(server.getsockname() == path, os.path.exists(path))  # expect: True True

    peers = []

    def serve():
        conn, addr = server.accept()
        peers.append(addr)
        with conn:
            while True:
                data = conn.recv(100)
                if not data:
                    break
                conn.sendall(data[::-1])

    t = threading.Thread(target=serve)
    t.start()
    c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    c.connect(path)
    print(c.getpeername() == path, repr(c.getsockname()))  # expect: True ''
    c.sendall(b"stressed")
    print(c.recv(100))  # expect: b'desserts'
    c.close()
    t.join()
    print("peer address", repr(peers[0]))  # expect: peer address ''

    # The path is taken while the file exists.
    other = socket.socket(socket.AF_UNIX)
    try:
        other.bind(path)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)  # expect: OSError 98 Address already in use
    other.close()
    server.close()

    # Connecting to a path nobody listens on.
    c = socket.socket(socket.AF_UNIX)
    try:
        c.connect(os.path.join(folder, "nobody.sock"))
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno)  # expect: FileNotFoundError 2
    c.close()

# The abstract namespace (a leading NUL byte) names no file.
s = socket.socket(socket.AF_UNIX)
s.bind(b"\0gilvm-test-%d" % os.getpid())
print(s.getsockname() == b"\0gilvm-test-%d" % os.getpid())  # expect: True
s.close()
