// The abstract syntax tree: the contract between the parser and the compiler.
//
// Node kinds and field names follow CPython's `ast` module, so that anyone who
// knows `ast.dump()` can read this file. Nodes are owned by an AstArena and
// freed all at once when compilation ends; pointers between nodes are plain
// raw pointers (non-owning). Trade-off: no per-node destructors, so nodes hold
// only trivially destructible data or std containers whose memory the arena
// releases through its own destructor (nodes are destroyed by the arena).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gilvm::ast {

struct Loc {
  int line = 0;  // 1-based
  int col = 0;   // 0-based, in code points
  int end_line = 0;
  int end_col = 0;
};

enum class BinOpKind : uint8_t { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv };
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class BoolOpKind : uint8_t { And, Or };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class ExprContext : uint8_t { Load, Store, Del };

struct Node {
  Loc loc;
  virtual ~Node() = default;
};

// ---------------------------------------------------------------- expressions
enum class ExprKind : uint8_t {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice
};

struct Expr : Node {
  ExprKind kind;
  explicit Expr(ExprKind k) : kind(k) {}
};

struct Arguments;
struct Stmt;

// A literal. The parser has already decoded escapes and parsed numbers.
enum class ConstKind : uint8_t { None, True, False, Ellipsis, Int, BigInt, Float, Imag, Str, Bytes };
struct Constant : Expr {
  Constant() : Expr(ExprKind::Constant) {}
  ConstKind ckind = ConstKind::None;
  int64_t int_value = 0;   // Int: fits in int64
  std::string big_digits;  // BigInt: decimal digits, optional leading '-'
  double float_value = 0;  // Float, Imag
  std::string str_value;   // Str: UTF-8 text; Bytes: raw bytes
};

struct BoolOp : Expr {
  BoolOp() : Expr(ExprKind::BoolOp) {}
  BoolOpKind op;
  std::vector<Expr*> values;  // two or more
};
struct NamedExpr : Expr {
  NamedExpr() : Expr(ExprKind::NamedExpr) {}
  Expr* target;  // a Name
  Expr* value;
};
struct BinOp : Expr {
  BinOp() : Expr(ExprKind::BinOp) {}
  Expr* left;
  BinOpKind op;
  Expr* right;
};
struct UnaryOp : Expr {
  UnaryOp() : Expr(ExprKind::UnaryOp) {}
  UnaryOpKind op;
  Expr* operand;
};
struct Lambda : Expr {
  Lambda() : Expr(ExprKind::Lambda) {}
  Arguments* args;
  Expr* body;
};
struct IfExp : Expr {
  IfExp() : Expr(ExprKind::IfExp) {}
  Expr* test;
  Expr* body;
  Expr* orelse;
};
struct DictExpr : Expr {
  DictExpr() : Expr(ExprKind::Dict) {}
  std::vector<Expr*> keys;  // nullptr key means `**values[i]`
  std::vector<Expr*> values;
};
struct SetExpr : Expr {
  SetExpr() : Expr(ExprKind::Set) {}
  std::vector<Expr*> elts;  // may contain Starred
};
struct Comprehension {
  Expr* target;
  Expr* iter;
  std::vector<Expr*> ifs;
  bool is_async = false;
};
// ListComp, SetComp, GeneratorExp use elt; DictComp uses key and value.
struct Comp : Expr {
  explicit Comp(ExprKind k) : Expr(k) {}
  Expr* elt = nullptr;
  Expr* key = nullptr;
  Expr* value = nullptr;
  std::vector<Comprehension> generators;
};
struct Await : Expr {
  Await() : Expr(ExprKind::Await) {}
  Expr* value;
};
struct Yield : Expr {
  Yield() : Expr(ExprKind::Yield) {}
  Expr* value = nullptr;  // may be null
};
struct YieldFrom : Expr {
  YieldFrom() : Expr(ExprKind::YieldFrom) {}
  Expr* value;
};
struct Compare : Expr {
  Compare() : Expr(ExprKind::Compare) {}
  Expr* left;
  std::vector<CmpOpKind> ops;
  std::vector<Expr*> comparators;
};
struct Keyword {
  Loc loc;
  std::string arg;  // empty means `**value`
  Expr* value;
};
struct Call : Expr {
  Call() : Expr(ExprKind::Call) {}
  Expr* func;
  std::vector<Expr*> args;  // may contain Starred
  std::vector<Keyword> keywords;
};
// One `{value!conv:spec}` replacement field of an f-string.
struct FormattedValue : Expr {
  FormattedValue() : Expr(ExprKind::FormattedValue) {}
  Expr* value;
  int conversion = -1;  // -1 none, 's', 'r', 'a'
  Expr* format_spec = nullptr;  // a JoinedStr, or null
};
// An f-string: Constant(Str) and FormattedValue parts.
struct JoinedStr : Expr {
  JoinedStr() : Expr(ExprKind::JoinedStr) {}
  std::vector<Expr*> values;
};
struct Attribute : Expr {
  Attribute() : Expr(ExprKind::Attribute) {}
  Expr* value;
  std::string attr;
  ExprContext ctx = ExprContext::Load;
};
struct Subscript : Expr {
  Subscript() : Expr(ExprKind::Subscript) {}
  Expr* value;
  Expr* slice;  // a Slice, a Tuple (a[1:2, 3]) or any expression
  ExprContext ctx = ExprContext::Load;
};
struct Starred : Expr {
  Starred() : Expr(ExprKind::Starred) {}
  Expr* value;
  ExprContext ctx = ExprContext::Load;
};
struct Name : Expr {
  Name() : Expr(ExprKind::Name) {}
  std::string id;
  ExprContext ctx = ExprContext::Load;
};
// List and Tuple displays (and assignment targets).
struct Sequence : Expr {
  explicit Sequence(ExprKind k) : Expr(k) {}
  std::vector<Expr*> elts;
  ExprContext ctx = ExprContext::Load;
};
struct SliceExpr : Expr {
  SliceExpr() : Expr(ExprKind::Slice) {}
  Expr* lower = nullptr;
  Expr* upper = nullptr;
  Expr* step = nullptr;
};

