# A built-in type's method called on an object of another type: unbound
# (list.append(1, 2)), through __get__, or stored in an unrelated class.
# These crashed gilvm (its C++ code assumed the right type); CPython raises
# TypeError with the descriptor's words.
calls = [
    lambda: list.append(1, 2),
    lambda: str.join(5, []),
    lambda: dict.get([], 1),
    lambda: str.upper(b"x"),
    lambda: list.__len__("abc"),
    lambda: int.__add__("a", 1),
    lambda: set.add({}, 1),
    lambda: bytes.hex("x"),
    lambda: dict.keys(1),
    lambda: tuple.index([1], 1),
    lambda: str.__getitem__(3, 0),
    lambda: list.sort(()),
    lambda: float.hex(1),
    lambda: bytearray.append(b"", 1),
    lambda: list.__init__(5),
    lambda: dict.__setitem__([], 1, 2),
    lambda: str.format(1),
    lambda: int.bit_length("s"),
    lambda: list.__iter__(3),
    lambda: list.append(),
    lambda: list.__len__(),
]
for call in calls:
    try:
        call()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)


class Holder:
    append = list.append
    upper = str.upper


try:
    Holder().append(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Holder().upper()
except TypeError as e:
    print("TypeError:", e)


# Subclasses are instances: these work.
class MyList(list):
    pass


m = MyList()
list.append(m, 1)
print(m, str.upper("abc"), object.__repr__(5)[:12], dict.fromkeys("ab"), int.from_bytes(b"\x01", "big"))


class MyStr(str):
    pass


print(str.__len__(MyStr("four")), type(MyStr.__new__(MyStr, "x")).__name__)

# The expected output, in order:
# expect: TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object
# expect: TypeError: descriptor 'join' for 'str' objects doesn't apply to a 'int' object
# expect: TypeError: descriptor 'get' for 'dict' objects doesn't apply to a 'list' object
# expect: TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'bytes' object
# expect: TypeError: descriptor '__len__' requires a 'list' object but received a 'str'
# expect: TypeError: descriptor '__add__' requires a 'int' object but received a 'str'
# expect: TypeError: descriptor 'add' for 'set' objects doesn't apply to a 'dict' object
# expect: TypeError: descriptor 'hex' for 'bytes' objects doesn't apply to a 'str' object
# expect: TypeError: descriptor 'keys' for 'dict' objects doesn't apply to a 'int' object
# expect: TypeError: descriptor 'index' for 'tuple' objects doesn't apply to a 'list' object
# expect: TypeError: descriptor '__getitem__' requires a 'str' object but received a 'int'
# expect: TypeError: descriptor 'sort' for 'list' objects doesn't apply to a 'tuple' object
# expect: TypeError: descriptor 'hex' for 'float' objects doesn't apply to a 'int' object
# expect: TypeError: descriptor 'append' for 'bytearray' objects doesn't apply to a 'bytes' object
# expect: TypeError: descriptor '__init__' requires a 'list' object but received a 'int'
# expect: TypeError: descriptor '__setitem__' requires a 'dict' object but received a 'list'
# expect: TypeError: descriptor 'format' for 'str' objects doesn't apply to a 'int' object
# expect: TypeError: descriptor 'bit_length' for 'int' objects doesn't apply to a 'str' object
# expect: TypeError: descriptor '__iter__' requires a 'list' object but received a 'int'
# expect: TypeError: unbound method list.append() needs an argument
# expect: TypeError: descriptor '__len__' of 'list' object needs an argument
# expect: TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'Holder' object
# expect: TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'Holder' object
# expect: [1] ABC <int object  {'a': None, 'b': None} 1
# expect: 4 MyStr
