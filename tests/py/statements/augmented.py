# Augmented assignment on names, subscripts and attributes.
n = 10
n += 5; print(n)  # expect: 15
n -= 3; print(n)  # expect: 12
n *= 2; print(n)  # expect: 24
n //= 5; print(n)  # expect: 4
n %= 3; print(n)  # expect: 1
n **= 10; print(n)  # expect: 1
f = 7
f /= 2; print(f)  # expect: 3.5
lst = [1, 2, 3]
alias = lst
lst += [4]
print(lst, alias, lst is alias)  # expect: [1, 2, 3, 4] [1, 2, 3, 4] True
t = (1, 2)
t_alias = t
t += (3,)
print(t, t_alias)  # expect: (1, 2, 3) (1, 2)
s = "ab"
s *= 3
print(s)  # expect: ababab
d = {"count": 0}
for _ in range(5):
    d["count"] += 1
print(d)  # expect: {'count': 5}
m = [[0, 0], [0, 0]]
m[1][0] += 7
m[-1][-1] -= 1
print(m)  # expect: [[0, 0], [7, -1]]
class Counter:
    def __init__(self):
        self.value = 0
c = Counter()
c.value += 10
c.value *= 3
print(c.value)  # expect: 30
calls = []
def key():
    calls.append("key")
    return "k"
store = {"k": 1}
store[key()] += 1
print(store, calls)  # expect: {'k': 2} ['key']
b = 0b1111
b &= 0b1010; b |= 0b0100; b ^= 0b0001; b <<= 1; b >>= 2
print(b)  # expect: 7
