# type isinstance hasattr getattr setattr id hash callable len repr.
class Box:
    size = 3
    def method(self):
        return "m"
b = Box()
print(hasattr(b, "size"), hasattr(b, "nope"), getattr(b, "size"), getattr(b, "nope", "dflt"))
# expect: True False 3 dflt
setattr(b, "color", "red")
print(b.color, getattr(b, "method")())  # expect: red m
try:
    getattr(b, "missing")
except AttributeError as e:
    print("AttributeError:", e)
# expect: AttributeError: 'Box' object has no attribute 'missing'
print(id(b) == id(b), id(b) != id(Box()), type(id(b)).__name__)  # expect: True True int
print(hash("x") == hash("x"), hash(1) == 1, hash(()) == hash(()), type(hash("s")).__name__)
# expect: True True True int
print(callable(Box), callable(b), callable(b.method), callable(len), callable("s"))
# expect: True False True True False
print(len("abc"), len([1, 2]), len({}), len(range(10)), len({1: 2}), len((1,)), len(set("aab")))
# expect: 3 2 0 10 1 1 2
print(repr(1), repr("s"), repr([1, "s"]), repr(None), repr(1.5), repr(True))
# expect: 1 's' [1, 's'] None 1.5 True
print(type(b).__name__, isinstance(b, Box), isinstance(b, object), type(b) is Box)
# expect: Box True True True
print(isinstance(Box, type), type(len).__name__, type(b.method).__name__)
# expect: True builtin_function_or_method method
print(format(3.14159, ".2f"), format(42, "05d"), format("x", ">3"), format(255, "#x"), format(7))
# expect: 3.14 00042   x 0xff 7
