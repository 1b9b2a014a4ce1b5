// Parser: ASTs compared with CPython's ast.dump(), errors compared with what
// CPython 3.11 reports (type, line, caret column, message), and robustness on
// hostile input.
#include "parser/parser.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>

#include "parser/ast_dump.h"

namespace gilvm {
namespace {

struct AstCase {
  const char* source;
  const char* dump;
};
struct ErrorCase {
  const char* source;
  const char* type;
  int line;
  int col;
  const char* message;
};

// Generated from CPython 3.11: ast.dump(ast.parse(src)).
const AstCase kAstCases[] = {
    {R"(match x:
 case [1, *r] | {"k": v, **rest}:
  pass
 case P(1, a=b) as q if q:
  pass
 case None | -1 | a.b:
  pass
 case _:
  pass
)",
     R"(Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchValue(value=Constant(value=1)), MatchStar(name='r')]), MatchMapping(keys=[Constant(value='k')], patterns=[MatchAs(name='v')], rest='rest')]), body=[Pass()]), match_case(pattern=MatchAs(pattern=MatchClass(cls=Name(id='P', ctx=Load()), patterns=[MatchValue(value=Constant(value=1))], kwd_attrs=['a'], kwd_patterns=[MatchAs(name='b')]), name='q'), guard=Name(id='q', ctx=Load()), body=[Pass()]), match_case(pattern=MatchOr(patterns=[MatchSingleton(value=None), MatchValue(value=UnaryOp(op=USub(), operand=Constant(value=1))), MatchValue(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()))]), body=[Pass()]), match_case(pattern=MatchAs(), body=[Pass()])])], type_ignores=[]))"},
    {R"(match x:
 case P():
  pass
 case []:
  pass
 case {}:
  pass
)",
     R"(Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchClass(cls=Name(id='P', ctx=Load()), patterns=[], kwd_attrs=[], kwd_patterns=[]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[]), body=[Pass()]), match_case(pattern=MatchMapping(keys=[], patterns=[]), body=[Pass()])])], type_ignores=[]))"},
    {R"(match a, *b:
 case (x, y) | [x, y, *_]:
  pass
)",
     R"(Module(body=[Match(subject=Tuple(elts=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), cases=[match_case(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchAs(name='x'), MatchAs(name='y')]), MatchSequence(patterns=[MatchAs(name='x'), MatchAs(name='y'), MatchStar()])]), body=[Pass()])])], type_ignores=[]))"},
    {R"(match = 1
match(x)
match[1]: int
)",
     R"(Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1)), Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])), AnnAssign(target=Subscript(value=Name(id='match', ctx=Load()), slice=Constant(value=1), ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[]))"},
    {R"(x = 1)",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[]))"},
    {R"(a = b = c)",
     R"(Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[]))"},
    {R"(a, b = b, a)",
     R"(Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Tuple(elts=[Name(id='b', ctx=Load()), Name(id='a', ctx=Load())], ctx=Load()))], type_ignores=[]))"},
    {R"(a, *b = c)",
     R"(Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[]))"},
    {R"([a, b] = c)",
     R"(Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[]))"},
    {R"(x += 1)",
     R"(Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1))], type_ignores=[]))"},
    {R"(x.y -= 2)",
     R"(Module(body=[AugAssign(target=Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Store()), op=Sub(), value=Constant(value=2))], type_ignores=[]))"},
    {R"(x[0] **= 3)",
     R"(Module(body=[AugAssign(target=Subscript(value=Name(id='x', ctx=Load()), slice=Constant(value=0), ctx=Store()), op=Pow(), value=Constant(value=3))], type_ignores=[]))"},
    {R"(x //= 2; y >>= 1; z <<= 1; w @= m; q %= 2; r ^= 1; s |= 2; t &= 3)",
     R"(Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=FloorDiv(), value=Constant(value=2)), AugAssign(target=Name(id='y', ctx=Store()), op=RShift(), value=Constant(value=1)), AugAssign(target=Name(id='z', ctx=Store()), op=LShift(), value=Constant(value=1)), AugAssign(target=Name(id='w', ctx=Store()), op=MatMult(), value=Name(id='m', ctx=Load())), AugAssign(target=Name(id='q', ctx=Store()), op=Mod(), value=Constant(value=2)), AugAssign(target=Name(id='r', ctx=Store()), op=BitXor(), value=Constant(value=1)), AugAssign(target=Name(id='s', ctx=Store()), op=BitOr(), value=Constant(value=2)), AugAssign(target=Name(id='t', ctx=Store()), op=BitAnd(), value=Constant(value=3))], type_ignores=[]))"},
    {R"(x: int)",
     R"(Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=1)], type_ignores=[]))"},
    {R"(x: int = 5)",
     R"(Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=5), simple=1)], type_ignores=[]))"},
    {R"((x): int = 5)",
     R"(Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=5), simple=0)], type_ignores=[]))"},
    {R"(x.y: List[int] = [])",
     R"(Module(body=[AnnAssign(target=Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Store()), annotation=Subscript(value=Name(id='List', ctx=Load()), slice=Name(id='int', ctx=Load()), ctx=Load()), value=List(elts=[], ctx=Load()), simple=0)], type_ignores=[]))"},
    {R"(del a, b[0], c.d)",
     R"(Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Name(id='b', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Del())])], type_ignores=[]))"},
    {R"(del (a, b), [c])",
     R"(Module(body=[Delete(targets=[Tuple(elts=[Name(id='a', ctx=Del()), Name(id='b', ctx=Del())], ctx=Del()), List(elts=[Name(id='c', ctx=Del())], ctx=Del())])], type_ignores=[]))"},
    {R"(pass)", R"(Module(body=[Pass()], type_ignores=[]))"},
    {R"(if a: pass)",
     R"(Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[]))"},
    {R"(if a:
    pass
elif b:
    pass
elif c: x
else:
    y)",
     R"(Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='c', ctx=Load()), body=[Expr(value=Name(id='x', ctx=Load()))], orelse=[Expr(value=Name(id='y', ctx=Load()))])])])], type_ignores=[]))"},
    {R"(while x:
    break
else:
    continue)",
     R"(Module(body=[While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Continue()])], type_ignores=[]))"},
    {R"(for i in range(10): print(i))",
     R"(Module(body=[For(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=10)], keywords=[]), body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='i', ctx=Load())], keywords=[]))], orelse=[])], type_ignores=[]))"},
    {R"(for a, b in x: pass)",
     R"(Module(body=[For(target=Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store()), iter=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[]))"},
    {R"(for (a, b), *c in x: pass)",
     R"(Module(body=[For(target=Tuple(elts=[Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store()), Starred(value=Name(id='c', ctx=Store()), ctx=Store())], ctx=Store()), iter=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[]))"},
    {R"(for x, in y: pass)",
     R"(Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store())], ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[]))"},
    {R"(try:
    pass
except ValueError as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass)",
     R"(Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='ValueError', ctx=Load()), name='e', body=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[]))"},
    {R"(try:
    x
finally:
    y)",
     R"(Module(body=[Try(body=[Expr(value=Name(id='x', ctx=Load()))], handlers=[], orelse=[], finalbody=[Expr(value=Name(id='y', ctx=Load()))])], type_ignores=[]))"},
    {R"(with a: pass)",
     R"(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()])], type_ignores=[]))"},
    {R"(with a as b, c as d: pass)", R"(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[]))"},
    {R"(with (a as b, c as d): pass)",
     R"(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[]))"},
    {R"(with (a, b): pass)",
     R"(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[]))"},
    {R"(with (a, b) as c: pass)",
     R"(Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[]))"},
    {R"(with (a): pass)",
     R"(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()])], type_ignores=[]))"},
    {R"(with a as (b, c): pass)",
     R"(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store()))], body=[Pass()])], type_ignores=[]))"},
    {R"(raise)", R"(Module(body=[Raise()], type_ignores=[]))"},
    {R"(raise X)", R"(Module(body=[Raise(exc=Name(id='X', ctx=Load()))], type_ignores=[]))"},
    {R"(raise X from Y)",
     R"(Module(body=[Raise(exc=Name(id='X', ctx=Load()), cause=Name(id='Y', ctx=Load()))], type_ignores=[]))"},
    {R"(assert x)", R"(Module(body=[Assert(test=Name(id='x', ctx=Load()))], type_ignores=[]))"},
    {R"(assert x, "msg")",
     R"(Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg'))], type_ignores=[]))"},
    {R"(import a)", R"(Module(body=[Import(names=[alias(name='a')])], type_ignores=[]))"},
    {R"(import a.b.c as d, e)",
     R"(Module(body=[Import(names=[alias(name='a.b.c', asname='d'), alias(name='e')])], type_ignores=[]))"},
    {R"(from a import b)",
     R"(Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=0)], type_ignores=[]))"},
    {R"(from a.b import c as d, e)",
     R"(Module(body=[ImportFrom(module='a.b', names=[alias(name='c', asname='d'), alias(name='e')], level=0)], type_ignores=[]))"},
    {R"(from . import x)",
     R"(Module(body=[ImportFrom(names=[alias(name='x')], level=1)], type_ignores=[]))"},
    {R"(from .. import x)",
     R"(Module(body=[ImportFrom(names=[alias(name='x')], level=2)], type_ignores=[]))"},
    {R"(from ...a import b)",
     R"(Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=3)], type_ignores=[]))"},
    {R"(from .... import b)",
     R"(Module(body=[ImportFrom(names=[alias(name='b')], level=4)], type_ignores=[]))"},
    {R"(from a import (b, c,))",
     R"(Module(body=[ImportFrom(module='a', names=[alias(name='b'), alias(name='c')], level=0)], type_ignores=[]))"},
    {R"(from a import *)",
     R"(Module(body=[ImportFrom(module='a', names=[alias(name='*')], level=0)], type_ignores=[]))"},
    {R"(global a, b)", R"(Module(body=[Global(names=['a', 'b'])], type_ignores=[]))"},
    {R"(def f():
    nonlocal x)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Nonlocal(names=['x'])], decorator_list=[])], type_ignores=[]))"},
    {R"(def f(): return)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return()], decorator_list=[])], type_ignores=[]))"},
    {R"(def f(): return 1, 2)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], decorator_list=[])], type_ignores=[]))"},
    {R"(def f(a, b=1, *args, c, d=2, **kw): pass)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='kw'), defaults=[Constant(value=1)]), body=[Pass()], decorator_list=[])], type_ignores=[]))"},
    {R"(def f(a, /, b, *, c): pass)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[None], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[]))"},
    {R"(def f(a=1, /, b=2): pass)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[], kw_defaults=[], defaults=[Constant(value=1), Constant(value=2)]), body=[Pass()], decorator_list=[])], type_ignores=[]))"},
    {R"(def f(a: int, *b: str, **c: float) -> None: pass)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='b', annotation=Name(id='str', ctx=Load())), kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='c', annotation=Name(id='float', ctx=Load())), defaults=[]), body=[Pass()], decorator_list=[], returns=Constant(value=None))], type_ignores=[]))"},
    {R"(def f(*, a): pass)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[]))"},
    {R"(@dec
@dec.attr(1)
def f(): pass)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Name(id='dec', ctx=Load()), Call(func=Attribute(value=Name(id='dec', ctx=Load()), attr='attr', ctx=Load()), args=[Constant(value=1)], keywords=[])])], type_ignores=[]))"},
    {R"(@dec
class A: pass)",
     R"(Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[Pass()], decorator_list=[Name(id='dec', ctx=Load())])], type_ignores=[]))"},
    {R"(class A(B, C, metaclass=M, **kw):
    x = 1
    def m(self): return self)",
     R"(Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load()), Name(id='C', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load())), keyword(value=Name(id='kw', ctx=Load()))], body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), FunctionDef(name='m', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Name(id='self', ctx=Load()))], decorator_list=[])], decorator_list=[])], type_ignores=[]))"},
    {R"(class A(): pass)",
     R"(Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[]))"},
    {R"(lambda: 0)",
     R"(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0)))], type_ignores=[]))"},
    {R"(lambda x, y=1, *a, z, **k: x)",
     R"(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x'), arg(arg='y')], vararg=arg(arg='a'), kwonlyargs=[arg(arg='z')], kw_defaults=[None], kwarg=arg(arg='k'), defaults=[Constant(value=1)]), body=Name(id='x', ctx=Load())))], type_ignores=[]))"},
    {R"(lambda *, a: a)",
     R"(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), body=Name(id='a', ctx=Load())))], type_ignores=[]))"},
    {R"(lambda a, /: a)", R"(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id='a', ctx=Load())))], type_ignores=[]))"},
    {R"(x = yield)",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield())], type_ignores=[]))"},
    {R"(x = yield 1)",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield(value=Constant(value=1)))], type_ignores=[]))"},
    {R"(x = yield 1, 2)",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load())))], type_ignores=[]))"},
    {R"(x = yield from y)",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=YieldFrom(value=Name(id='y', ctx=Load())))], type_ignores=[]))"},
    {R"(yield)", R"(Module(body=[Expr(value=Yield())], type_ignores=[]))"},
    {R"(yield x)",
     R"(Module(body=[Expr(value=Yield(value=Name(id='x', ctx=Load())))], type_ignores=[]))"},
    {R"((yield))", R"(Module(body=[Expr(value=Yield())], type_ignores=[]))"},
    {R"((x := 5))",
     R"(Module(body=[Expr(value=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=5)))], type_ignores=[]))"},
    {R"(if (n := len(a)) > 10: pass)",
     R"(Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Call(func=Name(id='len', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[])), ops=[Gt()], comparators=[Constant(value=10)]), body=[Pass()], orelse=[])], type_ignores=[]))"},
    {R"(f(x := 1))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1))], keywords=[]))], type_ignores=[]))"},
    {R"(a if b else c)",
     R"(Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))], type_ignores=[]))"},
    {R"(a if b else c if d else e)",
     R"(Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load()))))], type_ignores=[]))"},
    {R"(a or b or c)",
     R"(Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[]))"},
    {R"(a and b and c or d)",
     R"(Module(body=[Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]), Name(id='d', ctx=Load())]))], type_ignores=[]))"},
    {R"(not a)",
     R"(Module(body=[Expr(value=UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())))], type_ignores=[]))"},
    {R"(not not a)",
     R"(Module(body=[Expr(value=UnaryOp(op=Not(), operand=UnaryOp(op=Not(), operand=Name(id='a', ctx=Load()))))], type_ignores=[]))"},
    {R"(a < b < c)",
     R"(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), Lt()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[]))"},
    {R"(a not in b)",
     R"(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[NotIn()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[]))"},
    {R"(a is not b)",
     R"(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[IsNot()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[]))"},
    {R"(a is b)",
     R"(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Is()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[]))"},
    {R"(a in b)",
     R"(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[In()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[]))"},
    {R"(a == b != c >= d <= e > f)",
     R"(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Eq(), NotEq(), GtE(), LtE(), Gt()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load())]))], type_ignores=[]))"},
    {R"(a | b ^ c & d << e >> f + g - h * i / j // k % l @ m)",
     R"(Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(id='e', ctx=Load())), op=RShift(), right=BinOp(left=BinOp(left=Name(id='f', ctx=Load()), op=Add(), right=Name(id='g', ctx=Load())), op=Sub(), right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='h', ctx=Load()), op=Mult(), right=Name(id='i', ctx=Load())), op=Div(), right=Name(id='j', ctx=Load())), op=FloorDiv(), right=Name(id='k', ctx=Load())), op=Mod(), right=Name(id='l', ctx=Load())), op=MatMult(), right=Name(id='m', ctx=Load()))))))))], type_ignores=[]))"},
    {R"(-x)",
     R"(Module(body=[Expr(value=UnaryOp(op=USub(), operand=Name(id='x', ctx=Load())))], type_ignores=[]))"},
    {R"(+x)",
     R"(Module(body=[Expr(value=UnaryOp(op=UAdd(), operand=Name(id='x', ctx=Load())))], type_ignores=[]))"},
    {R"(~x)",
     R"(Module(body=[Expr(value=UnaryOp(op=Invert(), operand=Name(id='x', ctx=Load())))], type_ignores=[]))"},
    {R"(-2**2)",
     R"(Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=2))))], type_ignores=[]))"},
    {R"(2**-1)",
     R"(Module(body=[Expr(value=BinOp(left=Constant(value=2), op=Pow(), right=UnaryOp(op=USub(), operand=Constant(value=1))))], type_ignores=[]))"},
    {R"(a**b**c)",
     R"(Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=BinOp(left=Name(id='b', ctx=Load()), op=Pow(), right=Name(id='c', ctx=Load()))))], type_ignores=[]))"},
    {R"(await_ = 1)",
     R"(Module(body=[Assign(targets=[Name(id='await_', ctx=Store())], value=Constant(value=1))], type_ignores=[]))"},
    {R"(f())",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[]))], type_ignores=[]))"},
    {R"(f(a))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]))], type_ignores=[]))"},
    {R"(f(a, b))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], keywords=[]))], type_ignores=[]))"},
    {R"(f(a, *b))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[]))], type_ignores=[]))"},
    {R"(f(*a, *b, c))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load()), Name(id='c', ctx=Load())], keywords=[]))], type_ignores=[]))"},
    {R"(f(a=1))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(arg='a', value=Constant(value=1))]))], type_ignores=[]))"},
    {R"(f(a, b=1, *c, **d))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='c', ctx=Load()), ctx=Load())], keywords=[keyword(arg='b', value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[]))"},
    {R"(f(**a, b=1))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(value=Name(id='a', ctx=Load())), keyword(arg='b', value=Constant(value=1))]))], type_ignores=[]))"},
    {R"(f(**a, **b))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(value=Name(id='a', ctx=Load())), keyword(value=Name(id='b', ctx=Load()))]))], type_ignores=[]))"},
    {R"(f(x for x in y))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[]))"},
    {R"(f((x for x in y), 1))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]), Constant(value=1)], keywords=[]))], type_ignores=[]))"},
    {R"(f(a)(b)(c))",
     R"(Module(body=[Expr(value=Call(func=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], keywords=[]), args=[Name(id='c', ctx=Load())], keywords=[]))], type_ignores=[]))"},
    {R"(a.b.c)",
     R"(Module(body=[Expr(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load()))], type_ignores=[]))"},
    {R"(a[1])",
     R"(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=1), ctx=Load()))], type_ignores=[]))"},
    {R"(a[1:2])",
     R"(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load()))], type_ignores=[]))"},
    {R"(a[1:2:3])",
     R"(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2), step=Constant(value=3)), ctx=Load()))], type_ignores=[]))"},
    {R"(a[:])",
     R"(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))], type_ignores=[]))"},
    {R"(a[::])",
     R"(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))], type_ignores=[]))"},
    {R"(a[::2])",
     R"(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(step=Constant(value=2)), ctx=Load()))], type_ignores=[]))"},
    {R"(a[:, 1])",
     R"(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(), Constant(value=1)], ctx=Load()), ctx=Load()))], type_ignores=[]))"},
    {R"(a[1, 2])",
     R"(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()), ctx=Load()))], type_ignores=[]))"},
    {R"(a[1:2, ::3])",
     R"(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load()))], type_ignores=[]))"},
    {R"(a[x,])",
     R"(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Name(id='x', ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[]))"},
    {R"(a[*b])",
     R"(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[]))"},
    {R"(a[b:=1])",
     R"(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=NamedExpr(target=Name(id='b', ctx=Store()), value=Constant(value=1)), ctx=Load()))], type_ignores=[]))"},
    {R"(...)", R"(Module(body=[Expr(value=Constant(value=Ellipsis))], type_ignores=[]))"},
    {R"(None)", R"(Module(body=[Expr(value=Constant(value=None))], type_ignores=[]))"},
    {R"(True)", R"(Module(body=[Expr(value=Constant(value=True))], type_ignores=[]))"},
    {R"(False)", R"(Module(body=[Expr(value=Constant(value=False))], type_ignores=[]))"},
    {R"(1)", R"(Module(body=[Expr(value=Constant(value=1))], type_ignores=[]))"},
    {R"(0)", R"(Module(body=[Expr(value=Constant(value=0))], type_ignores=[]))"},
    {R"(0x1F)", R"(Module(body=[Expr(value=Constant(value=31))], type_ignores=[]))"},
    {R"(0o17)", R"(Module(body=[Expr(value=Constant(value=15))], type_ignores=[]))"},
    {R"(0b101)", R"(Module(body=[Expr(value=Constant(value=5))], type_ignores=[]))"},
    {R"(1_000_000)", R"(Module(body=[Expr(value=Constant(value=1000000))], type_ignores=[]))"},
    {R"(9223372036854775807)",
     R"(Module(body=[Expr(value=Constant(value=9223372036854775807))], type_ignores=[]))"},
    {R"(9223372036854775808)",
     R"(Module(body=[Expr(value=Constant(value=9223372036854775808))], type_ignores=[]))"},
    {R"(0xFFFFFFFFFFFFFFFFFFFF)",
     R"(Module(body=[Expr(value=Constant(value=1208925819614629174706175))], type_ignores=[]))"},
    {R"(0o777777777777777777777777)",
     R"(Module(body=[Expr(value=Constant(value=4722366482869645213695))], type_ignores=[]))"},
    {R"(0b1111111111111111111111111111111111111111111111111111111111111111)",
     R"(Module(body=[Expr(value=Constant(value=18446744073709551615))], type_ignores=[]))"},
    {R"(123456789012345678901234567890)",
     R"(Module(body=[Expr(value=Constant(value=123456789012345678901234567890))], type_ignores=[]))"},
    {R"(1.5)", R"(Module(body=[Expr(value=Constant(value=1.5))], type_ignores=[]))"},
    {R"(1e10)", R"(Module(body=[Expr(value=Constant(value=10000000000.0))], type_ignores=[]))"},
    {R"(1.5e-3)", R"(Module(body=[Expr(value=Constant(value=0.0015))], type_ignores=[]))"},
    {R"(.5)", R"(Module(body=[Expr(value=Constant(value=0.5))], type_ignores=[]))"},
    {R"(1.)", R"(Module(body=[Expr(value=Constant(value=1.0))], type_ignores=[]))"},
    {R"(1_0.0_1)", R"(Module(body=[Expr(value=Constant(value=10.01))], type_ignores=[]))"},
    {R"(1e16)", R"(Module(body=[Expr(value=Constant(value=1e+16))], type_ignores=[]))"},
    {R"(1e15)",
     R"(Module(body=[Expr(value=Constant(value=1000000000000000.0))], type_ignores=[]))"},
    {R"(0.0001)", R"(Module(body=[Expr(value=Constant(value=0.0001))], type_ignores=[]))"},
    {R"(0.00001)", R"(Module(body=[Expr(value=Constant(value=1e-05))], type_ignores=[]))"},
    {R"(1e308)", R"(Module(body=[Expr(value=Constant(value=1e+308))], type_ignores=[]))"},
    {R"(1j)", R"(Module(body=[Expr(value=Constant(value=1j))], type_ignores=[]))"},
    {R"(1.5j)", R"(Module(body=[Expr(value=Constant(value=1.5j))], type_ignores=[]))"},
    {R"(10J)", R"(Module(body=[Expr(value=Constant(value=10j))], type_ignores=[]))"},
    {R"('abc')", R"(Module(body=[Expr(value=Constant(value='abc'))], type_ignores=[]))"},
    {R"("abc")", R"(Module(body=[Expr(value=Constant(value='abc'))], type_ignores=[]))"},
    {R"('''abc''')", R"(Module(body=[Expr(value=Constant(value='abc'))], type_ignores=[]))"},
    {R"("""a
b""")",
     R"(Module(body=[Expr(value=Constant(value='a\nb'))], type_ignores=[]))"},
    {R"('a' 'b')", R"(Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[]))"},
    {R"('a' "b" '''c''')", R"(Module(body=[Expr(value=Constant(value='abc'))], type_ignores=[]))"},
    {R"(b'abc')", R"(Module(body=[Expr(value=Constant(value=b'abc'))], type_ignores=[]))"},
    {R"(b'a' b'c')", R"(Module(body=[Expr(value=Constant(value=b'ac'))], type_ignores=[]))"},
    {R"(rb'\d')", R"(Module(body=[Expr(value=Constant(value=b'\\d'))], type_ignores=[]))"},
    {R"(br'\d')", R"(Module(body=[Expr(value=Constant(value=b'\\d'))], type_ignores=[]))"},
    {R"(R'\n')", R"(Module(body=[Expr(value=Constant(value='\\n'))], type_ignores=[]))"},
    {R"(r'\n')", R"(Module(body=[Expr(value=Constant(value='\\n'))], type_ignores=[]))"},
    {R"('\n\t\\\'\"')",
     R"(Module(body=[Expr(value=Constant(value='\n\t\\\'"'))], type_ignores=[]))"},
    {R"('\x41\101\u00e9\U0001F600')",
     R"(Module(body=[Expr(value=Constant(value='AAé😀'))], type_ignores=[]))"},
    {R"('\q')", R"(Module(body=[Expr(value=Constant(value='\\q'))], type_ignores=[]))"},
    {R"('\0')", R"(Module(body=[Expr(value=Constant(value='\x00'))], type_ignores=[]))"},
    {R"(b'\x00\xff')",
     R"(Module(body=[Expr(value=Constant(value=b'\x00\xff'))], type_ignores=[]))"},
    {R"('a\
b')",
     R"(Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[]))"},
    {R"(f'')", R"(Module(body=[Expr(value=JoinedStr(values=[]))], type_ignores=[]))"},
    {R"(f'abc')",
     R"(Module(body=[Expr(value=JoinedStr(values=[Constant(value='abc')]))], type_ignores=[]))"},
    {R"(f'{x}')", R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))"},
    {R"(f'a{x}b')",
     R"(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='b')]))], type_ignores=[]))"},
    {R"(f'{x!r}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[]))"},
    {R"(f'{x!s:>10}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=115, format_spec=JoinedStr(values=[Constant(value='>10')]))]))], type_ignores=[]))"},
    {R"(f'{x:{w}.{p}}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='p', ctx=Load()), conversion=-1)]))]))], type_ignores=[]))"},
    {R"(f'{x:>10}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10')]))]))], type_ignores=[]))"},
    {R"(f'{{}}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[Constant(value='{}')]))], type_ignores=[]))"},
    {R"(f'{{{x}}}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[Constant(value='{'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='}')]))], type_ignores=[]))"},
    {R"(f'{x}' 'abc' f'{y}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='abc'), FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]))], type_ignores=[]))"},
    {R"('abc' f'{y}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[Constant(value='abc'), FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]))], type_ignores=[]))"},
    {R"(f'{x=}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[]))"},
    {R"(f'{x = }')",
     R"(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[]))"},
    {R"(f'{x=!s}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=115)]))], type_ignores=[]))"},
    {R"(f'{x=:>5}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>5')]))]))], type_ignores=[]))"},
    {R"(f'{a["b"]}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)]))], type_ignores=[]))"},
    {R"(f"{'a' if x else 'b'}")",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=IfExp(test=Name(id='x', ctx=Load()), body=Constant(value='a'), orelse=Constant(value='b')), conversion=-1)]))], type_ignores=[]))"},
    {R"(f'{x, y}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), conversion=-1)]))], type_ignores=[]))"},
    {R"(f'{(lambda: 1)()}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Call(func=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=1)), args=[], keywords=[]), conversion=-1)]))], type_ignores=[]))"},
    {R"(f'{d[1:2]}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='d', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load()), conversion=-1)]))], type_ignores=[]))"},
    {R"(f'{x!r:^{w}}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='^'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)]))]))], type_ignores=[]))"},
    {R"(F'{x}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))"},
    {R"(rf'\n{x}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))"},
    {R"(fr'{x}\n')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\\n')]))], type_ignores=[]))"},
    {R"(f'\n{x}\t')",
     R"(Module(body=[Expr(value=JoinedStr(values=[Constant(value='\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\t')]))], type_ignores=[]))"},
    {R"(f'{x:%H:%M}')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='%H:%M')]))]))], type_ignores=[]))"},
    {R"(f'''{
x
}''')",
     R"(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))"},
    {R"(())", R"(Module(body=[Expr(value=Tuple(elts=[], ctx=Load()))], type_ignores=[]))"},
    {R"((1,))",
     R"(Module(body=[Expr(value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[]))"},
    {R"(1,)",
     R"(Module(body=[Expr(value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[]))"},
    {R"(1, 2)",
     R"(Module(body=[Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[]))"},
    {R"((1, 2))",
     R"(Module(body=[Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[]))"},
    {R"([])", R"(Module(body=[Expr(value=List(elts=[], ctx=Load()))], type_ignores=[]))"},
    {R"([1])",
     R"(Module(body=[Expr(value=List(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[]))"},
    {R"([1, 2,])",
     R"(Module(body=[Expr(value=List(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[]))"},
    {R"([*a, b])",
     R"(Module(body=[Expr(value=List(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[]))"},
    {R"({})", R"(Module(body=[Expr(value=Dict(keys=[], values=[]))], type_ignores=[]))"},
    {R"({1: 2})",
     R"(Module(body=[Expr(value=Dict(keys=[Constant(value=1)], values=[Constant(value=2)]))], type_ignores=[]))"},
    {R"({1: 2, 3: 4,})",
     R"(Module(body=[Expr(value=Dict(keys=[Constant(value=1), Constant(value=3)], values=[Constant(value=2), Constant(value=4)]))], type_ignores=[]))"},
    {R"({**a, 'b': 1})",
     R"(Module(body=[Expr(value=Dict(keys=[None, Constant(value='b')], values=[Name(id='a', ctx=Load()), Constant(value=1)]))], type_ignores=[]))"},
    {R"({1})", R"(Module(body=[Expr(value=Set(elts=[Constant(value=1)]))], type_ignores=[]))"},
    {R"({1, 2})",
     R"(Module(body=[Expr(value=Set(elts=[Constant(value=1), Constant(value=2)]))], type_ignores=[]))"},
    {R"({*a, b})",
     R"(Module(body=[Expr(value=Set(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())]))], type_ignores=[]))"},
    {R"([x for x in y])",
     R"(Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))"},
    {R"([x for x in y if x if z])",
     R"(Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load()), Name(id='z', ctx=Load())], is_async=0)]))], type_ignores=[]))"},
    {R"([x for x in y for z in x])",
     R"(Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0), comprehension(target=Name(id='z', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))"},
    {R"({x for x in y})",
     R"(Module(body=[Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))"},
    {R"({k: v for k, v in d.items()})",
     R"(Module(body=[Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Call(func=Attribute(value=Name(id='d', ctx=Load()), attr='items', ctx=Load()), args=[], keywords=[]), ifs=[], is_async=0)]))], type_ignores=[]))"},
    {R"((x for x in y))",
     R"(Module(body=[Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))"},
    {R"([x for x, in y])",
     R"(Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='x', ctx=Store())], ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))"},
    {R"([(a, b) for a in x if a for b in a])",
     R"(Module(body=[Expr(value=ListComp(elt=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), generators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[Name(id='a', ctx=Load())], is_async=0), comprehension(target=Name(id='b', ctx=Store()), iter=Name(id='a', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))"},
    {R"([x for x in a if b if c])",
     R"(Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='a', ctx=Load()), ifs=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())], is_async=0)]))], type_ignores=[]))"},
    {R"(x = [
    1,
    2,
])",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[]))"},
    {R"(x = (1 +
     2))",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[]))"},
    {R"(x = 1 + \
    2)",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[]))"},
    {R"(if x:
    # comment

    y
    # other)",
     R"(Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], orelse=[])], type_ignores=[]))"},
    {R"(z)", R"(Module(body=[Expr(value=Name(id='z', ctx=Load()))], type_ignores=[]))"},
    {R"(def f():
    def g():
        return 1
    return g)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Constant(value=1))], decorator_list=[]), Return(value=Name(id='g', ctx=Load()))], decorator_list=[])], type_ignores=[]))"},
    {R"(class A:
    def f(self):
        if x:
            return 1
        else:
            return 2)",
     R"(Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[If(test=Name(id='x', ctx=Load()), body=[Return(value=Constant(value=1))], orelse=[Return(value=Constant(value=2))])], decorator_list=[])], decorator_list=[])], type_ignores=[]))"},
    {R"(print(f"{x!a}"))",
     R"(Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=97)])], keywords=[]))], type_ignores=[]))"},
    {R"(a = b = c = d)",
     R"(Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], value=Name(id='d', ctx=Load()))], type_ignores=[]))"},
    {R"(x = a if b else c)",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))], type_ignores=[]))"},
    {R"(x = lambda: (yield))",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Yield()))], type_ignores=[]))"},
    {R"(x = not a)",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())))], type_ignores=[]))"},
    {R"(x = -1)",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), operand=Constant(value=1)))], type_ignores=[]))"},
    {R"(x = *a, *b)",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[]))"},
    {R"(for x in *a, *b: pass)",
     R"(Module(body=[For(target=Name(id='x', ctx=Store()), iter=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[]))"},
    {R"(a[...])",
     R"(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=Ellipsis), ctx=Load()))], type_ignores=[]))"},
    {R"(a.b[c].d(e)[f])", R"(Module(body=[Expr(value=Subscript(value=Call(func=Attribute(value=Subscript(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), slice=Name(id='c', ctx=Load()), ctx=Load()), attr='d', ctx=Load()), args=[Name(id='e', ctx=Load())], keywords=[]), slice=Name(id='f', ctx=Load()), ctx=Load()))], type_ignores=[]))"},
    {R"(x = 1if y else 2)",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='y', ctx=Load()), body=Constant(value=1), orelse=Constant(value=2)))], type_ignores=[]))"},
    {R"(x = [1for x in y])",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=ListComp(elt=Constant(value=1), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))"},
    {R"(if a: x; y)",
     R"(Module(body=[If(test=Name(id='a', ctx=Load()), body=[Expr(value=Name(id='x', ctx=Load())), Expr(value=Name(id='y', ctx=Load()))], orelse=[])], type_ignores=[]))"},
    {R"(while 1: pass)",
     R"(Module(body=[While(test=Constant(value=1), body=[Pass()], orelse=[])], type_ignores=[]))"},
    {R"(x = (
  1
))",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[]))"},
    {R"(@property
def f(self): pass)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Name(id='property', ctx=Load())])], type_ignores=[]))"},
    {R"(try:
    pass
except* ValueError:
    pass)",
     R"(Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='ValueError', ctx=Load()), body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[]))"},
    {R"(def f(a, b, /): pass)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a'), arg(arg='b')], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[]))"},
    {R"(def f(**kw,): pass)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='kw'), defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[]))"},
    {R"(def f(*args,): pass)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], vararg=arg(arg='args'), kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[]))"},
    {R"(def f(a,): pass)",
     R"(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[]))"},
    {R"(f(a,))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]))], type_ignores=[]))"},
    {R"(f(*a,))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], keywords=[]))], type_ignores=[]))"},
    {R"(f(**a,))",
     R"(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(value=Name(id='a', ctx=Load()))]))], type_ignores=[]))"},
    {R"(class A(B,): pass)",
     R"(Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load())], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[]))"},
    {R"(x = 'a' \
    'b')",
     R"(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='ab'))], type_ignores=[]))"},
    {R"(match = 1)",
     R"(Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1))], type_ignores=[]))"},
    {R"(case = 2)",
     R"(Module(body=[Assign(targets=[Name(id='case', ctx=Store())], value=Constant(value=2))], type_ignores=[]))"},
    {R"(_ = 3)",
     R"(Module(body=[Assign(targets=[Name(id='_', ctx=Store())], value=Constant(value=3))], type_ignores=[]))"},
    {R"(type = 4)",
     R"(Module(body=[Assign(targets=[Name(id='type', ctx=Store())], value=Constant(value=4))], type_ignores=[]))"},
    {R"(print(match, case))",
     R"(Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='match', ctx=Load()), Name(id='case', ctx=Load())], keywords=[]))], type_ignores=[]))"},
};
// Generated from CPython 3.11: compile(src) -> (type, lineno, offset, msg).
const ErrorCase kErrorCases[] = {
    {R"(x = "abc)", "SyntaxError", 1, 5, R"(unterminated string literal (detected at line 1))"},
    {R"(x = '''abc

def)",
     "SyntaxError", 1, 5, R"(unterminated triple-quoted string literal (detected at line 3))"},
    {R"(if x
  pass)",
     "SyntaxError", 1, 5, R"(expected ':')"},
    {R"(if x:
pass)",
     "IndentationError", 2, 1, R"(expected an indented block after 'if' statement on line 1)"},
    {R"(  x)", "IndentationError", 1, 2, R"(unexpected indent)"},
    {R"(if x:
    a
  b)",
     "IndentationError", 3, 4, R"(unindent does not match any outer indentation level)"},
    {R"(x = (1,
)",
     "SyntaxError", 1, 5, R"('(' was never closed)"},
    {R"(x = ))", "SyntaxError", 1, 5, R"(unmatched ')')"},
    {R"(x = (])", "SyntaxError", 1, 6,
     R"(closing parenthesis ']' does not match opening parenthesis '(')"},
    {R"(x = (
])",
     "SyntaxError", 2, 1,
     R"(closing parenthesis ']' does not match opening parenthesis '(' on line 1)"},
    {R"(012)", "SyntaxError", 1, 1,
     R"(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)"},
    {R"(1abc)", "SyntaxError", 1, 1, R"(invalid decimal literal)"},
    {R"(0x)", "SyntaxError", 1, 2, R"(invalid hexadecimal literal)"},
    {R"(1__0)", "SyntaxError", 1, 2, R"(invalid decimal literal)"},
    {R"(1_)", "SyntaxError", 1, 2, R"(invalid decimal literal)"},
    {R"(b'é')", "SyntaxError", 1, 1, R"(bytes can only contain ASCII literal characters)"},
    {R"(a $ b)", "SyntaxError", 1, 3, R"(invalid syntax)"},
    {R"(a ? b)", "SyntaxError", 1, 3, R"(invalid syntax)"},
    {R"(a ! b)", "SyntaxError", 1, 3, R"(invalid syntax)"},
    {R"(x = 'a' b'c')", "SyntaxError", 1, 13, R"(cannot mix bytes and nonbytes literals)"},
    {R"(1 = x)", "SyntaxError", 1, 1,
     R"(cannot assign to literal here. Maybe you meant '==' instead of '='?)"},
    {R"((a, 1) = x)", "SyntaxError", 1, 5, R"(cannot assign to literal)"},
    {R"(del 1)", "SyntaxError", 1, 5, R"(cannot delete literal)"},
    {R"(f() += 1)", "SyntaxError", 1, 1,
     R"('function call' is an illegal expression for augmented assignment)"},
    {R"(a b)", "SyntaxError", 1, 3, R"(invalid syntax)"},
    {R"([a b])", "SyntaxError", 1, 2, R"(invalid syntax. Perhaps you forgot a comma?)"},
    {R"(if x = 1: pass)", "SyntaxError", 1, 4,
     R"(invalid syntax. Maybe you meant '==' or ':=' instead of '='?)"},
    {R"(f(x=1, y))", "SyntaxError", 1, 9, R"(positional argument follows keyword argument)"},
    {R"(def f(a=1, b): pass)", "SyntaxError", 1, 12,
     R"(non-default argument follows default argument)"},
    {R"(\x)", "SyntaxError", 1, 2, R"(unexpected character after line continuation character)"},
    {R"(x = 1 \)", "SyntaxError", 1, 8, R"(unexpected EOF while parsing)"},
    {R"(for 1 in x: pass)", "SyntaxError", 1, 5, R"(cannot assign to literal)"},
    {R"(None = 1)", "SyntaxError", 1, 1, R"(cannot assign to None)"},
    {R"(print 'x')", "SyntaxError", 1, 1,
     R"(Missing parentheses in call to 'print'. Did you mean print(...)?)"},
    {R"(f(1 = 2))", "SyntaxError", 1, 3,
     R"(expression cannot contain assignment, perhaps you meant "=="?)"},
    {R"(f(x for x in y, 1))", "SyntaxError", 1, 3, R"(Generator expression must be parenthesized)"},
    {R"(x = f'{}')", "SyntaxError", 1, 10, R"(f-string: empty expression not allowed)"},
    {R"(x = f'}')", "SyntaxError", 1, 9, R"(f-string: single '}' is not allowed)"},
    {R"(x = f'{a!x}')", "SyntaxError", 1, 13,
     R"(f-string: invalid conversion character: expected 's', 'r', or 'a')"},
    {R"((x.y := 1))", "SyntaxError", 1, 2, R"(cannot use assignment expressions with attribute)"},
    {R"(a if b = 1)", "SyntaxError", 1, 1, R"(expected 'else' after 'if' expression)"},
    {R"(def f(*): pass)", "SyntaxError", 1, 7, R"(named arguments must follow bare *)"},
    {R"(while x:
foo)",
     "IndentationError", 2, 1, R"(expected an indented block after 'while' statement on line 1)"},
    {R"(try:
pass)",
     "IndentationError", 2, 1, R"(expected an indented block after 'try' statement on line 1)"},
    {R"(class A:
x)",
     "IndentationError", 2, 1, R"(expected an indented block after class definition on line 1)"},
    {R"(def f():
x)",
     "IndentationError", 2, 1, R"(expected an indented block after function definition on line 1)"},
    {R"(x = [1, 2)", "SyntaxError", 1, 5, R"('[' was never closed)"},
    {R"(if x:
	if y:
        pass
	        z)",
     "TabError", 3, 1, R"(inconsistent use of tabs and spaces in indentation)"},
    {R"(x = 'abc\
)",
     "SyntaxError", 1, 5, R"(unterminated string literal (detected at line 1))"},
    {R"(lambda: 1 = 1)", "SyntaxError", 1, 1, R"(cannot assign to lambda)"},
    {R"(... = 1)", "SyntaxError", 1, 1,
     R"(cannot assign to ellipsis here. Maybe you meant '==' instead of '='?)"},
    {R"(x = yield = 1)", "SyntaxError", 1, 5, R"(assignment to yield expression not possible)"},
    {R"(f(**k, *a))", "SyntaxError", 1, 8,
     R"(iterable argument unpacking follows keyword argument unpacking)"},
    {R"(x = 5 if 3)", "SyntaxError", 1, 5, R"(expected 'else' after 'if' expression)"},
    {R"(a = 1 +)", "SyntaxError", 1, 8, R"(invalid syntax)"},
    {R"(class)", "SyntaxError", 1, 6, R"(invalid syntax)"},
    {R"(def f(:)", "SyntaxError", 1, 7, R"(invalid syntax)"},
    {R"(import)", "SyntaxError", 1, 7, R"(invalid syntax)"},
    {R"(from x import)", "SyntaxError", 1, 14, R"(invalid syntax)"},
    {R"(from x import (a, b)", "SyntaxError", 1, 15, R"('(' was never closed)"},
    {R"(x = {1: 2, 3})", "SyntaxError", 1, 12, R"(':' expected after dictionary key)"},
    {R"(f(a b))", "SyntaxError", 1, 3, R"(invalid syntax. Perhaps you forgot a comma?)"},
    {R"(x = 08)", "SyntaxError", 1, 5,
     R"(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)"},
    {R"(0b2)", "SyntaxError", 1, 3, R"(invalid digit '2' in binary literal)"},
    {R"(0o8)", "SyntaxError", 1, 3, R"(invalid digit '8' in octal literal)"},
    {R"(x="""a
b)",
     "SyntaxError", 1, 3, R"(unterminated triple-quoted string literal (detected at line 2))"},
    {R"(x = '\xZZ')", "SyntaxError", 1, 11,
     R"((unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape)"},
    {R"(def f(a, *, b): pass
def g(**k, a): pass)",
     "SyntaxError", 2, 12, R"(arguments cannot follow var-keyword argument)"},
    {R"(x = [i for i in range(3) if])", "SyntaxError", 1, 28, R"(invalid syntax)"},
    {R"(x = 1 if 2 else)", "SyntaxError", 1, 16, R"(invalid syntax)"},
    {R"(await x)", "SyntaxError", 1, 1, R"('await' outside function)"},
    {R"(if x:
    a
  bcd = 1)",
     "IndentationError", 3, 10, R"(unindent does not match any outer indentation level)"},
    {R"(x = 1abc)", "SyntaxError", 1, 5, R"(invalid decimal literal)"},
    {R"(x = 0x1g)", "SyntaxError", 1, 7, R"(invalid hexadecimal literal)"},
    {R"(x = 0o19)", "SyntaxError", 1, 8, R"(invalid digit '9' in octal literal)"},
    {R"(if x:
    a
        b)",
     "IndentationError", 3, 8, R"(unexpected indent)"},
    {R"(def f():
    if x:
    y)",
     "IndentationError", 3, 5, R"(expected an indented block after 'if' statement on line 2)"},
    {R"(x = ('a'
  b'c'))",
     "SyntaxError", 2, 7, R"(cannot mix bytes and nonbytes literals)"},
    {R"(f'{x')", "SyntaxError", 1, 6, R"(f-string: expecting '}')"},
    {R"(f'{x!}')", "SyntaxError", 1, 8,
     R"(f-string: invalid conversion character: expected 's', 'r', or 'a')"},
    {R"(f'{x:{y:{z}}}')", "SyntaxError", 1, 15, R"(f-string: expressions nested too deeply)"},
    {R"(f'{x:{y:{z:{w}}}}')", "SyntaxError", 1, 19, R"(f-string: expressions nested too deeply)"},
    {R"(x = f'{a#}')", "SyntaxError", 1, 12, R"(f-string expression part cannot include '#')"},
    {R"(x = f'{a\n}')", "SyntaxError", 1, 13,
     R"(f-string expression part cannot include a backslash)"},
    {R"(x=1
if x:
  pass
 else:
  pass)",
     "IndentationError", 4, 7, R"(unindent does not match any outer indentation level)"},
    {R"(if x:
)",
     "IndentationError", 1, 6, R"(expected an indented block after 'if' statement on line 1)"},
    {R"(if x y:
 pass)",
     "SyntaxError", 1, 6, R"(invalid syntax)"},
    {R"(lambda x 1)", "SyntaxError", 1, 10, R"(invalid syntax)"},
    {R"(except A, B: pass)", "SyntaxError", 1, 1, R"(invalid syntax)"},
    {R"(try:
 pass
except A, B:
 pass)",
     "SyntaxError", 3, 8, R"(multiple exception types must be parenthesized)"},
    {R"(x = [1, 2 3])", "SyntaxError", 1, 9, R"(invalid syntax. Perhaps you forgot a comma?)"},
    {R"(f(**k, a))", "SyntaxError", 1, 9,
     R"(positional argument follows keyword argument unpacking)"},
    {R"(a.b = 1 = 2)", "SyntaxError", 1, 7, R"(cannot assign to literal)"},
    {R"(x = 1 = y)", "SyntaxError", 1, 5, R"(cannot assign to literal)"},
    {R"(x +=)", "SyntaxError", 1, 5, R"(invalid syntax)"},
    {R"(for x in 1 2: pass)", "SyntaxError", 1, 12, R"(invalid syntax)"},
    {R"('a' 'b' = 1)", "SyntaxError", 1, 1,
     R"(cannot assign to literal here. Maybe you meant '==' instead of '='?)"},
    {R"(f'{x}' = 1)", "SyntaxError", 1, 1,
     R"(cannot assign to f-string expression here. Maybe you meant '==' instead of '='?)"},
    {R"(del f())", "SyntaxError", 1, 5, R"(cannot delete function call)"},
    {R"(del (a, 1))", "SyntaxError", 1, 9, R"(cannot delete literal)"},
    {R"((a, b): int)", "SyntaxError", 1, 1, R"(only single target (not tuple) can be annotated)"},
    {R"([a]: int)", "SyntaxError", 1, 1, R"(only single target (not list) can be annotated)"},
    {R"(a + 1: int)", "SyntaxError", 1, 1, R"(illegal target for annotation)"},
    {R"(with a as 1: pass)", "SyntaxError", 1, 11, R"(cannot assign to literal)"},
};

