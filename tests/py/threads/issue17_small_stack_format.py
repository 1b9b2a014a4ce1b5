# Issue 17: __format__ that recurses, in threads with small stacks.
# python3-differs: CPython 3.11 overflows a 512 KiB thread stack here (segmentation fault); gilvm raises RecursionError
import threading


class F:
    def __format__(self, spec):
        return format(self, spec)


def run(out):
    try:
        format(F(), "")
        out.append("no error")
    except RecursionError:
        out.append("RecursionError")


for kib in (512, 768, 1024, 2048):
    threading.stack_size(kib * 1024)
    out = []
    t = threading.Thread(target=run, args=(out,))
    t.start()
    t.join()
    print(kib, out)
# expect: 512 ['RecursionError']
# expect: 768 ['RecursionError']
# expect: 1024 ['RecursionError']
# expect: 2048 ['RecursionError']
