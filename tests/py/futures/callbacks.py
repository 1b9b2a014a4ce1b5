# add_done_callback: callbacks run in the order added, in the thread that
# finishes the future, or at once in the caller's thread when the future is
# already done; cancel() runs them too; an exception in one is reported on
# stderr as CPython's logger does and does not stop the others.
import threading
import concurrent.futures as cf

log = []


def shape(f):
    r = repr(f)
    return r.split(" at ")[0] + " " + r.split(" ", 3)[3]


def note(tag):
    def callback(f):
        log.append((tag, threading.current_thread().name, f.done()))
    return callback


release = threading.Event()
with cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="cb") as ex:
    f = ex.submit(release.wait)
    f.add_done_callback(note("one"))
    f.add_done_callback(note("two"))
    print(log)  # expect: []
    release.set()
    f.result()
    ex.shutdown()  # joins the worker, which ran the callbacks
print(log)  # expect: [('one', 'cb_0', True), ('two', 'cb_0', True)]

log.clear()
f.add_done_callback(note("late"))
print(log)  # expect: [('late', 'MainThread', True)]

# cancel() calls them in the cancelling thread.
log.clear()
c = cf.Future()
c.add_done_callback(note("cancelled"))
c.cancel()
c.cancel()  # already cancelled: no second call
print(log)  # expect: [('cancelled', 'MainThread', True)]


def broken(fut):
    raise ValueError("callback broke")


g = cf.Future()
g.add_done_callback(broken)
g.add_done_callback(lambda fut: print("still called:", fut.result()))
g.set_result(42)  # expect: still called: 42
# expect-error: exception calling callback for <Future at 0x
# expect-error: state=finished returned int>
# expect-error: ValueError: callback broke
g.add_done_callback(broken)  # at once, reported the same way
print("set_result did not raise")  # expect: set_result did not raise
# expect-exit: 0

# A callback can submit more work to the executor that finished the future.
results = []
chain_done = threading.Event()
with cf.ThreadPoolExecutor(max_workers=2) as ex:
    def chain(fut):
        if fut.result() < 3:
            nxt = ex.submit(lambda n: n + 1, fut.result())
            nxt.add_done_callback(chain)
        else:
            results.append(fut.result())
            chain_done.set()
    ex.submit(lambda: 0).add_done_callback(chain)
    chain_done.wait()
print(results)  # expect: [3]