std::string parse_dump(const std::string& src, bool attrs = false, std::string_view mode = "exec") {
  ast::AstArena arena;
  ParseResult r = parse(src, "<test>", arena, mode);
  if (r.error) return "error: " + r.error->message;
  return dump(*r.module, attrs);
}

std::optional<SyntaxErrorInfo> parse_error(const std::string& src) {
  ast::AstArena arena;
  return parse(src, "<test>", arena).error;
}

TEST(Parser, MatchesCPythonAst) {
  for (const AstCase& c : kAstCases) EXPECT_EQ(parse_dump(c.source), c.dump) << c.source;
}

TEST(Parser, MatchesCPythonErrors) {
  for (const ErrorCase& c : kErrorCases) {
    auto e = parse_error(c.source);
    ASSERT_TRUE(e.has_value()) << c.source;
    EXPECT_EQ(e->type, c.type) << c.source;
    EXPECT_EQ(e->message, c.message) << c.source;
    EXPECT_EQ(e->line, c.line) << c.source;
    EXPECT_EQ(e->col, c.col) << c.source;
  }
}

TEST(Parser, Positions) {
  EXPECT_EQ(parse_dump("(a) + b", true),
            "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load(), lineno=1, col_offset=1, "
            "end_lineno=1, end_col_offset=2), op=Add(), right=Name(id='b', ctx=Load(), lineno=1, "
            "col_offset=6, end_lineno=1, end_col_offset=7), lineno=1, col_offset=0, end_lineno=1, "
            "end_col_offset=7), lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], "
            "type_ignores=[])");
  // Replacement fields carry their true position inside the file.
  EXPECT_EQ(parse_dump("x = 1\nf'ab{cd}'", true), parse_dump("x = 1\nf'ab{cd}'", true));
  ast::AstArena arena;
  ParseResult r = parse("x = 1\nf'ab{cd}'\n", "<test>", arena);
  ASSERT_TRUE(r.module);
  auto* stmt = static_cast<ast::ExprStmt*>(r.module->body[1]);
  auto* joined = static_cast<ast::JoinedStr*>(stmt->value);
  ASSERT_EQ(joined->values.size(), 2u);
  auto* field = static_cast<ast::FormattedValue*>(joined->values[1]);
  EXPECT_EQ(field->value->loc.line, 2);
  EXPECT_EQ(field->value->loc.col, 5);
  EXPECT_EQ(field->value->loc.end_col, 7);
}

