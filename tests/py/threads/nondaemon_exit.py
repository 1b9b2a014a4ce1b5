# The interpreter waits for non-daemon threads before exiting.
import threading
import time


def late(delay, message):
    time.sleep(delay)
    print(message)


def starter():
    # A thread started by a thread that itself ends before it.
    threading.Thread(target=late, args=(0.3, "second late thread")).start()


threading.Thread(target=late, args=(0.1, "first late thread")).start()
threading.Thread(target=starter).start()
print("main done")
# expect: main done
# expect: first late thread
# expect: second late thread
