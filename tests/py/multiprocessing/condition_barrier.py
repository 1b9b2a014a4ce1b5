# multiprocessing.Condition and Barrier between forked processes: waiting
# and notifying, wait_for with a shared value, timeouts, notify_all, a
# barrier round with an action and its indexes, and a broken barrier.
import multiprocessing as mp
import threading


def consumer(cond, ready, box, out):
    with cond:
        ready.release()
        ok = cond.wait_for(lambda: box.value > 0, timeout=10)
        out.put(("consumer saw", box.value, ok))


def sleeper(cond, ready, results, i):
    with cond:
        ready.release()
        results.put((i, cond.wait(10)))


def at_barrier(barrier, out, i):
    index = barrier.wait(10)
    out.put(index)


def late(barrier, out):
    try:
        barrier.wait(0.2)
        out.put("passed")
    except threading.BrokenBarrierError:
        out.put("broken")


if __name__ == "__main__":
    cond = mp.Condition()
    ready = mp.Semaphore(0)
    box = mp.Value("i", 0)
    out = mp.Queue()
    p = mp.Process(target=consumer, args=(cond, ready, box, out))
    p.start()
    ready.acquire()
    with cond:
        box.value = 42
        cond.notify()
    print(out.get(timeout=10))  # expect: ('consumer saw', 42, True)
    p.join()

    with cond:
        print(cond.wait(0.05))  # expect: False

    results = mp.Queue()
    ps = [mp.Process(target=sleeper, args=(cond, ready, results, i)) for i in range(3)]
    for q in ps:
        q.start()
    for _ in ps:
        ready.acquire()
    with cond:  # every sleeper is waiting once it has released the lock
        cond.notify_all()
    print(sorted(results.get(timeout=10) for _ in ps))  # expect: [(0, True), (1, True), (2, True)]
    for q in ps:
        q.join()

    plain = mp.Condition(mp.Lock())
    with plain:
        print(plain.wait_for(lambda: True))  # expect: True
    try:
        plain.notify()
    except AssertionError as e:
        print("AssertionError:", e)  # expect: AssertionError: lock is not owned

    actions = mp.Value("i", 0)

    def action():
        actions.value += 1

    barrier = mp.Barrier(3, action=action)
    print(barrier.parties, barrier.n_waiting, barrier.broken)  # expect: 3 0 False
    ps = [mp.Process(target=at_barrier, args=(barrier, out, i)) for i in range(2)]
    for q in ps:
        q.start()
    mine = barrier.wait(10)
    got = sorted([out.get(timeout=10) for _ in ps] + [mine])
    for q in ps:
        q.join()
    print(got, actions.value)  # expect: [0, 1, 2] 1

    b2 = mp.Barrier(2)
    q = mp.Process(target=late, args=(b2, out))
    q.start()
    q.join()
    print(out.get(timeout=10), b2.broken)  # expect: broken True
