import threading

release = threading.Event()


def blocked():
    release.wait()


t = threading.Thread(target=blocked)
t.start()
t.join(0.05)
print(t.is_alive())  # expect: True
t.join(timeout=0)
print(t.is_alive())  # expect: True
t.join(-1)
print(t.is_alive())  # expect: True
release.set()
t.join(10)
print(t.is_alive())  # expect: False
t.join()
t.join(0)
print("joined again")  # expect: joined again