TEST(Parser, EvalMode) {
  EXPECT_EQ(parse_dump("1 + 2\n\n", false, "eval"),
            "Module(body=[Expr(value=BinOp(left=Constant(value=1), op=Add(), "
            "right=Constant(value=2)))], type_ignores=[])");
  EXPECT_EQ(parse_dump("x = 1", false, "eval"), "error: invalid syntax");
}

TEST(Parser, Literals) {
  ast::AstArena arena;
  ParseResult r =
      parse("0xFFFFFFFFFFFFFFFFFFFF\n9223372036854775807\n1.5j\nb'\\xff'\n", "<t>", arena);
  ASSERT_TRUE(r.module);
  auto value = [&](int i) {
    return static_cast<ast::Constant*>(static_cast<ast::ExprStmt*>(r.module->body[i])->value);
  };
  EXPECT_EQ(value(0)->ckind, ast::ConstKind::BigInt);
  EXPECT_EQ(value(0)->big_digits, "1208925819614629174706175");
  EXPECT_EQ(value(1)->ckind, ast::ConstKind::Int);
  EXPECT_EQ(value(1)->int_value, INT64_MAX);
  EXPECT_EQ(value(2)->ckind, ast::ConstKind::Imag);
  EXPECT_EQ(value(2)->float_value, 1.5);
  EXPECT_EQ(value(3)->ckind, ast::ConstKind::Bytes);
  EXPECT_EQ(value(3)->str_value, "\xff");
}

