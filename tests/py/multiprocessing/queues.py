# multiprocessing.Queue between processes: put/get, get(timeout) raising
# queue.Empty, put(timeout) on a full queue raising queue.Full, empty(),
# several producers, and more data than a pipe holds.
import multiprocessing as mp
import queue


def produce(q, start, n):
    for i in range(start, start + n):
        q.put(i)


def big(q):
    q.put("x" * 200000)
    q.put(list(range(20000)))


if __name__ == "__main__":
    q = mp.Queue()
    print(q.empty())  # expect: True
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("Empty")  # expect: Empty
    try:
        q.get_nowait()
    except queue.Empty:
        print("Empty again")  # expect: Empty again
    producers = [mp.Process(target=produce, args=(q, k * 100, 50)) for k in range(3)]
    for p in producers:
        p.start()
    got = [q.get(timeout=10) for _ in range(150)]
    for p in producers:
        p.join()
    print(len(got), sum(got), [p.exitcode for p in producers])  # expect: 150 18675 [0, 0, 0]
    q.put({"after": (1, 2)})
    print(q.get(timeout=10))  # expect: {'after': (1, 2)}

    p = mp.Process(target=big, args=(q,))
    p.start()
    print(len(q.get(timeout=10)), sum(q.get(timeout=10)))  # expect: 200000 199990000
    p.join()
    print(p.exitcode)  # expect: 0

    small = mp.Queue(maxsize=2)
    small.put(1)
    small.put(2)
    print(small.full())  # expect: True
    try:
        small.put(3, timeout=0.05)
    except queue.Full:
        print("Full")  # expect: Full
    print(small.get(timeout=10), small.get(timeout=10))  # expect: 1 2
