# An exception in a thread is printed to stderr; the program goes on.
import threading


def fail():
    raise ValueError("boom in thread")


t = threading.Thread(target=fail, name="failing")
t.start()
t.join()
print("main continues", t.is_alive())  # expect: main continues False

# SystemExit in a thread ends that thread silently.
def leave():
    raise SystemExit(3)


t = threading.Thread(target=leave)
t.start()
t.join()
print("after SystemExit")  # expect: after SystemExit

# A custom excepthook sees the thread and the exception.
seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


threading.excepthook = hook
t = threading.Thread(target=fail, name="hooked")
t.start()
t.join()
print(seen)  # expect: [('ValueError', 'boom in thread', 'hooked')]
threading.excepthook = threading.__excepthook__

# expect-exit: 0
# expect-error: Exception in thread failing:
# expect-error: Traceback (most recent call last):
# expect-error: in fail
# expect-error: raise ValueError("boom in thread")
# expect-error: ValueError: boom in thread
