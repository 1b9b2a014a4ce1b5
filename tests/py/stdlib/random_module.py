# random: an int seed reproduces CPython's Mersenne Twister sequence.
import random

random.seed(42)
print(random.random(), random.random())
# expect: 0.6394267984578837 0.025010755222666936
print(random.randint(1, 100), random.randrange(10), random.randrange(0, 100, 5))
# expect: 36 3 35
print(random.choice('abcdef'), random.getrandbits(16), random.getrandbits(70))
# expect: b 48265 879479873678127996839
items = list(range(10))
random.shuffle(items)
print(items)
# expect: [3, 2, 4, 9, 5, 7, 0, 6, 1, 8]
print(random.sample(range(100), 5), random.sample('abcdefgh', 3))
# expect: [71, 25, 91, 83, 89] ['g', 'b', 'd']
print(random.choices('abc', k=5), random.choices([1, 2, 3], weights=[0, 0, 1], k=3))
# expect: ['b', 'c', 'a', 'c', 'c'] [3, 3, 3]
print(round(random.uniform(1, 2), 12), round(random.gauss(0, 1), 12))
# expect: 1.336594545113 0.376599858688

r1 = random.Random(7)
r2 = random.Random(7)
print([r1.randint(0, 9) for _ in range(10)] == [r2.randint(0, 9) for _ in range(10)])
# expect: True
r3 = random.Random(2 ** 100)
print(r3.random())
# expect: 0.7586581712996778
state = r1.getstate()
v = r1.random()
r1.setstate(state)
print(r1.random() == v)
# expect: True
random.seed(0)
print([random.randint(1, 6) for _ in range(12)])
# expect: [4, 4, 1, 3, 5, 4, 4, 3, 4, 3, 5, 2]
total = 0
for _ in range(10000):
    x = random.random()
    if not 0.0 <= x < 1.0:
        print('out of range')
    total += x
print(4000 < total < 6000)
# expect: True
try:
    random.choice([])
except IndexError as err:
    print(err)
    # expect: Cannot choose from an empty sequence
try:
    random.randrange(0)
except ValueError as err:
    print(err)
    # expect: empty range for randrange()
