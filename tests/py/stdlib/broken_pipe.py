# Writing to a pipe nobody reads: SIGPIPE is ignored (as by CPython), so the
# write raises BrokenPipeError instead of killing the process.
import os

r, w = os.pipe()
os.close(r)
try:
    os.write(w, b"hello")
except BrokenPipeError as e:
    print(type(e).__name__, e.errno, isinstance(e, ConnectionError))  # expect: BrokenPipeError 32 True
os.close(w)
print("still running")  # expect: still running
