import threading

fired = []
t = threading.Timer(0.02, fired.append, args=["fired"])
t.start()
t.join()
print(fired)  # expect: ['fired']

c = threading.Timer(10, fired.append, args=["never"])
c.start()
c.cancel()
c.join()
print(fired, c.is_alive())  # expect: ['fired'] False

kw = threading.Timer(0, lambda **k: fired.append(sorted(k)), kwargs={"b": 1, "a": 2})
kw.start()
kw.join()
print(fired[-1])  # expect: ['a', 'b']
print(isinstance(kw, threading.Thread), kw.name.startswith("Thread-"))  # expect: True True