// ---------------------------------------------------------------- arguments
struct Arg {
  Loc loc;
  std::string name;
  Expr* annotation = nullptr;
};
struct Arguments {
  std::vector<Arg> posonlyargs;
  std::vector<Arg> args;
  Arg* vararg = nullptr;   // *args, or null
  std::vector<Arg> kwonlyargs;
  std::vector<Expr*> kw_defaults;  // parallel to kwonlyargs; null = no default
  Arg* kwarg = nullptr;    // **kwargs, or null
  std::vector<Expr*> defaults;  // for the last len(defaults) of posonlyargs+args
};

// ---------------------------------------------------------------- statements
enum class StmtKind : uint8_t {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For,
  AsyncFor, While, If, With, AsyncWith, Match, Raise, Try, TryStar, Assert, Import, ImportFrom,
  Global, Nonlocal, Expr, Pass, Break, Continue
};

struct Stmt : Node {
  StmtKind kind;
  explicit Stmt(StmtKind k) : kind(k) {}
};

struct FunctionDef : Stmt {
  FunctionDef() : Stmt(StmtKind::FunctionDef) {}
  std::string name;
  Arguments* args;
  std::vector<Stmt*> body;
  std::vector<Expr*> decorator_list;
  Expr* returns = nullptr;
};
struct ClassDef : Stmt {
  ClassDef() : Stmt(StmtKind::ClassDef) {}
  std::string name;
  std::vector<Expr*> bases;
  std::vector<Keyword> keywords;
  std::vector<Stmt*> body;
  std::vector<Expr*> decorator_list;
};
struct Return : Stmt {
  Return() : Stmt(StmtKind::Return) {}
  Expr* value = nullptr;
};
struct Delete : Stmt {
  Delete() : Stmt(StmtKind::Delete) {}
  std::vector<Expr*> targets;
};
struct Assign : Stmt {
  Assign() : Stmt(StmtKind::Assign) {}
  std::vector<Expr*> targets;  // a = b = value has two targets
  Expr* value;
};
struct AugAssign : Stmt {
  AugAssign() : Stmt(StmtKind::AugAssign) {}
  Expr* target;  // Name, Attribute or Subscript
  BinOpKind op;
  Expr* value;
};
struct AnnAssign : Stmt {
  AnnAssign() : Stmt(StmtKind::AnnAssign) {}
  Expr* target;
  Expr* annotation;
  Expr* value = nullptr;
  bool simple = true;
};
struct For : Stmt {
  For() : Stmt(StmtKind::For) {}
  Expr* target;
  Expr* iter;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
};
struct While : Stmt {
  While() : Stmt(StmtKind::While) {}
  Expr* test;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
};
struct If : Stmt {
  If() : Stmt(StmtKind::If) {}
  Expr* test;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;  // `elif` is a nested If here, as in CPython
};
struct WithItem {
  Expr* context_expr;
  Expr* optional_vars = nullptr;
};
struct With : Stmt {
  With() : Stmt(StmtKind::With) {}
  std::vector<WithItem> items;
  std::vector<Stmt*> body;
};
struct Raise : Stmt {
  Raise() : Stmt(StmtKind::Raise) {}
  Expr* exc = nullptr;
  Expr* cause = nullptr;
};
struct ExceptHandler {
  Loc loc;
  Expr* type = nullptr;  // null for a bare `except:`
  std::string name;      // empty when there is no `as NAME`
  std::vector<Stmt*> body;
};
struct Try : Stmt {
  Try() : Stmt(StmtKind::Try) {}
  std::vector<Stmt*> body;
  std::vector<ExceptHandler> handlers;
  std::vector<Stmt*> orelse;
  std::vector<Stmt*> finalbody;
};
struct Assert : Stmt {
  Assert() : Stmt(StmtKind::Assert) {}
  Expr* test;
  Expr* msg = nullptr;
};
struct Alias {
  Loc loc;
  std::string name;    // dotted for `import a.b`; "*" for `from m import *`
  std::string asname;  // empty if none
};
struct Import : Stmt {
  Import() : Stmt(StmtKind::Import) {}
  std::vector<Alias> names;
};
struct ImportFrom : Stmt {
  ImportFrom() : Stmt(StmtKind::ImportFrom) {}
  std::string module;  // may be empty for `from . import x`
  std::vector<Alias> names;
  int level = 0;  // number of leading dots
};
struct NameList : Stmt {  // Global and Nonlocal
  explicit NameList(StmtKind k) : Stmt(k) {}
  std::vector<std::string> names;
};
struct ExprStmt : Stmt {
  ExprStmt() : Stmt(StmtKind::Expr) {}
  Expr* value;
};
struct Simple : Stmt {  // Pass, Break, Continue
  explicit Simple(StmtKind k) : Stmt(k) {}
};

