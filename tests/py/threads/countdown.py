# The seed's experiment, small: countdown split over two threads.
from threading import Thread

COUNT = 200000
done = []


def countdown(n):
    while n > 0:
        n -= 1
    done.append(n)


countdown(COUNT)
t1 = Thread(target=countdown, args=(COUNT // 2,))
t2 = Thread(target=countdown, args=(COUNT // 2,))
t1.start(); t2.start()
t1.join(); t2.join()
print(done)  # expect: [0, 0, 0]
print(t1.is_alive(), t2.is_alive())  # expect: False False

# Four threads, as in the seed's second experiment.
threads = [Thread(target=countdown, args=(COUNT // 4,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(done)  # expect: [0, 0, 0, 0, 0, 0, 0]