TEST(Parser, StringErrors) {
  EXPECT_EQ(parse_error("x = 'a' b'c'")->message, "cannot mix bytes and nonbytes literals");
  EXPECT_EQ(parse_error("b'\xc3\xa9'")->message, "bytes can only contain ASCII literal characters");
  EXPECT_EQ(parse_error("f'{x'")->message, "f-string: expecting '}'");
  EXPECT_EQ(parse_error("f'{x!z}'")->message,
            "f-string: invalid conversion character: expected 's', 'r', or 'a'");
  EXPECT_EQ(parse_error("f'{a b}'")->message,
            "f-string: invalid syntax. Perhaps you forgot a comma?");
  EXPECT_EQ(parse_error("f'{x:{y:{z}}}'")->message, "f-string: expressions nested too deeply");
  EXPECT_EQ(parse_error("x = '\\xZZ'")->message,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
            "truncated \\xXX escape");
}

TEST(Parser, NullBytes) {
  auto e = parse_error(std::string("x = 1\ny\0", 8));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->message, "source code cannot contain null bytes");
  EXPECT_EQ(e->line, 2);
}

TEST(Parser, ErrorCarriesSourceLine) {
  auto e = parse_error("x = 1\nif x\n  pass\n");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->message, "expected ':'");
  EXPECT_EQ(e->line, 2);
  EXPECT_EQ(e->col, 5);
  EXPECT_EQ(e->text, "if x");
  EXPECT_EQ(e->filename, "<test>");
}

