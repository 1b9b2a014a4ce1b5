# Threads started with _thread directly appear as _DummyThread objects.
import _thread
import threading

done = threading.Event()
info = []


def raw():
    me = threading.current_thread()
    info.append((me.name.startswith("Dummy-"), me.daemon, me.is_alive(),
                 me is threading.current_thread(), me in threading.enumerate()))
    done.set()


_thread.start_new_thread(raw, ())
done.wait()
print(info)  # expect: [(True, True, True, True, True)]

lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType)  # expect: True
