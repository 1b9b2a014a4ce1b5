# abc: ABC/ABCMeta, abstractmethod, instantiation errors, register.
from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self): return f"{type(self).__name__} area={self.area()}"
class Half(Shape):
    def area(self): return 1
class Sq(Half):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s
try: Shape()
except TypeError as e: print(e)  # expect: Can't instantiate abstract class Shape with abstract methods area, perimeter
try: Half()
except TypeError as e: print(e)  # expect: Can't instantiate abstract class Half with abstract method perimeter
s = Sq(3)
print(s.describe(), s.perimeter(), isinstance(s, Shape), sorted(Shape.__abstractmethods__), Sq.__abstractmethods__)  # expect: Sq area=9 12 True ['area', 'perimeter'] frozenset()
class P(metaclass=ABCMeta):
    @property
    @abstractmethod
    def v(self): ...
try: P()
except TypeError as e: print(e)  # expect: Can't instantiate abstract class P with abstract method v
class P2(P):
    @property
    def v(self): return 7
print(P2().v, type(Shape).__name__)  # expect: 7 ABCMeta
P.register(int)
print(P.__subclasscheck__(int), P.__instancecheck__(3), P.__subclasscheck__(str), P.__subclasscheck__(P2))  # expect: True True False True
class CM(ABC):
    @classmethod
    @abstractmethod
    def make(cls): ...
try: CM()
except TypeError as e: print(e)  # expect: Can't instantiate abstract class CM with abstract method make


# Virtual subclasses count for the isinstance()/issubclass() builtins.
from abc import ABC as _ABC


class _Number(_ABC):
    pass


_Number.register(int)
print(isinstance(3, _Number), issubclass(bool, _Number), isinstance("3", _Number))  # expect: True True False
