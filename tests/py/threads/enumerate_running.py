import threading

go = threading.Event()
started = threading.Barrier(4)


def worker():
    started.wait()
    go.wait()


threads = [threading.Thread(target=worker, name="w%d" % i) for i in range(3)]
for t in threads:
    t.start()
started.wait()
print(threading.active_count())  # expect: 4
print(sorted(t.name for t in threading.enumerate()))  # expect: ['MainThread', 'w0', 'w1', 'w2']
print([t.is_alive() for t in threads])  # expect: [True, True, True]
print(all(t in threading.enumerate() for t in threads))  # expect: True
go.set()
for t in threads:
    t.join()
print(threading.active_count(), [t.is_alive() for t in threads])  # expect: 1 [False, False, False]
print(threading.enumerate() == [threading.main_thread()])  # expect: True
