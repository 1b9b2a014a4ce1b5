# Ctrl-C (SIGINT) reaches the main thread while it sleeps, waits, joins or
# computes; another thread sends the signal.
import os
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


def spin():
    n = 0
    while True:
        n += 1


sleeper = threading.Thread(target=time.sleep, args=(5,), daemon=True)
sleeper.start()
interrupted("sleep", lambda: time.sleep(5))  # expect: sleep interrupted
interrupted("wait", threading.Event().wait)  # expect: wait interrupted
interrupted("join", sleeper.join)  # expect: join interrupted
interrupted("loop", spin)  # expect: loop interrupted
print("still alive")  # expect: still alive
