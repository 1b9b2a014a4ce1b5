# ProcessPoolExecutor: calls run in other processes; results, map in order
# with and without chunks, exceptions with their type, message and
# attributes (and the worker's traceback as __cause__), and calls or
# results that cannot be pickled failing their own future only.
import os
import concurrent.futures as cf


class LimitError(Exception):
    # Rebuilt from its args after the trip back, so args must fit __init__.
    def __init__(self, value, limit):
        super().__init__(value, limit)
        self.limit = limit

    def __str__(self):
        return f"{self.args[0]} is over {self.limit}"


def square(x):
    return x * x


def checked(x):
    if x > 5:
        raise LimitError(x, 5)
    return x


def lookup(key):
    return {"a": 1}[key]


def pid_of(_):
    return os.getpid()


def make_generator():
    return (i for i in range(3))


if __name__ == "__main__":
    with cf.ProcessPoolExecutor(max_workers=2) as ex:
        print(ex.submit(square, 12).result())  # expect: 144
        print(ex.submit(pow, 2, 70).result())  # expect: 1180591620717411303424
        print(ex.submit(pid_of, 0).result() != os.getpid())  # expect: True
        print(list(ex.map(square, range(10))))  # expect: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
        print(list(ex.map(square, range(10), chunksize=4)))  # expect: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
        print(list(ex.map(pow, [2, 3, 4], [3, 3, 3, 3], chunksize=2)))  # expect: [8, 27, 64]
        print(list(ex.map(square, [], chunksize=3)))  # expect: []

        f = ex.submit(checked, 9)
        try:
            f.result()
        except LimitError as e:
            print(type(e).__name__, e, e.limit)  # expect: LimitError 9 is over 5 5
            cause = e.__cause__
            print(type(cause).__name__)  # expect: _RemoteTraceback
            print('raise LimitError(x, 5)' in str(cause), 'LimitError: 9 is over 5' in str(cause))  # expect: True True
        try:
            ex.submit(lookup, "b").result()
        except KeyError as e:
            print("KeyError", e)  # expect: KeyError 'b'

        # map raises when it reaches the failing chunk, after the chunks before it.
        got = []
        try:
            for value in ex.map(checked, range(10), chunksize=3):
                got.append(value)
        except LimitError as e:
            print(got, e)  # expect: [0, 1, 2, 3, 4, 5] 6 is over 5

        # A lambda cannot be pickled to reach a worker; a generator cannot
        # be pickled to come back.
        try:
            ex.submit(lambda: 1).result()
        except Exception as e:
            print(type(e).__name__, "attribute lookup <lambda> on __main__ failed" in str(e))  # expect: PicklingError True
        try:
            ex.submit(make_generator).result()
        except TypeError as e:
            print(e)  # expect: cannot pickle 'generator' object
        print(ex.submit(square, 3).result())  # expect: 9

        try:
            ex.map(square, [1], chunksize=0)
        except ValueError as e:
            print(e)  # expect: chunksize must be >= 1.

    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print(e)  # expect: cannot schedule new futures after shutdown

    for kwargs in ({"max_workers": 0}, {"max_tasks_per_child": 0},
                   {"max_tasks_per_child": "1"}, {"initializer": 5}):
        try:
            cf.ProcessPoolExecutor(**kwargs)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    # expect: ValueError max_workers must be greater than 0
    # expect: ValueError max_tasks_per_child must be >= 1
    # expect: TypeError max_tasks_per_child must be an integer
    # expect: TypeError initializer must be a callable
    import multiprocessing
    try:
        cf.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), max_tasks_per_child=1)
    except ValueError as e:
        print(e)  # expect: max_tasks_per_child is incompatible with the 'fork' multiprocessing start method; supply a different mp_context.
