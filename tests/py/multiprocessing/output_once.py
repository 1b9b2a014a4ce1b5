# Output buffered in the parent before a fork is written once, not once
# more by each child (stdout is a pipe here, so it is block-buffered).
import multiprocessing as mp
import sys


def child(n):
    print("child", n)
    sys.stdout.write("no newline from %d\n" % n)


if __name__ == "__main__":
    print("parent before")  # expect: parent before
    sys.stderr.write("to stderr\n")
    for n in range(3):
        print("starting", n)
        p = mp.Process(target=child, args=(n,))
        p.start()
        p.join()
    # expect: starting 0
    # expect: child 0
    # expect: no newline from 0
    # expect: starting 1
    # expect: child 1
    # expect: no newline from 1
    # expect: starting 2
    # expect: child 2
    # expect: no newline from 2
    print("parent after")  # expect: parent after
# expect-error: to stderr
# expect-exit: 0
