import threading

data = threading.local()
data.x = "main"
seen = {}


def worker(name):
    print_missing = not hasattr(data, "x")
    data.x = name
    seen[name] = (print_missing, data.x, sorted(data.__dict__))


threads = [threading.Thread(target=worker, args=("t%d" % i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen.items()))  # expect: [('t0', (True, 't0', ['x'])), ('t1', (True, 't1', ['x'])), ('t2', (True, 't2', ['x']))]
print(data.x, data.__dict__)  # expect: main {'x': 'main'}
del data.x
print(hasattr(data, "x"))  # expect: False
try:
    del data.x
except AttributeError:
    print("AttributeError")  # expect: AttributeError

# A thread started after another one ended starts with fresh values.
def first():
    data.y = 1


def second():
    seen["second"] = hasattr(data, "y")


for f in (first, second):
    t = threading.Thread(target=f)
    t.start()
    t.join()
print(seen["second"])  # expect: False


# A subclass: __init__ runs again in each thread; methods and class attributes work.
class Counter(threading.local):
    initial = 100

    def __init__(self, start):
        self.count = start

    def bump(self):
        self.count += 1
        return self.count


c = Counter(5)
c.bump()
results = []


def use():
    results.append((c.bump(), c.bump(), c.initial))
    c.initial = 7
    results.append(c.initial)


t = threading.Thread(target=use)
t.start()
t.join()
print(results, c.count, c.initial)  # expect: [(6, 7, 100), 7] 6 100

try:
    threading.local(1)
except TypeError as e:
    print(e)  # expect: Initialization arguments are not supported
