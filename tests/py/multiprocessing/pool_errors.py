# Errors in pool workers come back to the parent with their type and
# message; values that cannot be pickled fail with pickle's errors;
# get(timeout) raises multiprocessing.TimeoutError.
import multiprocessing as mp
import pickle
import time


class BudgetError(Exception):
    pass


def check(x):
    if x == 3:
        raise KeyError("three")
    return x


def spend(amount):
    if amount > 10:
        raise BudgetError(f"over budget by {amount - 10}", amount)
    return amount


def numbers():
    yield 1


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        try:
            pool.map(check, range(6))
        except KeyError as e:
            print("KeyError", e)  # expect: KeyError 'three'
        try:
            pool.apply(spend, (25,))
        except BudgetError as e:
            print(type(e).__name__, e.args)  # expect: BudgetError ('over budget by 15', 25)
        errors = []
        r = pool.apply_async(spend, (11,), error_callback=errors.append)
        r.wait(10)
        print(r.ready(), r.successful(), errors)  # expect: True False [BudgetError('over budget by 1', 11)]
        try:
            r.get()
        except BudgetError as e:
            print("again:", e)  # expect: again: ('over budget by 1', 11)
        it = pool.imap(check, [1, 3, 5])
        print(next(it))  # expect: 1
        try:
            next(it)
        except KeyError as e:
            print("imap KeyError", e)  # expect: imap KeyError 'three'
        print(next(it))  # expect: 5
        try:
            pool.map(lambda x: x, [1, 2])
        except pickle.PicklingError as e:
            print("PicklingError", "attribute lookup <lambda> on __main__ failed" in str(e))  # expect: PicklingError True
        try:
            pool.apply(check, (numbers(),))
        except TypeError as e:
            print("TypeError:", e)  # expect: TypeError: cannot pickle 'generator' object
        slow = pool.apply_async(time.sleep, (0.5,))
        try:
            slow.get(timeout=0.01)
        except mp.TimeoutError:
            print("timed out", slow.ready())  # expect: timed out False
        try:
            slow.successful()
        except ValueError:
            print("not ready")  # expect: not ready
        print(pool.map(check, [0, 1, 2]))  # expect: [0, 1, 2]
