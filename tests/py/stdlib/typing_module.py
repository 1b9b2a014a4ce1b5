# typing: subscripted aliases and their reprs, Generic, Protocol, NamedTuple, TypedDict, helpers.
from typing import *
import typing
print(repr(List[int]), repr(Dict[str, int]), repr(Optional[int]), repr(Callable[[int], str]), repr(Tuple[int, ...]), repr(Union[int, str]), repr(Union[int, None]), repr(Optional[Union[int,str]]))  # expect: typing.List[int] typing.Dict[str, int] typing.Optional[int] typing.Callable[[int], str] typing.Tuple[int, ...] typing.Union[int, str] typing.Optional[int] typing.Union[int, str, NoneType]
print(repr(List), repr(Any), repr(TypeVar('T')), repr(Callable[..., int]), repr(Set[int]), repr(Type[int]), repr(Literal[1, 'a']), repr(ClassVar[int]), repr(Final[int]))  # expect: typing.List typing.Any ~T typing.Callable[..., int] typing.Set[int] typing.Type[int] typing.Literal[1, 'a'] typing.ClassVar[int] typing.Final[int]
print(repr(Iterable[int]), repr(Deque[int]), repr(DefaultDict[str, int]), repr(Counter[str]), repr(FrozenSet[int]), repr(Generator[int, None, None]), repr(Mapping[str, int]))  # expect: typing.Iterable[int] typing.Deque[int] typing.DefaultDict[str, int] typing.Counter[str] typing.FrozenSet[int] typing.Generator[int, NoneType, NoneType] typing.Mapping[str, int]
print(repr(List[Dict[str, int]]), repr(Optional[List['X']]), repr(Union[int]), Union[int, str] == Union[str, int], List[int] == List[int], repr(Tuple[()]))  # expect: typing.List[typing.Dict[str, int]] typing.Optional[typing.List[ForwardRef('X')]] <class 'int'> True True typing.Tuple[()]
T = TypeVar('T')
class Stack(Generic[T]):
    def __init__(self): self.items = []
    def push(self, x: T) -> None: self.items.append(x)
    def pop(self) -> T: return self.items.pop()
s = Stack[int]()
s.push(3); print(s.pop(), Stack[int], Stack.__mro__[-1], isinstance(s, Stack), isinstance(s, Generic))  # expect: 3 __main__.Stack[int] <class 'object'> True True
print(List[int].__origin__, List[int].__args__, get_origin(List[int]), get_args(Dict[str, int]), get_args(Callable[[int], str]))  # expect: <class 'list'> (<class 'int'>,) <class 'list'> (<class 'str'>, <class 'int'>) ([<class 'int'>], <class 'str'>)
print(repr(NoReturn), repr(AnyStr), Text, TYPE_CHECKING, repr(Dict[str, List[int]]))  # expect: typing.NoReturn ~AnyStr <class 'str'> False typing.Dict[str, typing.List[int]]
class P(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return self.x + self.y
p = P(1)
print(p, P(2, 3), p.norm(), p._asdict(), isinstance(p, tuple), P._fields, P._field_defaults, p == (1, 0))  # expect: P(x=1, y=0) P(x=2, y=3) 1 {'x': 1, 'y': 0} True ('x', 'y') {'y': 0} True
x, y = P(5, 6); print(x, y, P(x=1, y=2)._replace(y=9))  # expect: 5 6 P(x=1, y=9)
class Q(NamedTuple): a: str; b: float = 1.5
print(Q('z'), Q.__annotations__)  # expect: Q(a='z', b=1.5) {'a': <class 'str'>, 'b': <class 'float'>}
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1))  # expect: Emp(name='a', id=1)
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='x', year=1)
print(type(m), m, Movie.__annotations__, Movie.__total__)  # expect: <class 'dict'> {'name': 'x', 'year': 1} {'name': <class 'str'>, 'year': <class 'int'>} True
print(cast(int, 'a'), cast(List[int], [1]))  # expect: a [1]
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x): return x
print(f(3))  # expect: 3
@no_type_check
def g(): return 1
print(g())  # expect: 1
class Pt:
    x: int
    y: 'List[int]'
    z = 3
print(get_type_hints(Pt))  # expect: {'x': <class 'int'>, 'y': typing.List[int]}
class Proto(Protocol):
    def meth(self) -> int: ...
class Impl(Proto):
    def meth(self): return 1
print(Impl().meth())  # expect: 1
try: List[int]([1])
except TypeError as e: print(e)  # expect: Type List cannot be instantiated; use list() instead
def h(a: int) -> str: pass
print(Stack[int] == Stack[int], repr(Union[List[int], None]), Optional[int] == Union[int, None])  # expect: True typing.Optional[typing.List[int]] True
K = TypeVar('K', bound=int); print(K.__bound__, TypeVar('C', covariant=True))  # expect: <class 'int'> +C
print(repr(Tuple[int, str]), repr(Sequence[T]), repr(Sequence[T][int]), repr(Dict[str, T][int]))  # expect: typing.Tuple[int, str] typing.Sequence[~T] typing.Sequence[int] typing.Dict[str, int]