TEST(Parser, DeepNestingIsAnErrorNotACrash) {
  for (const std::string& src :
       {std::string(100000, '-') + "x", std::string(100000, '~') + "x",
        [] {
          std::string s;
          for (int i = 0; i < 50000; ++i) s += "not ";
          return s + "x";
        }(),
        [] {
          std::string s;
          for (int i = 0; i < 50000; ++i) s += "lambda: ";
          return s + "x";
        }(),
        [] {
          std::string s;
          for (int i = 0; i < 50000; ++i) s += "a if b else ";
          return s + "c";
        }(),
        [] {
          std::string s;
          for (int i = 0; i < 50000; ++i) s += "a**";
          return s + "b";
        }(),
        std::string(100000, '('), std::string(100000, '['), "x = " + std::string(1000, '{')}) {
    auto e = parse_error(src);
    ASSERT_TRUE(e.has_value());
    EXPECT_FALSE(e->message.empty());
  }
  // The limits leave room for what real programs do.
  EXPECT_FALSE(parse_error(std::string(199, '(') + "x" + std::string(199, ')')));
  EXPECT_FALSE(parse_error(std::string(500, '-') + "x"));
  std::string chain;
  for (int i = 0; i < 20000; ++i) chain += "a + ";
  EXPECT_FALSE(parse_error(chain + "a"));  // left-associative chains do not recurse
}

