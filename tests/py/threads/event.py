import threading

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))  # expect: False False
log = []


def waiter(i):
    ev.wait()
    log.append(i)


threads = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
ev.set()
for t in threads:
    t.join()
print(sorted(log), ev.is_set(), ev.wait(), ev.wait(0))  # expect: [0, 1, 2, 3, 4] True True True
ev.clear()
print(ev.is_set(), ev.wait(0))  # expect: False False

# Ping-pong between two threads with two events.
ping, pong = threading.Event(), threading.Event()
trace = []


def player():
    for i in range(3):
        ping.wait()
        ping.clear()
        trace.append("pong%d" % i)
        pong.set()


t = threading.Thread(target=player)
t.start()
for i in range(3):
    trace.append("ping%d" % i)
    ping.set()
    pong.wait()
    pong.clear()
t.join()
print(" ".join(trace))  # expect: ping0 pong0 ping1 pong1 ping2 pong2
