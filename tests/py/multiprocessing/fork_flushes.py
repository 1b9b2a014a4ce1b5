# python3-differs: CPython's os.fork does not flush, so its child prints "before" again
# os.fork flushes stdout first: a child that exits normally (running the
# interpreter's exit sequence) does not write the parent's buffered output
# a second time.
import os
import sys

print("before")  # expect: before
pid = os.fork()
if pid == 0:
    print("in child")
    sys.exit(3)
_, status = os.waitpid(pid, 0)
print(os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
# expect: in child
# expect: True 3 3
