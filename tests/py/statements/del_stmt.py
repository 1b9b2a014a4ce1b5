# del on names, subscripts, slices and attributes.
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
# expect: NameError: name 'x' is not defined
lst = list(range(10))
del lst[0]
print(lst)  # expect: [1, 2, 3, 4, 5, 6, 7, 8, 9]
del lst[-1]
print(lst)  # expect: [1, 2, 3, 4, 5, 6, 7, 8]
del lst[2:4]
print(lst)  # expect: [1, 2, 5, 6, 7, 8]
del lst[::2]
print(lst)  # expect: [2, 6, 8]
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)  # expect: {'a': 1, 'c': 3}
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
# expect: KeyError: 'zz'
a, b = 1, 2
del a, b
try:
    print(b)
except NameError as e:
    print(e)
# expect: name 'b' is not defined
class C: pass
c = C()
c.attr = 5
print(hasattr(c, "attr"))  # expect: True
del c.attr
print(hasattr(c, "attr"))  # expect: False
nested = [[1, 2], [3, 4]]
del nested[0][1]
print(nested)  # expect: [[1], [3, 4]]
