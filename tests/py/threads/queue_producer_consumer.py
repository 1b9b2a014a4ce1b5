import queue
import threading

q = queue.Queue(maxsize=3)
results = []
STOP = object()


def producer(start):
    for i in range(start, start + 50):
        q.put(i)


def consumer():
    while True:
        item = q.get()
        if item is STOP:
            q.task_done()
            break
        results.append(item * 2)
        q.task_done()


producers = [threading.Thread(target=producer, args=(k * 100,)) for k in range(3)]
consumers = [threading.Thread(target=consumer) for _ in range(2)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
q.join()
print(len(results), sum(results))  # expect: 150 37350
for _ in consumers:
    q.put(STOP)
for t in consumers:
    t.join()
print(q.qsize(), q.empty(), q.full(), q.unfinished_tasks)  # expect: 0 True False 0

# A pipeline: stage one squares, stage two collects; order is kept with one worker each.
inbox, outbox = queue.Queue(), queue.Queue()


def square():
    while (n := inbox.get()) is not None:
        outbox.put(n * n)
    outbox.put(None)


t = threading.Thread(target=square)
t.start()
for n in range(6):
    inbox.put(n)
inbox.put(None)
collected = []
while (n := outbox.get()) is not None:
    collected.append(n)
t.join()
print(collected)  # expect: [0, 1, 4, 9, 16, 25]
