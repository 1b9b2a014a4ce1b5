# Forking while other threads run: the child has exactly one thread (the
# forking one, now its main thread), a working GIL, working locks, threads
# of its own and print; os.fork works from a non-main thread too.
import multiprocessing as mp
import os
import threading

stop = threading.Event()
spins = [0, 0, 0]


def spin(i):
    while not stop.is_set():
        spins[i] += 1


def child(q):
    q.put((threading.active_count(), threading.current_thread().name,
           threading.main_thread() is threading.current_thread()))
    fresh = threading.Lock()
    with fresh:
        pass
    t = threading.Thread(target=q.put, args=("thread in child",))
    t.start()
    t.join()
    print("child prints", flush=True)


def fork_from_thread(results):
    pid = os.fork()
    if pid == 0:
        print("child of a thread:", threading.active_count(), threading.current_thread().name, flush=True)
        os._exit(4)
    results.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))


if __name__ == "__main__":
    threads = [threading.Thread(target=spin, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    seen = set()
    for i in range(4):
        q = mp.Queue()
        p = mp.Process(target=child, args=(q,))
        p.start()
        seen.add((q.get(timeout=10), q.get(timeout=10)))
        p.join(10)
        seen.add(p.exitcode)
    # expect: child prints
    # expect: child prints
    # expect: child prints
    # expect: child prints
    results = []
    forker = threading.Thread(target=fork_from_thread, args=(results,), name="Forker")
    forker.start()
    forker.join()  # expect: child of a thread: 1 Forker
    stop.set()
    for t in threads:
        t.join()
    print(sorted(seen, key=str))  # expect: [((1, 'MainThread', True), 'thread in child'), 0]
    print(results, all(n > 0 for n in spins))  # expect: [4] True
