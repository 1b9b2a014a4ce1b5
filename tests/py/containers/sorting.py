# sort and sorted: key, reverse, stability, mixed numbers.
a = [5, 2, 9, 1, 5, 6]
a.sort()
print(a)  # expect: [1, 2, 5, 5, 6, 9]
a.sort(reverse=True)
print(a)  # expect: [9, 6, 5, 5, 2, 1]
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words))  # expect: ['Apple', 'Elder', 'banana', 'cherry', 'date', 'fig']
print(sorted(words, key=str.lower))  # expect: ['Apple', 'banana', 'cherry', 'date', 'Elder', 'fig']
print(sorted(words, key=len))  # expect: ['fig', 'date', 'Apple', 'Elder', 'banana', 'cherry']
print(sorted(words, key=len, reverse=True))
# expect: ['banana', 'cherry', 'Apple', 'Elder', 'date', 'fig']
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(pairs))  # expect: [('a', 1), ('a', 2), ('b', 2), ('c', 1)]
print(sorted(pairs, key=lambda p: p[1]))  # expect: [('c', 1), ('a', 1), ('b', 2), ('a', 2)]
print(sorted(pairs, key=lambda p: (-p[1], p[0])))  # expect: [('a', 2), ('b', 2), ('a', 1), ('c', 1)]
records = [("x", 3), ("y", 1), ("z", 3), ("w", 1)]
records.sort(key=lambda r: r[1])
print(records)  # expect: [('y', 1), ('w', 1), ('x', 3), ('z', 3)]
print(sorted([3, 1.5, -2, 0, True]), sorted("zyx"), sorted((3, 1, 2)))
# expect: [-2, 0, True, 1.5, 3] ['x', 'y', 'z'] [1, 2, 3]
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
# expect: ['a', 'b'] [('b', 1), ('a', 2)]
print(sorted([]), sorted([1]), sorted(range(5), reverse=True))  # expect: [] [1] [4, 3, 2, 1, 0]
nums = [10, 9, 8]
result = nums.sort()
print(result, nums)  # expect: None [8, 9, 10]
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: '<' not supported between instances of 'str' and 'int'
print(sorted([[2, 1], [1, 2], [1]]), sorted(["b", "A", "a", "B"]))
# expect: [[1], [1, 2], [2, 1]] ['A', 'B', 'a', 'b']
print(max([3, 7, 2]), min("hello"), max(["aa", "b"], key=len), min([], default="empty"))
# expect: 7 e aa empty
