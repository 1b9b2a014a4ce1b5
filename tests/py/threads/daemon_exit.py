# Daemon threads still sleeping when the main thread ends do not keep the
# process alive, and print nothing more.
import threading
import time


def sleeper():
    time.sleep(30)
    print("daemon woke up: must not be printed")


def spinner():
    while True:
        pass


for target in (sleeper, sleeper, spinner):
    threading.Thread(target=target, daemon=True).start()
d = threading.Thread(target=sleeper)
d.daemon = True
d.start()
print(d.daemon, d.is_alive(), threading.active_count())  # expect: True True 5
print("main done")  # expect: main done
