# Process: names, start/join, exitcode for a normal return, sys.exit(n),
# os._exit(n), an uncaught exception, and signals (negative numbers).
import multiprocessing as mp
import os
import signal
import sys
import time


def hello(greeting, name="world"):
    print(greeting, name, mp.current_process().name, flush=True)


def fail():
    raise ValueError("bad value in child")


def kill_self():
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    print(mp.current_process().name)  # expect: MainProcess
    p = mp.Process(target=hello, args=("hello",), kwargs={"name": "gilvm"})
    print(p.name, p.exitcode, p.is_alive(), p.pid)  # expect: Process-1 None False None
    p.start()
    p.join()  # expect: hello gilvm Process-1
    print(p.exitcode, p.is_alive(), p.pid > 0)  # expect: 0 False True

    cases = [(sys.exit, (3,)), (sys.exit, (None,)), (os._exit, (7,)), (fail, ()), (kill_self, ())]
    for target, args in cases:
        q = mp.Process(target=target, args=args)
        q.start()
        q.join()
        print(q.name, q.exitcode)
    # expect: Process-2 3
    # expect: Process-3 0
    # expect: Process-4 7
    # expect: Process-5 1
    # expect: Process-6 -9

    sleeper = mp.Process(target=time.sleep, args=(30,), name="sleeper", daemon=True)
    sleeper.start()
    sleeper.join(0.05)
    print(sleeper.name, sleeper.daemon, sleeper.is_alive(), sleeper.exitcode)  # expect: sleeper True True None
    sleeper.terminate()
    sleeper.join()
    print(sleeper.exitcode, "exitcode=-SIGTERM" in repr(sleeper))  # expect: -15 True
    other = mp.Process(target=time.sleep, args=(30,))
    other.start()
    other.kill()
    other.join()
    print(other.exitcode, mp.active_children())  # expect: -9 []
    try:
        other.start()
    except AssertionError as e:
        print("AssertionError:", e)  # expect: AssertionError: cannot start a process twice
# The child's traceback goes to stderr, headed by the process name.
# expect-error: Process Process-5:
# expect-error: ValueError: bad value in child
# expect-exit: 0
