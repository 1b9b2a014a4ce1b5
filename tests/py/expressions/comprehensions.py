# Comprehensions and generator expressions.
print([x * x for x in range(6)])  # expect: [0, 1, 4, 9, 16, 25]
print([x for x in range(20) if x % 3 == 0 if x > 0])  # expect: [3, 6, 9, 12, 15, 18]
print([(x, y) for x in range(3) for y in range(x)])  # expect: [(1, 0), (2, 0), (2, 1)]
print([[x * y for y in range(3)] for x in range(3)])  # expect: [[0, 0, 0], [0, 1, 2], [0, 2, 4]]
print({x: x ** 2 for x in range(4)})  # expect: {0: 0, 1: 1, 2: 4, 3: 9}
print(sorted({x % 3 for x in range(10)}))  # expect: [0, 1, 2]
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})  # expect: {'a': 1, 'c': 3}
g = (x * 2 for x in range(4))
print(type(g).__name__, list(g), list(g))  # expect: generator [0, 2, 4, 6] []
print(sum(x for x in range(101)))  # expect: 5050
print(max(len(w) for w in ["a", "abc", "ab"]))  # expect: 3
x = "outer"
print([x for x in "ab"], x)  # expect: ['a', 'b'] outer
words = ["apple", "bob", "kayak", "level", "python"]
print([w for w in words if w == w[::-1]])  # expect: ['bob', 'kayak', 'level']
print([i if i % 2 else -i for i in range(5)])  # expect: [0, 1, -2, 3, -4]
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])  # expect: [1, 4, 2, 5, 3, 6]
print([[row[i] for row in matrix] for i in range(3)])  # expect: [[1, 4], [2, 5], [3, 6]]
n = 10
print([n + i for i in range(3)])  # expect: [10, 11, 12]
print(list(zip(*matrix)))  # expect: [(1, 4), (2, 5), (3, 6)]
def make():
    k = 3
    return [k * i for i in range(3)]
print(make())  # expect: [0, 3, 6]
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [1, 5]))  # expect: True False
