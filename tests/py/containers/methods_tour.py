# list/tuple/dict/set/bytes/bytearray methods and their errors.
l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(100, 7); l.insert(-1, 9)
print(l, l.pop(), l.pop(0), l.index(2), l.count(1), len(l))
l.remove(9); l.sort(); print(l); l.reverse(); print(l); l.sort(key=lambda v: v % 3); print(l)
c = l.copy(); c.clear(); print(c, l[1:3], l[-2:], l[::-1], l[::2], l[10:], l[-100:1], l[1:-1:2])
print([1, 2] + [3], [1] * 3, [1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0], 2 in [1, 2], [[]] * 2)
print(list(range(10))[8:2:-2], [1, 2, 3][::-1], "abcdef"[1::2], (1, 2, 3)[:-1], [1, 2, 3][5:1], [0][0:0])
t = (1, 2, 2, 3)
print(t.count(2), t.index(3), t + (4,), t * 2, t[1:], (1,), (), tuple(), t == (1, 2, 2, 3), (1, 2) < (1, 2, 0), hash(()) == hash(()))
d = {"a": 1, "b": 2}
d["c"] = 3; d.update({"d": 4}, e=5); d.setdefault("f", 6); d.setdefault("a", 100)
print(d, d.get("a"), d.get("z"), d.get("z", 0), d.pop("f"), d.pop("z", None), "a" in d, 1 in d)
print(list(d.keys()), list(d.values()), list(d.items()), d.popitem(), len(d), sorted(d), {**d})
del d["a"]; print(d, d.copy() == d, dict.fromkeys([1, 2]), {1: "a"} == {1: "a"}, {1: 1} | {2: 2})
dd = {}
for w in "the cat the hat".split():
    dd[w] = dd.get(w, 0) + 1
