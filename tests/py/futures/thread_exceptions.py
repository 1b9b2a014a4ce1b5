# What a call raises comes back from result() with its type, message and
# attributes, and from exception() as the same object; SystemExit and
# KeyboardInterrupt raised by a call are results too, not the worker's end.
from concurrent.futures import ThreadPoolExecutor


class QuotaError(Exception):
    def __init__(self, user, used):
        super().__init__(f"{user} used {used}")
        self.user = user


def fail(kind):
    if kind == "quota":
        raise QuotaError("ann", 12)
    if kind == "key":
        return {}["missing"]
    if kind == "exit":
        raise SystemExit(4)
    if kind == "interrupt":
        raise KeyboardInterrupt
    raise FileNotFoundError(2, "No such file or directory", "f.txt")


with ThreadPoolExecutor(max_workers=2) as ex:
    for kind in ("quota", "key", "os", "exit", "interrupt"):
        f = ex.submit(fail, kind)
        try:
            f.result()
        except BaseException as e:
            print(type(e).__name__, repr(str(e)), e is f.exception())
    # expect: QuotaError 'ann used 12' True
    # expect: KeyError "'missing'" True
    # expect: FileNotFoundError "[Errno 2] No such file or directory: 'f.txt'" True
    # expect: SystemExit '4' True
    # expect: KeyboardInterrupt '' True
    print(ex.submit(fail, "quota").exception().user)  # expect: ann
    # The workers survived all of that.
    print(ex.submit(sum, [1, 2, 3]).result())  # expect: 6

# An exception escaping the with-statement still waits for the calls.
done = []
try:
    with ThreadPoolExecutor(max_workers=1) as ex:
        ex.submit(done.append, "ran")
        raise RuntimeError("body failed")
except RuntimeError as e:
    print(e, done)  # expect: body failed ['ran']
