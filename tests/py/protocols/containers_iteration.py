# __getitem__/__setitem__/__delitem__ (and slices), the old sequence
# protocol, __contains__, __iter__/__next__, __reversed__, __call__.
class Seq:
    def __init__(s): s.d = {}
    def __getitem__(s, k):
        if isinstance(k, slice): return ("slice", k.start, k.stop, k.step)
        return s.d[k]
    def __setitem__(s, k, v): print("set", k, v)
    def __delitem__(s, k): print("del", k)
q = Seq(); q.d[1] = 2
print(q[1], q[1:5], q[::2], q[1:2:3])  # expect: 2 ('slice', 1, 5, None) ('slice', None, None, 2) ('slice', 1, 2, 3)
q[1] = 2  # expect: set 1 2
q[1:3] = [1]  # expect: set slice(1, 3, None) [1]
del q[0]  # expect: del 0
del q[::2]  # expect: del slice(None, None, 2)
try:
    q[5]
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 5

class Old:
    def __getitem__(s, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Old()), 20 in Old(), [x for x in Old()], tuple(Old()), sorted(Old(), reverse=True))  # expect: [0, 10, 20] True [0, 10, 20] (0, 10, 20) [20, 10, 0]
for x in Old():
    print(x)
    # expect: 0
    # expect: 10
    # expect: 20

class Cont:
    def __contains__(s, x): return x == 5
print(5 in Cont(), 4 in Cont(), 4 not in Cont())  # expect: True False True

class It:
    def __init__(s): s.n = 0
    def __iter__(s): return s
    def __next__(s):
        s.n += 1
        if s.n > 3: raise StopIteration
        return s.n
print(list(It()), sum(It()), max(It()), sorted(It(), reverse=True), 2 in It())  # expect: [1, 2, 3] 6 3 [3, 2, 1] True
a, b, c = It(); print(a, b, c)  # expect: 1 2 3
print(*It())  # expect: 1 2 3
print(dict(zip(It(), "abc")), list(enumerate(It())))  # expect: {1: 'a', 2: 'b', 3: 'c'} [(0, 1), (1, 2), (2, 3)]
it = It()
print(next(it), next(it), next(it), next(it, "done"))  # expect: 1 2 3 done

class Rev:
    def __reversed__(s): return iter([3, 2, 1])
print(list(reversed(Rev())))  # expect: [3, 2, 1]
class RevSeq:
    def __len__(s): return 3
    def __getitem__(s, i):
        if i >= 3: raise IndexError
        return i
print(list(reversed(RevSeq())))  # expect: [2, 1, 0]

class Call:
    def __call__(s, *a, **k): return (a, k)
print(Call()(1, 2, x=3), callable(Call()), callable(Call), callable(1))  # expect: ((1, 2), {'x': 3}) True True False

class NotIter: pass
for make in (lambda: iter(NotIter()), lambda: 1 in NotIter(), lambda: NotIter()[0], lambda: NotIter()()):
    try:
        make()
    except TypeError as e:
        print(e)
        # expect: 'NotIter' object is not iterable
        # expect: argument of type 'NotIter' is not iterable
        # expect: 'NotIter' object is not subscriptable
        # expect: 'NotIter' object is not callable
