# Lock, RLock, Semaphore and Event shared by processes; Value and Array of
# ints and floats in shared memory.
import multiprocessing as mp
import time


def add_many(counter, total, lock, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1
    with lock:
        total.value += 0.25


def fill(arr, index):
    arr[index] = index * index


def wait_then_report(event, out):
    out.put(("started", event.is_set()))
    out.put(("woken", event.wait(10)))


def hold(lock, held, release):
    with lock:
        held.set()
        release.wait(10)


if __name__ == "__main__":
    counter = mp.Value('i', 0)
    total = mp.Value('d', 1.5)
    lock = mp.Lock()
    workers = [mp.Process(target=add_many, args=(counter, total, lock, 100)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(counter.value, total.value)  # expect: 400 2.5
    print(counter)  # expect: <Synchronized wrapper for c_int(400)>
    raw = mp.Value('q', 2 ** 40, lock=False)
    print(raw, raw.value)  # expect: c_long(1099511627776) 1099511627776

    arr = mp.Array('i', 5)
    procs = [mp.Process(target=fill, args=(arr, i)) for i in range(5)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(arr[:], len(arr), arr[-1])  # expect: [0, 1, 4, 9, 16] 5 16
    floats = mp.Array('d', [0.5, 1.5, 2.5])
    floats[1:3] = [10.0, 20.0]
    print(floats[:], sum(floats))  # expect: [0.5, 10.0, 20.0] 30.5
    try:
        arr[0] = 1.5
    except TypeError as e:
        print("TypeError:", e)  # expect: TypeError: 'float' object cannot be interpreted as an integer
    try:
        arr[5]
    except IndexError as e:
        print("IndexError:", e)  # expect: IndexError: invalid index

    event = mp.Event()
    out = mp.Queue()
    p = mp.Process(target=wait_then_report, args=(event, out))
    p.start()
    print(out.get(timeout=10))  # expect: ('started', False)
    event.set()
    print(out.get(timeout=10))  # expect: ('woken', True)
    p.join()
    print(event.is_set(), event.wait(0))  # expect: True True
    event.clear()
    print(event.wait(0.01))  # expect: False

    shared = mp.Lock()
    held, release = mp.Event(), mp.Event()
    p = mp.Process(target=hold, args=(shared, held, release))
    p.start()
    held.wait(10)
    print(shared.acquire(timeout=0.05), shared)  # expect: False <Lock(owner=SomeOtherProcess)>
    release.set()
    print(shared.acquire(timeout=10), shared)  # expect: True <Lock(owner=MainProcess)>
    shared.release()
    p.join()

    r = mp.RLock()
    with r:
        with r:
            print(r)  # expect: <RLock(MainProcess, 2)>
    print(r)  # expect: <RLock(None, 0)>
    s = mp.BoundedSemaphore(2)
    print(s.acquire(), s.acquire(), s.acquire(False), s)  # expect: True True False <BoundedSemaphore(value=0, maxvalue=2)>
    s.release()
    s.release()
    try:
        s.release()
    except ValueError as e:
        print("ValueError:", e)  # expect: ValueError: semaphore or lock released too many times
