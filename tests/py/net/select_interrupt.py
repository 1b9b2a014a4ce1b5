# Ctrl-C (SIGINT) interrupts the main thread while it waits in select(),
# poll() or epoll.poll() with no timeout; another thread sends the signal.
import os
import select
import signal
import threading
import time


def interrupt_soon():
    time.sleep(0.05)
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


r, w = os.pipe()
p = select.poll()
p.register(r, select.POLLIN)
ep = select.epoll()
ep.register(r, select.EPOLLIN)
interrupted("select", lambda: select.select([r], [], []))  # expect: select interrupted
interrupted("poll", p.poll)  # expect: poll interrupted
interrupted("epoll", ep.poll)  # expect: epoll interrupted
# A timed wait is interrupted too, long before its timeout.
start = time.monotonic()
interrupted("timed select", lambda: select.select([r], [], [], 30))  # expect: timed select interrupted
print(time.monotonic() - start < 10)  # expect: True
# The objects still work afterwards.
os.write(w, b"x")
print(p.poll(0) == [(r, select.POLLIN)], ep.poll(0) == [(r, select.EPOLLIN)])  # expect: True True
