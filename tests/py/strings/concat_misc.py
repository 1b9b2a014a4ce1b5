# Concatenation, repetition, membership, iteration, comparison, conversion.
s = ""
for i in range(5):
    s += str(i)
print(s, len(s))  # expect: 01234 5
parts = []
for word in ["alpha", "beta", "gamma"]:
    parts.append(word[0].upper() + word[1:])
print(" ".join(parts))  # expect: Alpha Beta Gamma
print(repr("ab" * 0), "ab" * -1 == "", "-" * 10)  # expect: '' True ----------
print("sub" in "substring", "" in "abc", "x" not in "abc")  # expect: True True True
print(list(reversed("abc")), sorted("hello", reverse=True))
# expect: ['c', 'b', 'a'] ['o', 'l', 'l', 'h', 'e']
print(str.upper("x"), "abc".__len__(), "a".join("bcd"))  # expect: X 3 bacad
print("%s=%r" % ("k", "v"), "k" "v")  # expect: k='v' kv
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(set(words))[:3], max(words, key=len))
# expect: 9 ['brown', 'dog', 'fox'] quick
print("".join(reversed("stressed")), "racecar" == "racecar"[::-1])  # expect: desserts True
print("a,b;c d".replace(",", " ").replace(";", " ").split())  # expect: ['a', 'b', 'c', 'd']
print(str(b"bytes"))  # expect: b'bytes'
print("abc".encode(), "x".isascii(), "é".isascii())  # expect: b'abc' True False
print(ord("A") + 1, chr(ord("a") + 25), "".join(chr(c) for c in range(97, 102)))
# expect: 66 z abcde
print("{:>3}".format("abcd"), "%3s" % "abcd")  # expect: abcd abcd
t = "immutable"
try:
    t[0] = "I"
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: 'str' object does not support item assignment