// Random bytes and mutations of valid programs: the parser must return, with
// either a module or an error, and never crash or hang.
TEST(Parser, FuzzDoesNotCrash) {
  std::mt19937 rng(12345);
  const char* alphabet = "()[]{}:;,.=+-*/%@&|^~<>!'\"\\#\n\t fjrbx01_9eE\x80\xc3\xa9";
  size_t alpha_len = std::char_traits<char>::length(alphabet);
  auto check = [](const std::string& src) {
    ast::AstArena arena;
    ParseResult r = parse(src, "<fuzz>", arena);
    EXPECT_TRUE((r.module != nullptr) != r.error.has_value());
    if (r.module) dump(*r.module);
  };
  for (int i = 0; i < 3000; ++i) {
    std::string src;
    int n = static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) src += alphabet[rng() % alpha_len];
    check(src);
  }
  for (const AstCase& c : kAstCases) {
    std::string base = c.source;
    for (int i = 0; i < 40; ++i) {
      std::string src = base;
      int edits = 1 + static_cast<int>(rng() % 3);
      for (int k = 0; k < edits && !src.empty(); ++k) {
        size_t at = rng() % src.size();
        switch (rng() % 3) {
          case 0:
            src.erase(at, 1);
            break;
          case 1:
            src.insert(at, 1, alphabet[rng() % alpha_len]);
            break;
          default:
            src[at] = static_cast<char>(rng() % 256);
            break;
        }
      }
      check(src);
    }
  }
}

}  // namespace
}  // namespace gilvm
