# An event loop over selectors, the way Python programmers write one: four
# client threads send requests down pipes and wait for each answer; one
# loop, with no threads of its own, reads every request pipe, answers
# through the reply pipes (registered for EVENT_WRITE only while it has
# something to send) and stops when every client has hung up. It runs
# over each selector class; the answers do not depend on timing.
import os
import selectors
import threading
from selectors import EVENT_READ, EVENT_WRITE

CLIENTS = 4
REQUESTS = 6


def client(number, requests, replies, answers):
    """Sends REQUESTS numbers, one at a time, waiting for each answer."""
    pending = b""
    for j in range(REQUESTS):
        os.write(requests, b"%d\n" % (number * 100 + j))
        while b"\n" not in pending:
            pending += os.read(replies, 100)
        line, pending = pending.split(b"\n", 1)
        answers.append(int(line))
    os.close(requests)


class Connection:
    """The loop's side of one client: request pipe in, reply pipe out."""

    def __init__(self, name, requests, replies):
        self.name = name
        self.requests = requests
        self.replies = replies
        self.inbox = b""
        self.outbox = b""
        self.served = 0


def serve(sel, connections):
    open_count = len(connections)
    for c in connections:
        sel.register(c.requests, EVENT_READ, c)
    while open_count:
        for key, events in sel.select(timeout=5):
            c = key.data
            if key.fd == c.requests:
                chunk = os.read(c.requests, 4096)
                if not chunk:
                    sel.unregister(c.requests)
                    os.close(c.requests)
                    open_count -= 1
                    continue
                c.inbox += chunk
                while b"\n" in c.inbox:
                    line, c.inbox = c.inbox.split(b"\n", 1)
                    n = int(line)
                    was_empty = not c.outbox
                    c.outbox += b"%d\n" % (n * n)
                    c.served += 1
                    if was_empty:
                        sel.register(c.replies, EVENT_WRITE, c)
            elif events & EVENT_WRITE:
                sent = os.write(c.replies, c.outbox)
                c.outbox = c.outbox[sent:]
                if not c.outbox:
                    sel.unregister(c.replies)
    return sum(c.served for c in connections)


for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector,
            selectors.DefaultSelector):
    connections, threads, answers = [], [], {}
    for i in range(CLIENTS):
        req_r, req_w = os.pipe()
        rep_r, rep_w = os.pipe()
        connections.append(Connection("client%d" % i, req_r, rep_w))
        answers[i] = []
        threads.append(threading.Thread(target=client, args=(i, req_w, rep_r, answers[i])))
        threads[-1].rep_r = rep_r
    for t in threads:
        t.start()
    with cls() as sel:
        served = serve(sel, connections)
        left = len(sel.get_map())
    for t in threads:
        t.join()
        os.close(t.rep_r)
    for c in connections:
        os.close(c.replies)
    print(cls.__name__, served, left)
    for i in range(CLIENTS):
        print(" ", answers[i])
# expect: SelectSelector 24 0
# expect:   [0, 1, 4, 9, 16, 25]
# expect:   [10000, 10201, 10404, 10609, 10816, 11025]
# expect:   [40000, 40401, 40804, 41209, 41616, 42025]
# expect:   [90000, 90601, 91204, 91809, 92416, 93025]
# expect: PollSelector 24 0
# expect:   [0, 1, 4, 9, 16, 25]
# expect:   [10000, 10201, 10404, 10609, 10816, 11025]
# expect:   [40000, 40401, 40804, 41209, 41616, 42025]
# expect:   [90000, 90601, 91204, 91809, 92416, 93025]
# expect: EpollSelector 24 0
# expect:   [0, 1, 4, 9, 16, 25]
# expect:   [10000, 10201, 10404, 10609, 10816, 11025]
# expect:   [40000, 40401, 40804, 41209, 41616, 42025]
# expect:   [90000, 90601, 91204, 91809, 92416, 93025]
# expect: EpollSelector 24 0
# expect:   [0, 1, 4, 9, 16, 25]
# expect:   [10000, 10201, 10404, 10609, 10816, 11025]
# expect:   [40000, 40401, 40804, 41209, 41616, 42025]
# expect:   [90000, 90601, 91204, 91809, 92416, 93025]
