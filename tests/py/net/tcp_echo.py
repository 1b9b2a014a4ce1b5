# A TCP echo server in a thread and clients on 127.0.0.1 (port 0: the
# kernel picks a free port).
import socket
import threading

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen()
host, port = server.getsockname()
print(host, port > 0)  # expect: 127.0.0.1 True
CLIENTS = 5


def handle(conn):
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                break
            conn.sendall(data)


def serve():
    handlers = []
    for _ in range(CLIENTS):
        conn, addr = server.accept()
        assert addr[0] == "127.0.0.1"
        h = threading.Thread(target=handle, args=(conn,))
        h.start()
        handlers.append(h)
    for h in handlers:
        h.join()


st = threading.Thread(target=serve)
st.start()

results = []
lock = threading.Lock()


def client(i):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as c:
        payload = (b"%d:" % i) * 1000
        c.sendall(payload)
        c.shutdown(socket.SHUT_WR)  # half-close: the server sees the end
        got = []
        while True:
            chunk = c.recv(1000)
            if not chunk:
                break
            got.append(chunk)
        with lock:
            results.append((i, b"".join(got) == payload))


clients = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
for c in clients:
    c.start()
for c in clients:
    c.join()
st.join()
print(sorted(results))  # expect: [(0, True), (1, True), (2, True), (3, True), (4, True)]

# A large sendall against a reader that drains slowly in another thread.
st = threading.Thread(target=lambda: handle(server.accept()[0]))
st.start()
c = socket.create_connection(("127.0.0.1", port))
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)  # expect: True
big = bytes(range(256)) * 8192  # 2 MiB
received = bytearray()


def drain():
    while len(received) < len(big):
        chunk = c.recv(65536)
        if not chunk:
            break
        received.extend(chunk)


d = threading.Thread(target=drain)
d.start()
c.sendall(big)
d.join()
print(len(received), received == big)  # expect: 2097152 True
print(c.getpeername() == ("127.0.0.1", port))  # expect: True
c.close()
st.join()
server.close()
print(server.fileno())  # expect: -1
