# UDP request/response with timeouts, and a timeout that expires.
import socket
import threading
import time

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))
server.settimeout(5)
addr = server.getsockname()


def serve(n):
    for _ in range(n):
        data, peer = server.recvfrom(1024)
        server.sendto(data.upper(), peer)


t = threading.Thread(target=serve, args=(3,))
t.start()
client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(5)
print(client.gettimeout(), client.getblocking())  # expect: 5.0 True
for word in [b"alpha", b"beta", b"gamma"]:
    client.sendto(word, addr)
    data, peer = client.recvfrom(1024)
    print(data, peer == addr)
# expect: b'ALPHA' True
# expect: b'BETA' True
# expect: b'GAMMA' True
t.join()

# Nobody answers: the timeout expires with TimeoutError('timed out').
client.settimeout(0.2)
start = time.monotonic()
try:
    client.recvfrom(1024)
except socket.timeout as e:
    elapsed = time.monotonic() - start
    print(type(e).__name__, e, e.errno, 0.15 < elapsed < 3)  # expect: TimeoutError timed out None True
print(socket.timeout is TimeoutError)  # expect: True

# Non-blocking: recv raises BlockingIOError at once.
client.setblocking(False)
print(client.gettimeout(), client.getblocking())  # expect: 0.0 False
try:
    client.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)  # expect: BlockingIOError 11
client.setblocking(True)
print(client.gettimeout())  # expect: None

# A connected UDP socket uses send/recv; recvfrom_into reports the sender.
client.connect(addr)
client.settimeout(5)
t = threading.Thread(target=serve, args=(1,))
t.start()
client.send(b"connected")
buf = bytearray(64)
n, peer = client.recvfrom_into(buf)
print(n, bytes(buf[:n]), peer == addr)  # expect: 9 b'CONNECTED' True
t.join()

# MSG_DONTWAIT makes one call non-blocking (with a timeout set, CPython
# would poll and then time out instead).
client.settimeout(None)
try:
    client.recv(10, socket.MSG_DONTWAIT)
except BlockingIOError as e:
    print("dontwait", e.errno)  # expect: dontwait 11

# socket.setdefaulttimeout applies to new sockets.
print(socket.getdefaulttimeout())  # expect: None
socket.setdefaulttimeout(0.1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(s.gettimeout())  # expect: 0.1
try:
    s.recv(1)
except TimeoutError as e:
    print("default", e)  # expect: default timed out
socket.setdefaulttimeout(None)
s.close()
client.close()
server.close()
