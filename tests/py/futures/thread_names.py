# Worker threads are started on demand, at most max_workers, named
# '<prefix>_<n>' with the prefix 'ThreadPoolExecutor-<pool number>' unless
# given; they are non-daemon threads.
import threading
import concurrent.futures as cf


def my_name():
    return threading.current_thread().name


gate = threading.Event()
started = threading.Semaphore(0)


def hold():
    started.release()
    gate.wait()
    return my_name()


ex1 = cf.ThreadPoolExecutor(max_workers=3)
print(len(ex1._threads))  # expect: 0
fs = [ex1.submit(hold), ex1.submit(hold)]
started.acquire()
started.acquire()
print(len(ex1._threads))  # expect: 2
gate.set()
print(sorted(f.result() for f in fs))  # expect: ['ThreadPoolExecutor-0_0', 'ThreadPoolExecutor-0_1']
print([t.daemon for t in ex1._threads])  # expect: [False, False]
ex1.shutdown()

# Ten blocked calls on a pool of four: four threads, the rest queue.
gate = threading.Event()
with cf.ThreadPoolExecutor(max_workers=4, thread_name_prefix="fetch") as ex2:
    fs = [ex2.submit(hold) for _ in range(10)]
    for _ in range(4):
        started.acquire()
    print(len(ex2._threads), sum(f.running() for f in fs))  # expect: 4 4
    gate.set()
print(sorted(set(f.result() for f in fs)))  # expect: ['fetch_0', 'fetch_1', 'fetch_2', 'fetch_3']

# Only pools without a prefix take a number: this is number 1.
with cf.ThreadPoolExecutor(max_workers=1) as ex3:
    print(ex3.submit(my_name).result())  # expect: ThreadPoolExecutor-1_0


# The counter is a class attribute holding a bound built-in method
# (itertools.count().__next__): reading it through an instance must not
# bind it a second time (a gilvm regression).
class Numbered:
    next_id = iter(range(100)).__next__
    append_to = [].append


n = Numbered()
print(n.next_id(), Numbered.next_id(), n.next_id())  # expect: 0 1 2
n.append_to("x")
print(Numbered.append_to.__self__)  # expect: ['x']
