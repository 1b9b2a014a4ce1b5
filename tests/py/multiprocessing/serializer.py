# Values between processes go through pickle: every supported type makes
# the round trip through a Queue, a Pipe and pickle itself, and what cannot
# be pickled fails with pickle's errors.
import multiprocessing as mp
import pickle
import _thread


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Slotted:
    def __init__(self, v):
        self.v = v

    def __getstate__(self):
        return {"v": self.v * 2}

    def __setstate__(self, state):
        self.v = state["v"] + 1


class AppError(Exception):
    pass


VALUES = [None, True, False, 0, -7, 2 ** 200, -(3 ** 100), 1.25, float("inf"), -0.0, "",
          "naïve ☃", b"\x00\xffraw", bytearray(b"ba"), [1, [2, [3]]], (1, ("a", b"b")), {"k": [1], 2: None},
          {1, 2, 3}, frozenset({"f"}), range(2, 20, 3), Point(1, [2, 3]), {"nested": Point(0, 0)},
          len, Point, ValueError]


def echo_all(conn, q):
    for _ in range(len(VALUES)):
        q.put(conn.recv())
    q.put(AppError("worker failed", 42))
    q.put(KeyError("missing"))


if __name__ == "__main__":
    for v in VALUES:
        back = pickle.loads(pickle.dumps(v))
        print(type(back).__name__, back == v)
    # expect: NoneType True
    # expect: bool True
    # expect: bool True
    # expect: int True
    # expect: int True
    # expect: int True
    # expect: int True
    # expect: float True
    # expect: float True
    # expect: float True
    # expect: str True
    # expect: str True
    # expect: bytes True
    # expect: bytearray True
    # expect: list True
    # expect: tuple True
    # expect: dict True
    # expect: set True
    # expect: frozenset True
    # expect: range True
    # expect: Point True
    # expect: dict True
    # expect: builtin_function_or_method True
    # expect: type True
    # expect: type True
    a, b = mp.Pipe()
    q = mp.Queue()
    p = mp.Process(target=echo_all, args=(b, q))
    p.start()
    for v in VALUES:
        a.send(v)
    back = [q.get(timeout=10) for _ in VALUES]
    print(back == VALUES)  # expect: True
    print(back[6], back[20])  # expect: -515377520732011331036461129765621272702107522001 Point(1, [2, 3])
    err = q.get(timeout=10)
    print(type(err).__name__, err.args, str(err))  # expect: AppError ('worker failed', 42) ('worker failed', 42)
    print(repr(q.get(timeout=10)))  # expect: KeyError('missing')
    p.join()

    s = pickle.loads(pickle.dumps(Slotted(5)))
    print(s.v)  # expect: 11
    shared = [1]
    pair = pickle.loads(pickle.dumps([shared, shared]))
    print(pair[0] is pair[1])  # expect: True
    loop = []
    loop.append(loop)
    again = pickle.loads(pickle.dumps(loop))
    print(again[0] is again)  # expect: True

    def numbers():
        yield 1

    def make_local():
        def local():
            pass
        return local

    for bad in [numbers(), _thread.allocate_lock(), lambda: 0, make_local(), mp.Lock()]:
        try:
            pickle.dumps(bad)
        except Exception as e:
            print(type(e).__name__, str(e).split(" at 0x")[0])
    # expect: TypeError cannot pickle 'generator' object
    # expect: TypeError cannot pickle '_thread.lock' object
    # expect: PicklingError Can't pickle <function <lambda>
    # expect: AttributeError Can't pickle local object 'make_local.<locals>.local'
    # expect: RuntimeError Lock objects should only be shared between processes through inheritance
