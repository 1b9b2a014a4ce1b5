# python3-differs: CPython's Queue.put pickles in a feeder thread, prints the error there and get() waits forever
# A value that cannot be pickled fails in the process that sends it, with
# an error naming its type, and never leaves the receiver waiting.
import multiprocessing as mp
import queue


def numbers():
    yield 1


if __name__ == "__main__":
    q = mp.Queue()
    try:
        q.put(numbers())
    except TypeError as e:
        print("TypeError:", e)  # expect: TypeError: cannot pickle 'generator' object
    try:
        q.put([1, mp.Lock()])
    except RuntimeError as e:
        print("RuntimeError:", e)  # expect: RuntimeError: Lock objects should only be shared between processes through inheritance
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("nothing was sent")  # expect: nothing was sent
    a, b = mp.Pipe()
    try:
        a.send(lambda: 1)
    except Exception as e:
        print(type(e).__name__)  # expect: PicklingError
    print(b.poll(0))  # expect: False