print(dd, list(dd), max(dd, key=dd.get))
k = {1: "int", 1.0: "float", True: "bool"}
print(k, {(1, 2): "t"}[(1, 2)], {None: 0}[None], {"x": [1]}["x"])
print(d.keys() & {"b", "z"}, sorted(d.keys() - {"b"}), "b" in d.keys(), 2 in d.values(), ("b", 2) in d.items(), repr(d.keys()))
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1); print(sorted(s), s.pop() in {2, 3, 4}, len(s))
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= b, {2} < a, a.issubset({1, 2, 3, 9}), a.isdisjoint({7}), a.union([9]) >= a)
print(sorted(frozenset([1, 2])), frozenset() == set(), {frozenset([1]): "f"}, set(), {1}.intersection([1, 2], [1]), sorted({1, 2}.difference({2})))
s2 = {1, 2}; s2 |= {3}; s2 &= {1, 3}; s2 -= {1}; s2 ^= {5}; print(sorted(s2), s2.copy() == s2)
print(list({"b": 1, "a": 2}), repr(set()), repr(frozenset()), repr({1}), repr(frozenset({1})), str({}), repr([[], {}, ()]))
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][1][0], [x for x in nested if isinstance(x, int)])
print(b"abc".upper(), b"a,b".split(b","), b"-".join([b"a", b"b"]), b"hello".find(b"l"), b"abc".hex(), bytes.fromhex("4142"), b"abc".decode(), bytes(3), list(b"ab"), b"x" in b"xyz", 120 in b"xyz")
ba = bytearray(b"ab"); ba.append(99); ba[0] = 65; ba.extend(b"d"); print(ba, bytes(ba), len(ba), ba.decode(), ba[1:], bytearray(2))
print(b"%s %d" % (b"x", 5), b"abc".replace(b"b", b"B"), b" x ".strip(), b"a\x00b".split(b"\x00"), b"ABC".lower(), b"abc".startswith(b"a"), b"1".isdigit())
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
t(lambda: [].pop())
t(lambda: [1].index(5))
t(lambda: [1].remove(5))
t(lambda: {}["x"])
t(lambda: {}.pop("x"))
t(lambda: {}.popitem())
t(lambda: set().pop())
t(lambda: {1}.remove(2))
t(lambda: [1, 2][5])
t(lambda: (1,)[1])
t(lambda: {[]: 1})
t(lambda: {[1]})
t(lambda: hash([]))
t(lambda: [1, 2, 3][1:2:0])
t(lambda: (1, 2).count())
t(lambda: [3, "a"].sort() )
t(lambda: b"a"[5])
t(lambda: bytes([300]))
t(lambda: {}.get())
t(lambda: dict([1]))
t(lambda: 1 in 5)
t(lambda: len(5))
t(lambda: iter(5))
t(lambda: next([]))
t(lambda: list(1))
# expect: [3, 1, 2, 4, 5, 6, 9] 7 0 2 1 7
# expect: [1, 2, 3, 4, 5, 6]
# expect: [6, 5, 4, 3, 2, 1]
# expect: [6, 3, 4, 1, 5, 2]
# expect: [] [3, 4] [5, 2] [2, 5, 1, 4, 3, 6] [6, 4, 5] [] [6] [3, 1]
# expect: [1, 2, 3] [1, 1, 1] True True True True [[], []]
# expect: [8, 6, 4] [3, 2, 1] bdf (1, 2) [] []
# expect: 2 3 (1, 2, 2, 3, 4) (1, 2, 2, 3, 1, 2, 2, 3) (2, 2, 3) (1,) () () True True True
# expect: {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5} 1 None 0 6 None True False
# expect: ['a', 'b', 'c', 'd', 'e'] [1, 2, 3, 4, 5] [('a', 1), ('b', 2), ('c', 3), ('d', 4), ('e', 5)] ('e', 5) 4 ['a', 'b', 'c', 'd'] {'a': 1, 'b': 2, 'c': 3, 'd': 4}
# expect: {'b': 2, 'c': 3, 'd': 4} True {1: None, 2: None} True {1: 1, 2: 2}
# expect: {'the': 2, 'cat': 1, 'hat': 1} ['the', 'cat', 'hat'] the
# expect: {1: 'bool'} t 0 [1]
# expect: {'b'} ['c', 'd'] True True True dict_keys(['b', 'c', 'd'])
# expect: [2, 3, 4] True 2
# expect: [1, 2, 3, 4] [2, 3] [1] [1, 4] False True True True True
# expect: [1, 2] True {frozenset({1}): 'f'} set() {1} [1]
# expect: [3, 5] True
# expect: ['b', 'a'] set() frozenset() {1} frozenset({1}) {} [[], {}, ()]
# expect: [1, [2, [3, [4]]]] 4 [1]
# expect: b'ABC' [b'a', b'b'] b'a-b' 2 616263 b'AB' abc b'\x00\x00\x00' [97, 98] True True
# expect: bytearray(b'Abcd') b'Abcd' 4 Abcd bytearray(b'bcd') bytearray(b'\x00\x00')
# expect: b'x 5' b'aBc' b'x' [b'a', b'b'] b'abc' True True
# expect: IndexError: pop from empty list
# expect: ValueError: 5 is not in list
# expect: ValueError: list.remove(x): x not in list
# expect: KeyError: 'x'
# expect: KeyError: 'x'
# expect: KeyError: 'popitem(): dictionary is empty'
# expect: KeyError: 'pop from an empty set'
# expect: KeyError: 2
# expect: IndexError: list index out of range
# expect: IndexError: tuple index out of range
# expect: TypeError: unhashable type: 'list'
# expect: TypeError: unhashable type: 'list'
# expect: TypeError: unhashable type: 'list'
# expect: ValueError: slice step cannot be zero
# expect: TypeError: tuple.count() takes exactly one argument (0 given)
# expect: TypeError: '<' not supported between instances of 'str' and 'int'
# expect: IndexError: index out of range
# expect: ValueError: bytes must be in range(0, 256)
# expect: TypeError: get expected at least 1 argument, got 0
# expect: TypeError: cannot convert dictionary update sequence element #0 to a sequence
# expect: TypeError: argument of type 'int' is not iterable
# expect: TypeError: object of type 'int' has no len()
# expect: TypeError: 'int' object is not iterable
# expect: TypeError: 'list' object is not an iterator
# expect: TypeError: 'int' object is not iterable
