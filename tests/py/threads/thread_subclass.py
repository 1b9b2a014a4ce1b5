import threading


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i


workers = [Counter(n) for n in (10, 100, 1000)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.total for w in workers])  # expect: [45, 4950, 499500]
print(all(not w.is_alive() for w in workers))  # expect: True


class Named(threading.Thread):
    def run(self):
        print("running", self.name)


t = Named(name="sub")
t.start()
t.join()
# expect: running sub


# run() may be called directly: then it runs in the calling thread.
class Where(threading.Thread):
    def run(self):
        self.where = threading.current_thread().name


w = Where()
w.run()
print(w.where)  # expect: MainThread