// ---------------------------------------------------------------- match patterns
enum class PatternKind : uint8_t {
  MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass, MatchStar, MatchAs, MatchOr
};
struct Pattern : Node {
  PatternKind kind;
  explicit Pattern(PatternKind k) : kind(k) {}
};
struct MatchValue : Pattern {  // a literal or a dotted name, compared with ==
  MatchValue() : Pattern(PatternKind::MatchValue) {}
  Expr* value;
};
struct MatchSingleton : Pattern {  // None, True, False, compared with `is`
  MatchSingleton() : Pattern(PatternKind::MatchSingleton) {}
  ConstKind value = ConstKind::None;
};
struct MatchSequence : Pattern {
  MatchSequence() : Pattern(PatternKind::MatchSequence) {}
  std::vector<Pattern*> patterns;  // at most one MatchStar
};
struct MatchMapping : Pattern {
  MatchMapping() : Pattern(PatternKind::MatchMapping) {}
  std::vector<Expr*> keys;  // literals or dotted names
  std::vector<Pattern*> patterns;
  std::string rest;  // `**rest`, empty if none
};
struct MatchClass : Pattern {
  MatchClass() : Pattern(PatternKind::MatchClass) {}
  Expr* cls;
  std::vector<Pattern*> patterns;
  std::vector<std::string> kwd_attrs;
  std::vector<Pattern*> kwd_patterns;
};
struct MatchStar : Pattern {  // `*name` in a sequence; empty name for `*_`
  MatchStar() : Pattern(PatternKind::MatchStar) {}
  std::string name;
};
// `pattern as name`; a bare capture has no pattern; `_` has neither.
struct MatchAs : Pattern {
  MatchAs() : Pattern(PatternKind::MatchAs) {}
  Pattern* pattern = nullptr;
  std::string name;
};
struct MatchOr : Pattern {
  MatchOr() : Pattern(PatternKind::MatchOr) {}
  std::vector<Pattern*> patterns;
};
struct MatchCase {
  Pattern* pattern;
  Expr* guard = nullptr;
  std::vector<Stmt*> body;
};
struct Match : Stmt {
  Match() : Stmt(StmtKind::Match) {}
  Expr* subject;
  std::vector<MatchCase> cases;
};

struct Module {
  std::vector<Stmt*> body;
};

// Owns every node of one parse. Nodes are created with make<T>() and all die
// together with the arena.
class AstArena {
 public:
  template <typename T, typename... A>
  T* make(A&&... a) {
    auto node = std::make_unique<T>(std::forward<A>(a)...);
    T* raw = node.get();
    if constexpr (std::is_base_of_v<Node, T>) {
      nodes_.push_back(std::move(node));
    } else {
      others_.push_back(std::shared_ptr<void>(node.release(), [](void* p) { delete static_cast<T*>(p); }));
    }
    return raw;
  }

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<std::shared_ptr<void>> others_;  // Arguments, Arg and other non-Node structs
};

}  // namespace gilvm::ast
