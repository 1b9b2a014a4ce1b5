# Pool: map, starmap, apply, apply_async with get(timeout), map_async with a
# callback, imap, imap_unordered, close/join, the context manager, and the
# default size (cpu_count()).
import multiprocessing as mp
import os


def square(x):
    return x * x


def power(base, exp):
    return base ** exp


def describe(x, sep="-"):
    return sep.join([str(x)] * 2)


def worker_name(_):
    return mp.current_process().name.startswith("ForkPoolWorker-")


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(square, range(10)))  # expect: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
        print(pool.map(square, []))  # expect: []
        print(pool.map(square, range(7), chunksize=3))  # expect: [0, 1, 4, 9, 16, 25, 36]
        print(pool.starmap(power, [(2, 10), (3, 3), (10, 20)]))  # expect: [1024, 27, 100000000000000000000]
        print(pool.apply(describe, (5,), {"sep": "+"}))  # expect: 5+5
        result = pool.apply_async(square, (12,))
        print(result.get(timeout=10), result.ready(), result.successful())  # expect: 144 True True
        collected = []
        mapped = pool.map_async(square, [1, 2, 3], callback=collected.append)
        mapped.wait(10)
        print(mapped.get(), collected)  # expect: [1, 4, 9] [[1, 4, 9]]
        print(list(pool.imap(square, range(6))))  # expect: [0, 1, 4, 9, 16, 25]
        print(list(pool.imap(square, range(6), chunksize=4)))  # expect: [0, 1, 4, 9, 16, 25]
        print(sorted(pool.imap_unordered(square, range(6))))  # expect: [0, 1, 4, 9, 16, 25]
        print(set(pool.map(worker_name, range(8))))  # expect: {True}

    pool = mp.Pool()
    print(pool._processes == os.cpu_count() == mp.cpu_count())  # expect: True
    print(pool.map(len, ["a", "bb", "ccc"]))  # expect: [1, 2, 3]
    pool.close()
    try:
        pool.map(square, [1])
    except ValueError as e:
        print("ValueError:", e)  # expect: ValueError: Pool not running
    pool.join()
    print(mp.active_children())  # expect: []
