# queue.SimpleQueue shared by four producers and four consumers: every item
# arrives exactly once (gilvm's deque is Python code, so the queue must
# guard it; a lost or doubled item shows in the totals).
import queue
import threading

q = queue.SimpleQueue()
N = 5000
got = [[] for _ in range(4)]


def produce(base):
    for i in range(N):
        q.put(base + i)


def consume(out):
    while True:
        item = q.get()
        if item is None:
            return
        out.append(item)


consumers = [threading.Thread(target=consume, args=(got[i],)) for i in range(4)]
producers = [threading.Thread(target=produce, args=(k * N,)) for k in range(4)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
items = sorted(x for part in got for x in part)
print(len(items), items == list(range(4 * N)))  # expect: 20000 True
print(q.empty(), q.qsize())  # expect: True 0
