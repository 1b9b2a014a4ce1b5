# multiprocessing.pool.ThreadPool and multiprocessing.dummy: the Pool and
# Process interface over threads of this process.
from multiprocessing.pool import ThreadPool
from multiprocessing.dummy import Pool as DPool, Process, Queue, Pipe, Value
import multiprocessing.dummy as dummy
import threading


def sq(x):
    return x * x


def fail(x):
    if x == 2:
        raise KeyError(x)
    return x


def in_worker(_):
    return threading.current_thread() is not threading.main_thread()


def init(tag):
    threading.current_thread().tag = tag


def tagged(_):
    return threading.current_thread().tag


if __name__ == "__main__":
    with ThreadPool(3) as p:
        print(p.map(sq, range(8)))  # expect: [0, 1, 4, 9, 16, 25, 36, 49]
        print(p.starmap(pow, [(2, 5), (3, 3)]))  # expect: [32, 27]
        print(p.apply(sq, (9,)), p.apply_async(sq, (4,)).get(2))  # expect: 81 16
        print(list(p.imap(sq, range(4))), sorted(p.imap_unordered(sq, range(4))))  # expect: [0, 1, 4, 9] [0, 1, 4, 9]
        try:
            p.map(fail, range(4))
        except KeyError as e:
            print("KeyError", e)  # expect: KeyError 2
        print(all(p.map(in_worker, range(6))))  # expect: True
        r = p.map_async(sq, [5, 6], callback=lambda v: print("callback", v))
        r.wait(5)  # expect: callback [25, 36]
    p = ThreadPool(2, initializer=init, initargs=("t",))
    print(set(p.map(tagged, range(10))))  # expect: {'t'}
    p.close()
    p.join()
    try:
        p.apply(sq, (1,))
    except ValueError as e:
        print("ValueError", e)  # expect: ValueError Pool not running
    p = DPool(2)
    print(p.map(sq, [1, 2, 3]))  # expect: [1, 4, 9]
    p.close()
    p.join()
    q = Queue()
    t = Process(target=q.put, args=("from thread",))
    print(t.exitcode)  # expect: None
    t.start()
    t.join()
    print(q.get(), t.exitcode)  # expect: from thread 0
    a, b = Pipe()
    a.send([1, 2])
    print(b.poll(), b.recv(), b.poll(0.01))  # expect: True [1, 2] False
    v = Value('i', 3)
    v.value += 1
    print(v.value, dummy.active_children())  # expect: 4 []
