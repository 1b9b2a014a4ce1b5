import queue

q = queue.Queue()
for i in range(3):
    q.put(i)
print([q.get() for _ in range(3)])  # expect: [0, 1, 2]

lq = queue.LifoQueue()
for i in range(3):
    lq.put(i)
print([lq.get() for _ in range(3)])  # expect: [2, 1, 0]

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (0, "z")]:
    pq.put(item)
print([pq.get() for _ in range(4)])  # expect: [(0, 'z'), (1, 'a'), (2, 'b'), (3, 'c')]

sq = queue.SimpleQueue()
sq.put("x"); sq.put_nowait("y")
print(sq.qsize(), sq.empty(), sq.get(), sq.get_nowait(), sq.empty())  # expect: 2 False x y True

bounded = queue.Queue(2)
bounded.put_nowait(1)
bounded.put(2, block=False)
print(bounded.full(), bounded.qsize())  # expect: True 2
try:
    bounded.put_nowait(3)
except queue.Full:
    print("Full")  # expect: Full
try:
    bounded.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")  # expect: Full after timeout
print(bounded.get_nowait(), bounded.get())  # expect: 1 2
try:
    bounded.get_nowait()
except queue.Empty:
    print("Empty")  # expect: Empty
try:
    bounded.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")  # expect: Empty after timeout
try:
    bounded.get(timeout=-1)
except ValueError as e:
    print(e)  # expect: 'timeout' must be a non-negative number
bounded.put(1)
bounded.put(2)
try:
    bounded.put(3, timeout=-1)
except ValueError as e:
    print(e)  # expect: 'timeout' must be a non-negative number
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")  # expect: SimpleQueue Empty
try:
    sq.get(timeout=-1)
except ValueError as e:
    print(e)  # expect: 'timeout' must be a non-negative number

tq = queue.Queue()
tq.put(1)
tq.get()
tq.task_done()
try:
    tq.task_done()
except ValueError as e:
    print(e)  # expect: task_done() called too many times
tq.join()
print("joined")  # expect: joined
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))  # expect: True True
