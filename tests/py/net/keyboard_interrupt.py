# Ctrl-C (SIGINT) interrupts the main thread blocked on a socket: in recv
# without a timeout (EINTR), in recv with one (in poll()) and in accept.
# Another thread sends the signal.
import os
import signal
import socket
import threading
import time


def interrupt_soon():
    time.sleep(0.1)
    os.kill(os.getpid(), signal.SIGINT)


def interrupted(what, block):
    helper = threading.Thread(target=interrupt_soon)
    helper.start()
    try:
        block()
        print(what, "finished")
    except KeyboardInterrupt:
        print(what, "interrupted")
    helper.join()


a, b = socket.socketpair()
interrupted("recv", lambda: a.recv(10))  # expect: recv interrupted
a.settimeout(10)
interrupted("timed recv", lambda: a.recv(10))  # expect: timed recv interrupted
server = socket.create_server(("127.0.0.1", 0))
interrupted("accept", server.accept)  # expect: accept interrupted
# The socket still works after the interruptions.
b.sendall(b"after")
print(a.recv(10))  # expect: b'after'
for s in (a, b, server):
    s.close()
