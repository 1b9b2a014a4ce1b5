# An exception in a Thread subclass's run(), and an excepthook that itself fails.
import threading


class Broken(threading.Thread):
    def run(self):
        {}["missing"]


t = Broken(name="broken-sub")
t.start()
t.join()
print("after first")  # expect: after first


def bad_hook(args):
    raise TypeError("hook is broken")


threading.excepthook = bad_hook
t = threading.Thread(target=lambda: 1 / 0)
t.start()
t.join()
print("after second")  # expect: after second

# expect-exit: 0
# expect-error: Exception in thread broken-sub:
# expect-error: KeyError: 'missing'
# expect-error: Exception in threading.excepthook:
# expect-error: TypeError: hook is broken
