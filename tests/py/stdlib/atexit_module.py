# atexit: functions run at exit, last registered first, after the non-daemon
# threads are joined; a failing one is reported and the others still run.
import atexit
import threading
import time

def bye(name, punct='!'):
    print('bye', name + punct)

print(atexit.register(bye, 'first') is bye)  # expect: True

@atexit.register
def second():
    print('second')

def gone():
    print('never printed')

atexit.register(gone)
atexit.register(gone)
atexit.unregister(gone)

def boom():
    raise ValueError('in callback')

atexit.register(boom)
atexit.register(bye, 'last', punct='?')

def worker():
    time.sleep(0.05)
    print('worker done')

threading.Thread(target=worker).start()
print('main end')  # expect: main end

# At exit: the worker is joined first, then the functions run, last first.
# expect: worker done
# expect: bye last?
# expect-error: Exception ignored in atexit callback: <function boom
# expect-error: ValueError: in callback
# expect: second
# expect: bye first!
# expect-exit: 0
