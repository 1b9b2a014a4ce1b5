import threading


def work(a, b, c=0):
    results.append(a + b + c)


results = []
t = threading.Thread(target=work, args=(1, 2), kwargs={"c": 3})
print(t.name.startswith("Thread-"), t.name.endswith(" (work)"))  # expect: True True
print(t.is_alive(), t.ident)  # expect: False None
print(repr(t).endswith(", initial)>"))  # expect: True
t.start()
t.join()
print(results)  # expect: [6]
print(t.is_alive(), type(t.ident).__name__, type(t.native_id).__name__)  # expect: False int int
print(repr(t).endswith("stopped " + str(t.ident) + ")>"))  # expect: True

try:
    t.start()
except RuntimeError as e:
    print(e)  # expect: threads can only be started once

try:
    threading.Thread(target=work).join()
except RuntimeError as e:
    print(e)  # expect: cannot join thread before it is started

try:
    threading.current_thread().join()
except RuntimeError as e:
    print(e)  # expect: cannot join current thread

try:
    t.daemon = True
except RuntimeError as e:
    print(e)  # expect: cannot set daemon status of active thread

named = threading.Thread(target=work, args=(0, 0), name="worker")
print(named.name)  # expect: worker
named.name = "renamed"
print(named.name, named.daemon)  # expect: renamed False
named.daemon = True
print(named.daemon)  # expect: True

noname = threading.Thread()
print(noname.name.startswith("Thread-"), "(" in noname.name)  # expect: True False
noname.start()
noname.join()

main = threading.main_thread()
print(main.name, main is threading.current_thread())  # expect: MainThread True
print(main.is_alive(), main.daemon)  # expect: True False
print(threading.get_ident() == main.ident)  # expect: True
print(threading.get_native_id() == main.native_id)  # expect: True
print(threading.active_count(), threading.enumerate() == [main])  # expect: 1 True
print(threading.TIMEOUT_MAX > 0, threading.ThreadError is RuntimeError)  # expect: True True


# Names are numbered in creation order.
a = threading.Thread()
b = threading.Thread()
print(int(b.name.split("-")[1]) - int(a.name.split("-")[1]))  # expect: 1


# Each thread sees itself as current_thread(), and a daemon parent makes daemon children.
seen = {}


def record():
    me = threading.current_thread()
    child = threading.Thread(target=lambda: None)
    seen[me.name] = (me.ident == threading.get_ident(), me.daemon, child.daemon,
                     me in threading.enumerate())


d = threading.Thread(target=record, name="d", daemon=True)
n = threading.Thread(target=record, name="n")
d.start(); n.start()
d.join(); n.join()
print(sorted(seen.items()))  # expect: [('d', (True, True, True, True)), ('n', (True, False, False, True))]
