// Code generation: see compiler.h for the design.
#include "compiler/compiler.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>

#include "compiler/code.h"
#include "compiler/opcodes.h"
#include "compiler/symtable.h"
#include "parser/parser.h"
#include "runtime/bytes.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/thread_state.h"

namespace gilvm {

using namespace ast;

namespace {

// Why a block is on the compile-time block stack: what leaving it early
// (break/continue/return) must undo.
enum class BlockKind {
  While,
  For,             // the iterator is on the stack
  TryExcept,       // a protected try body: its region must be suspended
  TryFinally,      // its finally body runs on every exit
  FinallyCleanup,  // running a finally body for an exception: exc on stack
  HandlerCleanup,  // inside an except clause body
  With,            // __exit__ (or an async with's __aexit__) is on the stack
};

struct Block {
  explicit Block(BlockKind k, int cont = -1, int brk = -1) : kind(k), continue_label(cont), break_label(brk) {}
  BlockKind kind;
  int continue_label = -1;
  int break_label = -1;
  int region = -1;                                // protected region, if any
  const std::vector<Stmt*>* finalbody = nullptr;  // TryFinally
  std::string handler_name;                       // HandlerCleanup: `except E as name`
  bool is_async = false;                          // With: `async with`, its exit awaited
};

struct Region {
  int target_label;
  uint32_t depth;
  uint32_t open_start = 0;
  bool open = false;
};

// GET_AWAITABLE's operand: what produced the awaitable (CPython's messages differ).
enum AwaitWhere : uint32_t { kAwaitPlain = 0, kAwaitAfterAenter = 1, kAwaitAfterAexit = 2 };

int binop_code(BinOpKind k) {
  switch (k) {
    case BinOpKind::Add: return static_cast<int>(BinaryOp::Add);
    case BinOpKind::Sub: return static_cast<int>(BinaryOp::Sub);
    case BinOpKind::Mult: return static_cast<int>(BinaryOp::Mul);
    case BinOpKind::MatMult: return static_cast<int>(BinaryOp::MatMul);
    case BinOpKind::Div: return static_cast<int>(BinaryOp::TrueDiv);
    case BinOpKind::Mod: return static_cast<int>(BinaryOp::Mod);
    case BinOpKind::Pow: return static_cast<int>(BinaryOp::Pow);
    case BinOpKind::LShift: return static_cast<int>(BinaryOp::LShift);
    case BinOpKind::RShift: return static_cast<int>(BinaryOp::RShift);
    case BinOpKind::BitOr: return static_cast<int>(BinaryOp::Or);
    case BinOpKind::BitXor: return static_cast<int>(BinaryOp::Xor);
    case BinOpKind::BitAnd: return static_cast<int>(BinaryOp::And);
    case BinOpKind::FloorDiv: return static_cast<int>(BinaryOp::FloorDiv);
  }
  return 0;
}

// CompareOp for the six rich comparisons; -1 for is/in.
int cmpop_code(CmpOpKind k) {
  switch (k) {
    case CmpOpKind::Lt: return static_cast<int>(CompareOp::Lt);
    case CmpOpKind::LtE: return static_cast<int>(CompareOp::Le);
    case CmpOpKind::Eq: return static_cast<int>(CompareOp::Eq);
    case CmpOpKind::NotEq: return static_cast<int>(CompareOp::Ne);
    case CmpOpKind::Gt: return static_cast<int>(CompareOp::Gt);
    case CmpOpKind::GtE: return static_cast<int>(CompareOp::Ge);
    default: return -1;
  }
}

// Stack effect of an instruction; `jump` selects the effect along the
// branch for conditional jumps.
int stack_effect(Op op, uint32_t a, bool jump) {
  switch (op) {
    case Op::BUILD_SLICE:
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
    case Op::BUILD_SET:
    case Op::BUILD_STRING: return 1 - static_cast<int>(a);
    case Op::BUILD_MAP: return 1 - 2 * static_cast<int>(a);
    case Op::FORMAT_VALUE: return (a & 4) ? -1 : 0;
    case Op::UNPACK_SEQUENCE: return static_cast<int>(a) - 1;
    case Op::UNPACK_EX: return static_cast<int>((a & 0xff) + (a >> 8));
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case Op::FOR_ITER: return jump ? -1 : 1;
    case Op::CALL: return -static_cast<int>(a);
    case Op::CALL_METHOD: return -static_cast<int>(a) - 1;
    case Op::CALL_KW: return -static_cast<int>(a) - 1;
    case Op::CALL_EX: return (a & 1) ? -2 : -1;
    case Op::MAKE_FUNCTION: return -(((a & 1) != 0) + ((a & 2) != 0) + ((a & 8) != 0));
    case Op::RAISE_VARARGS: return -static_cast<int>(a);
    default: return kOpInfo[static_cast<int>(op)].stack;
  }
}

class CompileError {};  // unwinds the compiler (never the eval loop) on a syntax error

struct Unit {
  Scope* scope = nullptr;
  Code* code = nullptr;
  std::string qualname;
  std::vector<uint32_t> words;
  std::vector<int32_t> lines;
  std::vector<int> label_pos;                     // -1 until bound
  std::vector<int> label_depth;                   // stack depth at the label, -1 unknown
  std::vector<std::pair<size_t, int>> patches;    // word index -> label
  std::vector<std::pair<size_t, int>> handler_targets;  // handlers index -> label
  std::map<std::string, uint32_t> const_index;
  std::unordered_map<std::string, uint32_t> name_index;
  std::unordered_map<std::string, uint32_t> var_index;
  std::unordered_map<std::string, uint32_t> cell_index;  // cellvars then freevars
  std::vector<Block> blocks;
  std::vector<Region> regions;
  int depth = 0;
  int max_depth = 0;
  int line = 1;
  size_t last_instr = SIZE_MAX;  // start of the last instruction, for peepholes
  size_t last_label_at = SIZE_MAX;
};

class Compiler {
 public:
  Compiler(ThreadState& ts, const std::string& filename, std::shared_ptr<const std::string> source,
           SymbolTable& symbols)
      : ts_(ts), filename_(filename), source_(std::move(source)), symbols_(symbols) {}

  std::optional<SyntaxErrorInfo> error;

  Code* compile_module(const ast::Module& m, bool eval_mode) {
    Scope* scope = symbols_.module_scope();
    push_unit(scope, "<module>", 1);
    if (eval_mode) {
      auto* es = static_cast<ExprStmt*>(m.body.at(0));
      set_line(es->loc.line);
      expr(es->value);
      emit(Op::RETURN_VALUE);
    } else {
      body_with_docstring(m.body, true);
      emit_const_none();
      emit(Op::RETURN_VALUE);
    }
    return pop_unit(0, 0, 0, kCodeModule);
  }

  [[noreturn]] void fail(const Loc& loc, std::string message, std::string type = "SyntaxError") {
    SyntaxErrorInfo e;
    e.type = std::move(type);
    e.message = std::move(message);
    e.filename = filename_;
    e.line = loc.line;
    e.col = loc.col + 1;
    e.end_col = loc.end_line == loc.line ? loc.end_col + 1 : 0;
    e.text = line_text(loc.line);
    error = std::move(e);
    throw CompileError{};
  }

 private:
  ThreadState& ts_;
  const std::string& filename_;
  std::shared_ptr<const std::string> source_;
  SymbolTable& symbols_;
  std::vector<Unit> units_;

  Unit& u() { return units_.back(); }

  std::string line_text(int line) const {
    const std::string& s = *source_;
    size_t pos = 0;
    for (int l = 1; l < line; ++l) {
      pos = s.find('\n', pos);
      if (pos == std::string::npos) return "";
      ++pos;
    }
    size_t end = s.find('\n', pos);
    return s.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  }

  // ------------------------------------------------------------ units

  void push_unit(Scope* scope, const std::string& qualname, int firstline) {
    units_.emplace_back();
    Unit& unit = u();
    unit.scope = scope;
    unit.qualname = qualname;
    unit.line = firstline;
    unit.code = code_new(ts_);
    unit.code->firstlineno = firstline;
    unit.code->name = str_intern(ts_, scope->name);
    unit.code->qualname = str_intern(ts_, qualname);
    unit.code->filename = str_intern(ts_, filename_);
    unit.code->source = source_;
    bool is_function =
        scope->kind == ScopeKind::Function || scope->kind == ScopeKind::Comprehension;
    if (is_function) {
      for (const std::string& p : scope->params) add_var(p);
      // Every other local gets a slot too, in a stable (sorted) order.
      std::vector<std::string> locals;
      for (auto& [name, ns] : scope->resolved) {
        if (ns == NameScope::Local || ns == NameScope::Cell) locals.push_back(name);
      }
      std::sort(locals.begin(), locals.end());
      for (const std::string& name : locals) add_var(name);
    }
    for (const std::string& c : scope->cellvars) {
      unit.cell_index[c] = static_cast<uint32_t>(unit.cell_index.size());
      unit.code->cellvars.push_back(str_intern(ts_, c));
      auto it = unit.var_index.find(c);
      bool is_param = it != unit.var_index.end() &&
                      std::find(scope->params.begin(), scope->params.end(), c) != scope->params.end();
      unit.code->cell_param.push_back(is_param ? static_cast<int32_t>(it->second) : -1);
    }
    for (const std::string& f : scope->freevars) {
      unit.cell_index[f] = static_cast<uint32_t>(unit.cell_index.size());
      unit.code->freevars.push_back(str_intern(ts_, f));
    }
  }

  uint32_t add_var(const std::string& name) {
    Unit& unit = u();
    auto it = unit.var_index.find(name);
    if (it != unit.var_index.end()) return it->second;
    uint32_t idx = static_cast<uint32_t>(unit.code->varnames.size());
    unit.code->varnames.push_back(str_intern(ts_, name));
    unit.var_index[name] = idx;
    return idx;
  }

  Code* pop_unit(int argcount, int posonly, int kwonly, uint32_t flags) {
    Unit& unit = u();
    for (auto& [marked, label] : unit.patches) {
      // Bit 62 marks an extra operand word that holds a whole jump target.
      bool whole_word = (marked & kWholeWordPatch) != 0;
      size_t at = marked & ~kWholeWordPatch;
      uint32_t pos = static_cast<uint32_t>(unit.label_pos[label]);
      uint32_t& w = unit.words[at];
      w = whole_word ? pos : ((w & 0xff) | (pos << 8));
    }
    Code* code = unit.code;
    for (auto& [idx, label] : unit.handler_targets) {
      code->handlers[idx].target = static_cast<uint32_t>(unit.label_pos[label]);
    }
    code->words = std::move(unit.words);
    code->lines = std::move(unit.lines);
    code->argcount = argcount;
    code->posonlyargcount = posonly;
    code->kwonlyargcount = kwonly;
    code->nlocals = static_cast<int>(code->varnames.size());
    code->stacksize = unit.max_depth + 2;
    code->flags |= flags;
    if (unit.scope->is_generator) code->flags |= kCodeGenerator;
    if (unit.scope->is_coroutine)
      code->flags |= kCodeGenerator | (unit.scope->is_generator ? kCodeAsyncGenerator : kCodeCoroutine);
    units_.pop_back();
    return code;
  }

  static constexpr size_t kWholeWordPatch = size_t{1} << 62;

  // ------------------------------------------------------------ emitting

  void set_line(int line) {
    if (line > 0) u().line = line;
  }

  void track(int effect) {
    Unit& unit = u();
    unit.depth += effect;
    if (unit.depth > unit.max_depth) unit.max_depth = unit.depth;
  }

  size_t emit(Op op, uint32_t a = 0) {
    Unit& unit = u();
    if (a > kMaxOperand) fail(Loc{unit.line, 0, 0, 0}, "too many constants or names in one code object");
    // Peephole: two local loads in a row become one dispatch.
    if (op == Op::LOAD_FAST && unit.last_instr != SIZE_MAX && unit.last_label_at != unit.words.size() &&
        unit.last_instr + 1 == unit.words.size() && decode_op(unit.words[unit.last_instr]) == Op::LOAD_FAST) {
      uint32_t first = decode_arg(unit.words[unit.last_instr]);
      if (first < 4096 && a < 4096) {
        unit.words[unit.last_instr] = encode(Op::LOAD_FAST_LOAD_FAST, first | (a << 12));
        track(1);
        unit.last_instr = SIZE_MAX;
        return unit.words.size() - 1;
      }
    }
    size_t at = unit.words.size();
    unit.words.push_back(encode(op, a));
    unit.lines.push_back(unit.line);
    unit.last_instr = at;
    track(stack_effect(op, a, false));
    return at;
  }

  void emit_word(uint32_t w) {
    u().words.push_back(w);
    u().lines.push_back(u().line);
  }

  int new_label() {
    u().label_pos.push_back(-1);
    u().label_depth.push_back(-1);
    return static_cast<int>(u().label_pos.size() - 1);
  }

  void bind(int label) {
    Unit& unit = u();
    unit.label_pos[label] = static_cast<int>(unit.words.size());
    unit.last_label_at = unit.words.size();
    if (unit.label_depth[label] >= 0) unit.depth = unit.label_depth[label];
  }

  void bind_with_depth(int label, int depth) {
    bind(label);
    u().depth = depth;
    if (depth > u().max_depth) u().max_depth = depth;
  }

  void note_jump(int label, int depth_at_target) {
    Unit& unit = u();
    if (unit.label_depth[label] < depth_at_target) unit.label_depth[label] = depth_at_target;
  }

  void emit_jump(Op op, int label) {
    Unit& unit = u();
    int before = unit.depth;
    size_t at = emit(op, 0);
    unit.patches.emplace_back(at, label);
    note_jump(label, before + stack_effect(op, 0, true));
    if (op == Op::JUMP_FORWARD || op == Op::JUMP_BACKWARD) unit.depth = before;
  }

  // Fused instruction with its jump target in the last extra word.
  void emit_fused_jump(Op op, uint32_t a, std::vector<uint32_t> extra, int label) {
    Unit& unit = u();
    int before = unit.depth;
    emit(op, a);
    for (uint32_t w : extra) emit_word(w);
    size_t target_word = unit.words.size();
    emit_word(0);
    unit.patches.emplace_back(target_word | kWholeWordPatch, label);
    note_jump(label, before + stack_effect(op, a, true));
  }

  uint32_t add_const_value(const std::string& key, Value v) {
    Unit& unit = u();
    auto it = unit.const_index.find(key);
    if (it != unit.const_index.end()) {
      decref(v);
      return it->second;
    }
    uint32_t idx = static_cast<uint32_t>(unit.code->consts.size());
    unit.code->consts.push_back(v);
    unit.const_index[key] = idx;
    return idx;
  }

  Value constant_value(const Constant* c, std::string* key) {
    switch (c->ckind) {
      case ConstKind::None: *key = "N"; return ts_.none();
      case ConstKind::True: *key = "T"; return ts_.bool_value(true);
      case ConstKind::False: *key = "F"; return ts_.bool_value(false);
      case ConstKind::Ellipsis: *key = "E"; return ts_.interp->ellipsis;
      case ConstKind::Int:
        *key = "i" + std::to_string(c->int_value);
        return int_from_i64(ts_, c->int_value);
      case ConstKind::BigInt: {
        *key = "i" + c->big_digits;
        Value v = int_from_string(ts_, c->big_digits, 10);
        if (!v) {
          ts_.clear_error();
          fail(c->loc, "invalid integer literal");
        }
        return v;
      }
      case ConstKind::Float: {
        uint64_t bits;
        std::memcpy(&bits, &c->float_value, sizeof bits);
        *key = "f" + std::to_string(bits);
        return float_new(ts_, c->float_value);
      }
      case ConstKind::Imag:
        fail(c->loc, "complex numbers are not supported");
      case ConstKind::Str:
        *key = "s" + c->str_value;
        return Value::from_object(str_intern(ts_, c->str_value));
      case ConstKind::Bytes:
        *key = "b" + c->str_value;
        return bytes_new(ts_, c->str_value);
    }
    return ts_.none();
  }

  uint32_t const_index(const Constant* c) {
    std::string key;
    Value v = constant_value(c, &key);
    return add_const_value(key, v);
  }

  void emit_const_none() {
    emit(Op::LOAD_CONST, add_const_value("N", ts_.none()));
  }

  uint32_t str_const(const std::string& s) {
    return add_const_value("s" + s, Value::from_object(str_intern(ts_, s)));
  }

  // Attribute instructions carry an inline cache slot in their second word.
  void emit_attr(Op op, const std::string& name) {
    emit(op, name_index(name));
    emit_word(static_cast<uint32_t>(u().code->attr_caches.size()));
    u().code->attr_caches.emplace_back();
  }

  uint32_t name_index(const std::string& name) {
    Unit& unit = u();
    auto it = unit.name_index.find(name);
    if (it != unit.name_index.end()) return it->second;
    uint32_t idx = static_cast<uint32_t>(unit.code->names.size());
    unit.code->names.push_back(str_intern(ts_, name));
    unit.name_index[name] = idx;
    return idx;
  }

  // ------------------------------------------------------------ regions

  int new_region(int target_label) {
    Region r;
    r.target_label = target_label;
    r.depth = static_cast<uint32_t>(u().depth);
    u().regions.push_back(r);
    return static_cast<int>(u().regions.size() - 1);
  }

  void open_region(int r) {
    Region& reg = u().regions[r];
    reg.open = true;
    reg.open_start = static_cast<uint32_t>(u().words.size());
  }

  void close_region(int r) {
    Unit& unit = u();
    Region& reg = unit.regions[r];
    if (!reg.open) return;
    reg.open = false;
    uint32_t end = static_cast<uint32_t>(unit.words.size());
    if (end == reg.open_start) return;
    unit.code->handlers.push_back(ExceptionHandler{reg.open_start, end, 0, reg.depth});
    unit.handler_targets.emplace_back(unit.code->handlers.size() - 1, reg.target_label);
  }

  // ------------------------------------------------------------ names

  void name_op(const std::string& name, ExprContext ctx, const Loc& loc) {
    Unit& unit = u();
    NameScope ns = unit.scope->lookup(name);
    // A comprehension or function may not have seen names it does not use.
    switch (ns) {
      case NameScope::Local: {
        auto it = unit.var_index.find(name);
        uint32_t idx = it != unit.var_index.end() ? it->second : add_var(name);
        emit(ctx == ExprContext::Load ? Op::LOAD_FAST
             : ctx == ExprContext::Store ? Op::STORE_FAST
                                         : Op::DELETE_FAST,
             idx);
        return;
      }
      case NameScope::Cell:
      case NameScope::Free: {
        auto it = unit.cell_index.find(name);
        if (it == unit.cell_index.end()) break;  // class body binding a name also passed through
        emit(ctx == ExprContext::Load ? Op::LOAD_DEREF
             : ctx == ExprContext::Store ? Op::STORE_DEREF
                                         : Op::DELETE_DEREF,
             it->second);
        return;
      }
      case NameScope::GlobalExplicit:
      case NameScope::GlobalImplicit:
        if (unit.scope->kind == ScopeKind::Function || unit.scope->kind == ScopeKind::Comprehension ||
            ns == NameScope::GlobalExplicit) {
          if (ctx == ExprContext::Load) {
            emit(Op::LOAD_GLOBAL, name_index(name));
            emit_word(static_cast<uint32_t>(unit.code->global_caches.size()));
            unit.code->global_caches.emplace_back();
          } else {
            emit(ctx == ExprContext::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL, name_index(name));
          }
          return;
        }
        break;
      case NameScope::Name:
        break;
    }
    (void)loc;
    emit(ctx == ExprContext::Load ? Op::LOAD_NAME
         : ctx == ExprContext::Store ? Op::STORE_NAME
                                     : Op::DELETE_NAME,
         name_index(name));
  }

  // The local slot of `e` when it is a plain fast local, else -1.
  // True when `e` is a name some assignment expression in this scope binds.
  bool walrus_bound(const Expr* e) {
    if (e->kind != ExprKind::Name) return false;
    auto it = u().scope->flags.find(static_cast<const Name*>(e)->id);
    return it != u().scope->flags.end() && (it->second & kDefWalrus);
  }

  int fast_local(const Expr* e) {
    if (e->kind != ExprKind::Name) return -1;
    const std::string& id = static_cast<const Name*>(e)->id;
    if (u().scope->lookup(id) != NameScope::Local) return -1;
    auto it = u().var_index.find(id);
    return it == u().var_index.end() ? -1 : static_cast<int>(it->second);
  }

  // ------------------------------------------------------------ statements

  void body_with_docstring(const std::vector<Stmt*>& body, bool module) {
    size_t start = 0;
    if (!body.empty() && body[0]->kind == StmtKind::Expr) {
      auto* e = static_cast<ExprStmt*>(body[0])->value;
      if (e->kind == ExprKind::Constant && static_cast<Constant*>(e)->ckind == ConstKind::Str) {
        set_line(body[0]->loc.line);
        if (module) {
          emit(Op::LOAD_CONST, const_index(static_cast<Constant*>(e)));
          name_op("__doc__", ExprContext::Store, e->loc);
        } else {
          u().code->doc_const = static_cast<int>(const_index(static_cast<Constant*>(e)));
        }
        start = 1;
      }
    }
    // A module or class body with annotated names gets a fresh
    // __annotations__ dict (CPython's SETUP_ANNOTATIONS), which each
    // `name: annotation` statement then fills.
    if (module && has_annotations(body)) {
      emit(Op::BUILD_MAP, 0);
      name_op("__annotations__", ExprContext::Store, body[0]->loc);
    }
    for (size_t i = start; i < body.size(); ++i) stmt(body[i]);
  }

  // True when `body` (not counting nested functions and classes) has an
  // annotated assignment.
  static bool has_annotations(const std::vector<Stmt*>& body) {
    for (const Stmt* s : body) {
      switch (s->kind) {
        case StmtKind::AnnAssign: return true;
        case StmtKind::For: case StmtKind::AsyncFor: {
          auto* f = static_cast<const For*>(s);
          if (has_annotations(f->body) || has_annotations(f->orelse)) return true;
          break;
        }
        case StmtKind::While: {
          auto* w = static_cast<const While*>(s);
          if (has_annotations(w->body) || has_annotations(w->orelse)) return true;
          break;
        }
        case StmtKind::If: {
          auto* i = static_cast<const If*>(s);
          if (has_annotations(i->body) || has_annotations(i->orelse)) return true;
          break;
        }
        case StmtKind::With: case StmtKind::AsyncWith:
          if (has_annotations(static_cast<const With*>(s)->body)) return true;
          break;
        case StmtKind::Try: {
          auto* t = static_cast<const Try*>(s);
          if (has_annotations(t->body) || has_annotations(t->orelse) || has_annotations(t->finalbody)) {
            return true;
          }
          for (const ExceptHandler& h : t->handlers) {
            if (has_annotations(h.body)) return true;
          }
          break;
        }
        default: break;
      }
    }
    return false;
  }

  void stmts(const std::vector<Stmt*>& body) {
    for (const Stmt* s : body) stmt(s);
  }

  void stmt(const Stmt* s) {
    set_line(s->loc.line);
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* f = static_cast<const FunctionDef*>(s);
        for (Expr* d : f->decorator_list) expr(d);
        set_line(s->loc.line);
        make_function(f, f->name, f->args, &f->body, nullptr, f->loc.line);
        for (size_t i = 0; i < f->decorator_list.size(); ++i) emit(Op::CALL, 1);
        name_op(f->name, ExprContext::Store, f->loc);
        break;
      }
      case StmtKind::ClassDef:
        class_def(static_cast<const ClassDef*>(s));
        break;
      case StmtKind::Return: {
        auto* r = static_cast<const Return*>(s);
        if (u().scope->kind != ScopeKind::Function) fail(s->loc, "'return' outside function");
        if (r->value && u().scope->is_coroutine && u().scope->is_generator)
          fail(s->loc, "'return' with value in async generator");
        if (r->value) {
          expr(r->value);
        } else {
          emit_const_none();
        }
        unwind(static_cast<int>(u().blocks.size()) - 1, -1, true);
        emit(Op::RETURN_VALUE);
        reopen_all();
        break;
      }
      case StmtKind::Delete:
        for (Expr* t : static_cast<const Delete*>(s)->targets) delete_target(t);
        break;
      case StmtKind::Assign: {
        auto* a = static_cast<const Assign*>(s);
        expr(a->value);
        for (size_t i = 0; i < a->targets.size(); ++i) {
          if (i + 1 < a->targets.size()) emit(Op::COPY, 1);
          store_target(a->targets[i]);
        }
        break;
      }
      case StmtKind::AugAssign:
        aug_assign(static_cast<const AugAssign*>(s));
        break;
      case StmtKind::AnnAssign: {
        auto* a = static_cast<const AnnAssign*>(s);
        if (a->value) {
          expr(a->value);
          store_target(a->target);
        }
        // Module and class scopes evaluate the annotation (functions do
        // not) and record it for a simple name: __annotations__['x'] = T.
        if (u().scope->kind == ScopeKind::Module || u().scope->kind == ScopeKind::Class) {
          set_line(a->annotation->loc.line);
          expr(a->annotation);
          if (a->simple && a->target->kind == ExprKind::Name) {
            name_op("__annotations__", ExprContext::Load, a->loc);
            emit(Op::LOAD_CONST, str_const(static_cast<const Name*>(a->target)->id));
            emit(Op::STORE_SUBSCR);
          } else {
            emit(Op::POP_TOP);
          }
        }
        break;
      }
      case StmtKind::For:
        for_stmt(static_cast<const For*>(s));
        break;
      case StmtKind::AsyncFor:
        async_for_stmt(static_cast<const For*>(s));
        break;
      case StmtKind::AsyncWith: {
        auto* w = static_cast<const With*>(s);
        with_stmt(w, 0, true);
        break;
      }
      case StmtKind::While:
        while_stmt(static_cast<const While*>(s));
        break;
      case StmtKind::If: {
        auto* i = static_cast<const If*>(s);
        int orelse = new_label();
        int end = new_label();
        jump_if(i->test, orelse, false);
        stmts(i->body);
        if (!i->orelse.empty()) {
          emit_jump(Op::JUMP_FORWARD, end);
          bind(orelse);
          stmts(i->orelse);
        } else {
          bind(orelse);
        }
        bind(end);
        break;
      }
      case StmtKind::With: {
        auto* w = static_cast<const With*>(s);
        with_stmt(w, 0);
        break;
      }
      case StmtKind::Raise: {
        auto* r = static_cast<const Raise*>(s);
        int n = 0;
        if (r->exc) {
          expr(r->exc);
          ++n;
          if (r->cause) {
            expr(r->cause);
            ++n;
          }
        }
        set_line(s->loc.line);
        emit(Op::RAISE_VARARGS, static_cast<uint32_t>(n));
        break;
      }
      case StmtKind::Try:
        try_stmt(static_cast<const Try*>(s));
        break;
      case StmtKind::TryStar:
        fail(s->loc, "except* is not supported");
      case StmtKind::Assert: {
        auto* a = static_cast<const Assert*>(s);
        int end = new_label();
        jump_if(a->test, end, true);
        emit(Op::LOAD_ASSERTION_ERROR);
        if (a->msg) {
          expr(a->msg);
          emit(Op::CALL, 1);
        }
        set_line(s->loc.line);
        emit(Op::RAISE_VARARGS, 1);
        bind(end);
        break;
      }
      case StmtKind::Import:
        for (const Alias& a : static_cast<const Import*>(s)->names) import_alias(a);
        break;
      case StmtKind::ImportFrom:
        import_from(static_cast<const ImportFrom*>(s));
        break;
      case StmtKind::Global:
      case StmtKind::Nonlocal:
      case StmtKind::Pass:
        break;
      case StmtKind::Expr: {
        const Expr* e = static_cast<const ExprStmt*>(s)->value;
        if (e->kind == ExprKind::Constant) break;  // docstrings and bare literals do nothing
        expr(e);
        emit(Op::POP_TOP);
        break;
      }
      case StmtKind::Break:
      case StmtKind::Continue: {
        bool is_break = s->kind == StmtKind::Break;
        int loop = -1;
        for (int i = static_cast<int>(u().blocks.size()) - 1; i >= 0; --i) {
          BlockKind k = u().blocks[i].kind;
          if (k == BlockKind::While || k == BlockKind::For) {
            loop = i;
            break;
          }
        }
        if (loop < 0) fail(s->loc, is_break ? "'break' outside loop" : "'continue' not properly in loop");
        Block target = u().blocks[loop];
        unwind(static_cast<int>(u().blocks.size()) - 1, is_break ? loop : loop + 1, false);
        emit_jump(is_break ? Op::JUMP_FORWARD : Op::JUMP_BACKWARD,
                  is_break ? target.break_label : target.continue_label);
        reopen_all();
        break;
      }
      case StmtKind::Match:
        match_stmt(static_cast<const Match*>(s));
        break;
    }
  }

  // ------------------------------------------------------------ match
  // A case's pattern runs with its subject on top of the stack and, when it
  // matches, leaves the stack as it found it minus that subject, captures
  // stored. When it fails it jumps to a failure exit: `pop[k]` is the label
  // reached with k values above the case's base, and the chain of POP_TOPs
  // under those labels brings every exit to the next case at one depth.
  struct PatternExits {
    std::vector<int> pop;
    int on_top = 0;                   // values above the base right now
    bool allow_irrefutable = true;    // false: a capture or `_` here would shadow what follows
    std::vector<std::string> names;   // captured so far, in order
    std::vector<Loc> name_locs;       // where each was captured
  };

  void emit_int_const(int64_t n) {
    emit(Op::LOAD_CONST, add_const_value("i" + std::to_string(n), int_from_i64(ts_, n)));
  }

  int fail_label(PatternExits& px) {
    while (static_cast<int>(px.pop.size()) <= px.on_top) px.pop.push_back(new_label());
    return px.pop[px.on_top];
  }

  // TOS is a bool: pop it, and fail unless it is true.
  void fail_unless(PatternExits& px) { emit_jump(Op::POP_JUMP_IF_FALSE, fail_label(px)); }

  void emit_failure_exits(PatternExits& px, int base_depth) {
    for (size_t k = px.pop.size(); k-- > 1;) {
      bind_with_depth(px.pop[k], base_depth + static_cast<int>(k));
      emit(Op::POP_TOP);
    }
    if (!px.pop.empty()) bind_with_depth(px.pop[0], base_depth);
  }

  void capture(const std::string& name, PatternExits& px, const Loc& loc) {
    if (std::find(px.names.begin(), px.names.end(), name) != px.names.end())
      fail(loc, "multiple assignments to name '" + name + "' in pattern");
    px.names.push_back(name);
    px.name_locs.push_back(loc);
    name_op(name, ExprContext::Store, loc);
    --px.on_top;
  }

  // Subject on TOS: `if not (TOS is not None): fail`, keeping TOS.
  void fail_if_none(PatternExits& px) {
    emit(Op::COPY, 1);
    emit_const_none();
    emit(Op::IS_OP, 1);
    fail_unless(px);
  }

  void match_stmt(const Match* m) {
    expr(m->subject);
    int subject_depth = u().depth;
    int end = new_label();
    for (size_t i = 0; i < m->cases.size(); ++i) {
      const MatchCase& c = m->cases[i];
      bool last = i + 1 == m->cases.size();
      set_line(c.pattern->loc.line);
      // Every case but the last works on a copy, keeping the subject for the next.
      if (!last) emit(Op::COPY, 1);
      int base = last ? subject_depth - 1 : subject_depth;
      PatternExits px;
      px.on_top = 1;
      px.allow_irrefutable = last || c.guard;
      pattern(c.pattern, px);
      if (c.guard) jump_if(c.guard, fail_label(px), false);
      if (!last) emit(Op::POP_TOP);
      stmts(c.body);
      emit_jump(Op::JUMP_FORWARD, end);
      emit_failure_exits(px, base);
      u().depth = base;
    }
    bind_with_depth(end, subject_depth - 1);
  }

  void pattern(const Pattern* p, PatternExits& px) {
    set_line(p->loc.line);
    switch (p->kind) {
      case PatternKind::MatchValue:
        expr(static_cast<const MatchValue*>(p)->value);
        compare_op(CmpOpKind::Eq);
        --px.on_top;
        fail_unless(px);
        return;
      case PatternKind::MatchSingleton: {
        ConstKind k = static_cast<const MatchSingleton*>(p)->value;
        if (k == ConstKind::None) {
          emit_const_none();
        } else {
          bool t = k == ConstKind::True;
          emit(Op::LOAD_CONST, add_const_value(t ? "T" : "F", ts_.bool_value(t)));
        }
        emit(Op::IS_OP, 0);
        --px.on_top;
        fail_unless(px);
        return;
      }
      case PatternKind::MatchAs: {
        auto* a = static_cast<const MatchAs*>(p);
        if (!a->pattern) {
          if (!px.allow_irrefutable) {
            fail(p->loc, a->name.empty() ? std::string("wildcard makes remaining patterns unreachable")
                                         : "name capture '" + a->name + "' makes remaining patterns unreachable");
          }
          if (a->name.empty()) {
            emit(Op::POP_TOP);
            --px.on_top;
          } else {
            capture(a->name, px, p->loc);
          }
          return;
        }
        emit(Op::COPY, 1);
        ++px.on_top;
        pattern(a->pattern, px);
        capture(a->name, px, p->loc);
        return;
      }
      case PatternKind::MatchOr:
        or_pattern(static_cast<const MatchOr*>(p), px);
        return;
      case PatternKind::MatchSequence:
        sequence_pattern(static_cast<const MatchSequence*>(p), px);
        return;
      case PatternKind::MatchMapping:
        mapping_pattern(static_cast<const MatchMapping*>(p), px);
        return;
      case PatternKind::MatchClass:
        class_pattern(static_cast<const MatchClass*>(p), px);
        return;
      case PatternKind::MatchStar:
        fail(p->loc, "can't use starred expression here");
    }
  }

  // Each alternative but the last tries a copy of the subject with exits of
  // its own that lead to the next alternative; all must bind the same names.
  void or_pattern(const MatchOr* o, PatternExits& px) {
    int end = new_label();
    std::vector<std::string> bound;
    const size_t before = px.names.size();
    for (size_t i = 0; i < o->patterns.size(); ++i) {
      const Pattern* alt = o->patterns[i];
      bool last = i + 1 == o->patterns.size();
      PatternExits sub;
      PatternExits& exits = last ? px : sub;
      if (!last) {
        int depth = u().depth;
        emit(Op::COPY, 1);
        sub.on_top = 1;
        sub.allow_irrefutable = false;
        sub.names.assign(px.names.begin(), px.names.begin() + static_cast<long>(before));
        sub.name_locs.assign(px.name_locs.begin(), px.name_locs.begin() + static_cast<long>(before));
        pattern(alt, sub);
        emit(Op::POP_TOP);
        emit_jump(Op::JUMP_FORWARD, end);
        emit_failure_exits(sub, depth);
        u().depth = depth;
      } else {
        px.names.resize(before);
        px.name_locs.resize(before);
        pattern(alt, px);
      }
      // The names this alternative bound, which must be the first one's.
      std::vector<std::string> mine(exits.names.begin() + static_cast<long>(before), exits.names.end());
      if (i == 0) {
        bound = mine;
        std::sort(bound.begin(), bound.end());
        continue;
      }
      for (size_t k = 0; k < mine.size(); ++k) {
        if (!std::binary_search(bound.begin(), bound.end(), mine[k]))
          fail(exits.name_locs[before + k], "alternative patterns bind different names");
      }
      if (mine.size() != bound.size()) fail(alt->loc, "alternative patterns bind different names");
    }
    bind(end);
  }

  void sequence_pattern(const MatchSequence* q, PatternExits& px) {
    size_t n = q->patterns.size();
    size_t star = n;
    for (size_t i = 0; i < n; ++i)
      if (q->patterns[i]->kind == PatternKind::MatchStar) star = i;
    emit(Op::MATCH_SEQUENCE);
    fail_unless(px);
    if (star == n || n > 1) {
      emit(Op::GET_LEN);
      emit_int_const(static_cast<int64_t>(star == n ? n : n - 1));
      compare_op(star == n ? CmpOpKind::Eq : CmpOpKind::GtE);
      fail_unless(px);
    }
    if (star == n) {
      emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
    } else {
      emit(Op::UNPACK_EX, static_cast<uint32_t>(star | ((n - 1 - star) << 8)));
    }
    px.on_top += static_cast<int>(n) - 1;
    bool saved = px.allow_irrefutable;
    px.allow_irrefutable = true;
    for (const Pattern* sub : q->patterns) {
      if (sub->kind == PatternKind::MatchStar) {
        const std::string& name = static_cast<const MatchStar*>(sub)->name;
        if (name.empty()) {
          emit(Op::POP_TOP);
          --px.on_top;
        } else {
          capture(name, px, sub->loc);
        }
      } else {
        pattern(sub, px);
      }
    }
    px.allow_irrefutable = saved;
  }

  void mapping_pattern(const MatchMapping* m, PatternExits& px) {
    size_t nk = m->keys.size();
    emit(Op::MATCH_MAPPING);
    fail_unless(px);
    bool saved = px.allow_irrefutable;
    px.allow_irrefutable = true;
    if (nk > 0) {
      emit(Op::GET_LEN);
      emit_int_const(static_cast<int64_t>(nk));
      compare_op(CmpOpKind::GtE);
      fail_unless(px);
      // Literal keys are checked for repeats here; dotted-name keys by MATCH_KEYS.
      std::vector<std::string> seen;
      for (const Expr* k : m->keys) {
        if (k->kind == ExprKind::Constant) {
          std::string key;
          Value v = constant_value(static_cast<const Constant*>(k), &key);
          if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
            Value r = repr(ts_, v);
            std::string text = r ? std::string(as_str(r)->view()) : "?";
            if (r) decref(r);
            decref(v);
            ts_.clear_error();
            fail(m->loc, "mapping pattern checks duplicate key (" + text + ")");
          }
          decref(v);
          seen.push_back(key);
        }
        expr(k);
      }
      emit(Op::BUILD_TUPLE, static_cast<uint32_t>(nk));
      ++px.on_top;
      emit(Op::MATCH_KEYS);
      ++px.on_top;
      fail_if_none(px);
      emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(nk));
      px.on_top += static_cast<int>(nk) - 1;
      for (const Pattern* sub : m->patterns) pattern(sub, px);
    }
    if (!m->rest.empty()) {
      // rest = dict(subject) without the matched keys
      emit(Op::BUILD_MAP, 0);
      emit(Op::COPY, nk > 0 ? 3 : 2);
      emit(Op::DICT_UPDATE, 1);
      ++px.on_top;
      for (size_t i = 0; i < nk; ++i) {
        emit(Op::COPY, 1);
        emit(Op::COPY, 3);
        emit_int_const(static_cast<int64_t>(i));
        emit(Op::BINARY_SUBSCR);
        emit(Op::DELETE_SUBSCR);
      }
      capture(m->rest, px, m->loc);
    }
    if (nk > 0) {
      emit(Op::POP_TOP);  // the keys
      --px.on_top;
    }
    emit(Op::POP_TOP);  // the subject
    --px.on_top;
    px.allow_irrefutable = saved;
  }

  void class_pattern(const MatchClass* c, PatternExits& px) {
    for (size_t i = 0; i < c->kwd_attrs.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (c->kwd_attrs[i] == c->kwd_attrs[j])
          fail(c->kwd_patterns[i]->loc, "attribute name repeated in class pattern: " + c->kwd_attrs[i]);
    expr(c->cls);
    for (const std::string& attr : c->kwd_attrs) emit(Op::LOAD_CONST, str_const(attr));
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(c->kwd_attrs.size()));
    emit(Op::MATCH_CLASS, static_cast<uint32_t>(c->patterns.size()));
    fail_if_none(px);
    size_t n = c->patterns.size() + c->kwd_patterns.size();
    emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
    px.on_top += static_cast<int>(n) - 1;
    bool saved = px.allow_irrefutable;
    px.allow_irrefutable = true;
    for (const Pattern* sub : c->patterns) pattern(sub, px);
    for (const Pattern* sub : c->kwd_patterns) pattern(sub, px);
    px.allow_irrefutable = saved;
  }

  // Emits the code that leaves blocks[from] down to blocks[to] (inclusive;
  // `to` -1 means every block) early. `keep_tos`: a return value sits on top
  // of the stack and must survive.
  void unwind(int from, int to, bool keep_tos) {
    if (to < 0) to = 0;
    for (int i = from; i >= to; --i) {
      Block b = u().blocks[i];
      if (b.region >= 0) close_region(b.region);
      switch (b.kind) {
        case BlockKind::While:
        case BlockKind::TryExcept:
          break;
        case BlockKind::For:
          if (keep_tos) emit(Op::SWAP, 2);
          emit(Op::POP_TOP);
          break;
        case BlockKind::With:
          if (keep_tos) emit(Op::SWAP, 2);
          emit_const_none();
          emit_const_none();
          emit_const_none();
          emit(Op::CALL, 3);
          if (b.is_async) emit_await(kAwaitAfterAexit);
          emit(Op::POP_TOP);
          break;
        case BlockKind::TryFinally: {
          // The finally body is emitted with this block (and the ones
          // inside it) temporarily removed, so a return inside it does not
          // run it again.
          std::vector<Block> saved(u().blocks.begin() + i, u().blocks.end());
          u().blocks.erase(u().blocks.begin() + i, u().blocks.end());
          stmts(*b.finalbody);
          u().blocks.insert(u().blocks.end(), saved.begin(), saved.end());
          break;
        }
        case BlockKind::FinallyCleanup:
          emit(Op::POP_EXCEPT);
          if (keep_tos) emit(Op::SWAP, 2);
          emit(Op::POP_TOP);
          break;
        case BlockKind::HandlerCleanup:
          emit(Op::POP_EXCEPT);
          if (!b.handler_name.empty()) clear_handler_name(b.handler_name);
          break;
      }
    }
  }

  // After an unconditional exit, code that follows is inside every region
  // that is still on the block stack.
  void reopen_all() {
    for (Block& b : u().blocks) {
      if (b.region >= 0 && !u().regions[b.region].open) open_region(b.region);
    }
  }

  void clear_handler_name(const std::string& name) {
    emit_const_none();
    name_op(name, ExprContext::Store, Loc{});
    name_op(name, ExprContext::Del, Loc{});
  }

  void while_stmt(const While* w) {
    int top = new_label();
    int orelse = new_label();
    int end = new_label();
    bind(top);
    bool infinite = w->test->kind == ExprKind::Constant && constant_truth(static_cast<Constant*>(w->test)) == 1;
    if (!infinite) jump_if(w->test, orelse, false);
    u().blocks.push_back(Block(BlockKind::While, top, end));
    stmts(w->body);
    u().blocks.pop_back();
    set_line(w->loc.line);
    emit_jump(Op::JUMP_BACKWARD, top);
    bind(orelse);
    stmts(w->orelse);
    bind(end);
  }

  static int constant_truth(const Constant* c) {
    switch (c->ckind) {
      case ConstKind::True: return 1;
      case ConstKind::False:
      case ConstKind::None: return 0;
      case ConstKind::Int: return c->int_value != 0;
      case ConstKind::Str:
      case ConstKind::Bytes: return !c->str_value.empty();
      default: return -1;
    }
  }

  void for_stmt(const For* f) {
    int top = new_label();
    int orelse = new_label();
    int end = new_label();
    expr(f->iter);
    emit(Op::GET_ITER);
    bind(top);
    set_line(f->loc.line);
    emit_jump(Op::FOR_ITER, orelse);
    store_target(f->target);
    u().blocks.push_back(Block(BlockKind::For, top, end));
    stmts(f->body);
    u().blocks.pop_back();
    set_line(f->loc.line);
    emit_jump(Op::JUMP_BACKWARD, top);
    bind(orelse);
    stmts(f->orelse);
    bind(end);
  }

  void try_stmt(const Try* t) {
    if (t->finalbody.empty()) {
      try_except(t);
      return;
    }
    int d = u().depth;
    int handler = new_label();
    int cleanup = new_label();
    int end = new_label();
    int region = new_region(handler);
    Block block(BlockKind::TryFinally);
    block.region = region;
    block.finalbody = &t->finalbody;
    u().blocks.push_back(block);
    open_region(region);
    if (t->handlers.empty()) {
      stmts(t->body);
    } else {
      try_except(t);
    }
    close_region(region);
    u().blocks.pop_back();
    stmts(t->finalbody);
    emit_jump(Op::JUMP_FORWARD, end);

    bind_with_depth(handler, d + 1);
    emit(Op::PUSH_EXC_INFO);
    int cleanup_region = new_region(cleanup);
    u().regions[cleanup_region].depth = static_cast<uint32_t>(d);
    Block fc(BlockKind::FinallyCleanup);
    fc.region = cleanup_region;
    u().blocks.push_back(fc);
    open_region(cleanup_region);
    stmts(t->finalbody);
    emit(Op::RERAISE);
    close_region(cleanup_region);
    u().blocks.pop_back();

    bind_with_depth(cleanup, d + 1);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    bind_with_depth(end, d);
  }

  void try_except(const Try* t) {
    int d = u().depth;
    int handler = new_label();
    int cleanup = new_label();
    int orelse = new_label();
    int end = new_label();
    int region = new_region(handler);
    Block body_block(BlockKind::TryExcept);
    body_block.region = region;
    u().blocks.push_back(body_block);
    open_region(region);
    stmts(t->body);
    close_region(region);
    u().blocks.pop_back();
    emit_jump(Op::JUMP_FORWARD, orelse);

    bind_with_depth(handler, d + 1);
    emit(Op::PUSH_EXC_INFO);
    int cleanup_region = new_region(cleanup);
    u().regions[cleanup_region].depth = static_cast<uint32_t>(d);
    open_region(cleanup_region);
    for (size_t i = 0; i < t->handlers.size(); ++i) {
      const ExceptHandler& h = t->handlers[i];
      set_line(h.loc.line);
      int next = new_label();
      if (h.type) {
        expr(h.type);
        emit(Op::CHECK_EXC_MATCH);
        emit_jump(Op::POP_JUMP_IF_FALSE, next);
      } else if (i + 1 < t->handlers.size()) {
        fail(h.loc, "default 'except:' must be last");
      }
      if (!h.name.empty()) {
        name_op(h.name, ExprContext::Store, h.loc);
      } else {
        emit(Op::POP_TOP);
      }
      Block hb(BlockKind::HandlerCleanup);
      hb.region = cleanup_region;
      hb.handler_name = h.name;
      u().blocks.push_back(hb);
      stmts(h.body);
      u().blocks.pop_back();
      if (!u().regions[cleanup_region].open) open_region(cleanup_region);
      if (!h.name.empty()) clear_handler_name(h.name);
      emit(Op::POP_EXCEPT);
      emit_jump(Op::JUMP_FORWARD, end);
      bind_with_depth(next, d + 1);
    }
    emit(Op::RERAISE);
    close_region(cleanup_region);

    bind_with_depth(cleanup, d + 1);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);

    bind_with_depth(orelse, d);
    stmts(t->orelse);
    bind_with_depth(end, d);
  }

  // `await`: the awaitable's iterator, driven by YIELD_FROM until it returns.
  // The operand of GET_AWAITABLE says what produced it, for its error messages.
  void emit_await(uint32_t where = kAwaitPlain) {
    emit(Op::GET_AWAITABLE, where);
    emit_const_none();
    emit(Op::YIELD_FROM);
  }

  // async for: each step awaits __anext__(); StopAsyncIteration from it
  // (caught by END_ASYNC_FOR under a protected region) ends the loop.
  void async_for_stmt(const For* f) {
    int top = new_label();
    int handler = new_label();
    int orelse = new_label();
    int end = new_label();
    expr(f->iter);
    emit(Op::GET_AITER);
    int d = u().depth;  // the async iterator on the stack
    bind(top);
    set_line(f->loc.line);
    int region = new_region(handler);
    open_region(region);
    emit(Op::GET_ANEXT);
    emit_await(kAwaitPlain);
    close_region(region);
    store_target(f->target);
    u().blocks.push_back(Block(BlockKind::For, top, end));
    stmts(f->body);
    u().blocks.pop_back();
    set_line(f->loc.line);
    emit_jump(Op::JUMP_BACKWARD, top);
    bind_with_depth(handler, d + 1);
    emit(Op::END_ASYNC_FOR);
    bind_with_depth(orelse, d - 1);
    stmts(f->orelse);
    bind(end);
  }

  void with_stmt(const With* w, size_t index, bool is_async = false) {
    const WithItem& item = w->items[index];
    int d = u().depth;
    int handler = new_label();
    int cleanup = new_label();
    int suppress = new_label();
    int end = new_label();
    set_line(w->loc.line);
    expr(item.context_expr);
    if (is_async) {
      emit(Op::BEFORE_ASYNC_WITH);
      emit_await(kAwaitAfterAenter);
    } else {
      emit(Op::BEFORE_WITH);
    }
    int region = new_region(handler);
    u().regions[region].depth = static_cast<uint32_t>(d + 1);
    Block block(BlockKind::With);
    block.region = region;
    block.is_async = is_async;
    u().blocks.push_back(block);
    open_region(region);
    if (item.optional_vars) {
      store_target(item.optional_vars);
    } else {
      emit(Op::POP_TOP);
    }
    if (index + 1 < w->items.size()) {
      with_stmt(w, index + 1, is_async);
    } else {
      stmts(w->body);
    }
    close_region(region);
    u().blocks.pop_back();
    set_line(w->loc.line);
    emit_const_none();
    emit_const_none();
    emit_const_none();
    emit(Op::CALL, 3);
    if (is_async) emit_await(kAwaitAfterAexit);
    emit(Op::POP_TOP);
    emit_jump(Op::JUMP_FORWARD, end);

    bind_with_depth(handler, d + 2);
    emit(Op::PUSH_EXC_INFO);
    int cleanup_region = new_region(cleanup);
    u().regions[cleanup_region].depth = static_cast<uint32_t>(d);
    open_region(cleanup_region);
    emit(Op::WITH_EXCEPT_START);
    if (is_async) emit_await(kAwaitAfterAexit);
    emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
    emit(Op::RERAISE);
    close_region(cleanup_region);

    bind_with_depth(suppress, d + 2);
    emit(Op::POP_TOP);
    emit(Op::POP_EXCEPT);
    emit(Op::POP_TOP);
    emit_jump(Op::JUMP_FORWARD, end);

    bind_with_depth(cleanup, d + 1);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    bind_with_depth(end, d);
  }

  void import_alias(const Alias& a) {
    emit(Op::LOAD_CONST, add_const_value("i0", Value::from_small(0)));
    bool leaf = !a.asname.empty() && a.name.find('.') != std::string::npos;
    if (leaf) {
      emit(Op::LOAD_CONST, add_const_value("T", ts_.bool_value(true)));
    } else {
      emit_const_none();
    }
    emit(Op::IMPORT_NAME, name_index(a.name));
    std::string bound = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
    name_op(bound, ExprContext::Store, a.loc);
  }

  void import_from(const ImportFrom* f) {
    emit(Op::LOAD_CONST, add_const_value("i" + std::to_string(f->level), Value::from_small(f->level)));
    Value names = tuple_new(ts_, static_cast<int64_t>(f->names.size()));
    std::string key = "t";
    for (size_t i = 0; i < f->names.size(); ++i) {
      as_tuple(names)->items[i] = Value::from_object(str_intern(ts_, f->names[i].name));
      key += f->names[i].name + ",";
    }
    emit(Op::LOAD_CONST, add_const_value(key, names));
    emit(Op::IMPORT_NAME, name_index(f->module));
    if (f->names.size() == 1 && f->names[0].name == "*") {
      emit(Op::IMPORT_STAR);
      return;
    }
    for (const Alias& a : f->names) {
      emit(Op::IMPORT_FROM, name_index(a.name));
      name_op(a.asname.empty() ? a.name : a.asname, ExprContext::Store, a.loc);
    }
    emit(Op::POP_TOP);
  }

  void class_def(const ClassDef* c) {
    for (Expr* d : c->decorator_list) expr(d);
    set_line(c->loc.line);
    emit(Op::LOAD_BUILD_CLASS);
    Scope* scope = symbols_.scope_for(c);
    std::string qualname = child_qualname(c->name);
    push_unit(scope, qualname, c->loc.line);
    name_op("__name__", ExprContext::Load, c->loc);
    name_op("__module__", ExprContext::Store, c->loc);
    emit(Op::LOAD_CONST, str_const(qualname));
    name_op("__qualname__", ExprContext::Store, c->loc);
    body_with_docstring(c->body, true);
    if (scope->needs_class_cell) {
      emit(Op::LOAD_CLOSURE, u().cell_index["__class__"]);
    } else {
      emit_const_none();
    }
    emit(Op::RETURN_VALUE);
    Code* code = pop_unit(0, 0, 0, kCodeModule | kCodeClassBody);
    emit_closure_and_function(code, 0);
    emit(Op::LOAD_CONST, str_const(c->name));
    call_args(c->bases, c->keywords, 2);
    for (size_t i = 0; i < c->decorator_list.size(); ++i) emit(Op::CALL, 1);
    name_op(c->name, ExprContext::Store, c->loc);
  }

  std::string child_qualname(const std::string& name) {
    const Unit& parent = u();
    if (parent.scope->kind == ScopeKind::Module) return name;
    if (parent.scope->kind == ScopeKind::Function || parent.scope->kind == ScopeKind::Comprehension) {
      return parent.qualname + ".<locals>." + name;
    }
    return parent.qualname + "." + name;
  }

  // Pushes closure cells (if any), the code, and MAKE_FUNCTION with flags.
  void emit_closure_and_function(Code* code, uint32_t flags) {
    if (!code->freevars.empty()) {
      for (Str* fv : code->freevars) {
        std::string name(fv->view());
        auto it = u().cell_index.find(name);
        if (it == u().cell_index.end()) {
          fail(Loc{u().line, 0, 0, 0}, "internal error: missing closure cell '" + name + "'");
        }
        emit(Op::LOAD_CLOSURE, it->second);
      }
      emit(Op::BUILD_TUPLE, static_cast<uint32_t>(code->freevars.size()));
      flags |= 8;
    }
    uint32_t idx = static_cast<uint32_t>(u().code->consts.size());
    u().code->consts.push_back(Value::from_object(code));
    emit(Op::LOAD_CONST, idx);
    emit(Op::MAKE_FUNCTION, flags);
  }

  void make_function(const void* node, const std::string& name, const Arguments* args,
                     const std::vector<Stmt*>* body, const Expr* lambda_body, int line) {
    uint32_t flags = 0;
    if (!args->defaults.empty()) {
      for (Expr* d : args->defaults) expr(d);
      emit(Op::BUILD_TUPLE, static_cast<uint32_t>(args->defaults.size()));
      flags |= 1;
    }
    int nkw = 0;
    for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
      if (!args->kw_defaults[i]) continue;
      emit(Op::LOAD_CONST, str_const(args->kwonlyargs[i].name));
      expr(args->kw_defaults[i]);
      ++nkw;
    }
    if (nkw) {
      emit(Op::BUILD_MAP, static_cast<uint32_t>(nkw));
      flags |= 2;
    }
    Scope* scope = symbols_.scope_for(node);
    push_unit(scope, child_qualname(name), line);
    if (body) {
      body_with_docstring(*body, false);
      emit_const_none();
      emit(Op::RETURN_VALUE);
    } else {
      set_line(lambda_body->loc.line);
      expr(lambda_body);
      if (scope->is_generator) {
        emit(Op::POP_TOP);
        emit_const_none();
      }
      emit(Op::RETURN_VALUE);
    }
    uint32_t code_flags = 0;
    if (args->vararg) code_flags |= kCodeVarargs;
    if (args->kwarg) code_flags |= kCodeVarkw;
    int argcount = static_cast<int>(args->posonlyargs.size() + args->args.size());
    Code* code = pop_unit(argcount, static_cast<int>(args->posonlyargs.size()),
                          static_cast<int>(args->kwonlyargs.size()), code_flags);
    emit_closure_and_function(code, flags);
  }

  // ------------------------------------------------------------ targets

  void store_target(const Expr* t) {
    switch (t->kind) {
      case ExprKind::Name:
        name_op(static_cast<const Name*>(t)->id, ExprContext::Store, t->loc);
        break;
      case ExprKind::Attribute: {
        auto* a = static_cast<const Attribute*>(t);
        expr(a->value);
        emit_attr(Op::STORE_ATTR, a->attr);
        break;
      }
      case ExprKind::Subscript: {
        auto* s = static_cast<const Subscript*>(t);
        // local[constant] = value: the value is already evaluated, so
        // reading the local now is what Python's order gives.
        int local = fast_local(s->value);
        if (local >= 0 && s->slice->kind == ExprKind::Constant) {
          emit(Op::STORE_FAST_SUBSCR_CONST, static_cast<uint32_t>(local));
          emit_word(const_index(static_cast<const Constant*>(s->slice)));
          break;
        }
        expr(s->value);
        subscript_key(s->slice);
        emit(Op::STORE_SUBSCR);
        break;
      }
      case ExprKind::List:
      case ExprKind::Tuple: {
        auto* seq = static_cast<const Sequence*>(t);
        size_t star = SIZE_MAX;
        for (size_t i = 0; i < seq->elts.size(); ++i) {
          if (seq->elts[i]->kind == ExprKind::Starred) {
            if (star != SIZE_MAX) fail(seq->elts[i]->loc, "multiple starred expressions in assignment");
            star = i;
          }
        }
        if (star == SIZE_MAX) {
          emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(seq->elts.size()));
          for (const Expr* e : seq->elts) store_target(e);
        } else {
          uint32_t before = static_cast<uint32_t>(star);
          uint32_t after = static_cast<uint32_t>(seq->elts.size() - star - 1);
          if (before > 255) fail(t->loc, "too many expressions in star-unpacking assignment");
          emit(Op::UNPACK_EX, before | (after << 8));
          for (size_t i = 0; i < seq->elts.size(); ++i) {
            const Expr* e = seq->elts[i];
            store_target(i == star ? static_cast<const Starred*>(e)->value : e);
          }
        }
        break;
      }
      case ExprKind::Starred:
        fail(t->loc, "starred assignment target must be in a list or tuple");
      default:
        fail(t->loc, "cannot assign to expression");
    }
  }

  void delete_target(const Expr* t) {
    set_line(t->loc.line);
    switch (t->kind) {
      case ExprKind::Name:
        name_op(static_cast<const Name*>(t)->id, ExprContext::Del, t->loc);
        break;
      case ExprKind::Attribute: {
        auto* a = static_cast<const Attribute*>(t);
        expr(a->value);
        emit(Op::DELETE_ATTR, name_index(a->attr));
        break;
      }
      case ExprKind::Subscript: {
        auto* s = static_cast<const Subscript*>(t);
        expr(s->value);
        subscript_key(s->slice);
        emit(Op::DELETE_SUBSCR);
        break;
      }
      case ExprKind::List:
      case ExprKind::Tuple:
        for (const Expr* e : static_cast<const Sequence*>(t)->elts) delete_target(e);
        break;
      default:
        fail(t->loc, "cannot delete expression");
    }
  }

  void aug_assign(const AugAssign* a) {
    int op = binop_code(a->op);
    switch (a->target->kind) {
      case ExprKind::Name: {
        int local = fast_local(a->target);
        if (local >= 0 && a->value->kind == ExprKind::Constant) {
          auto* c = static_cast<const Constant*>(a->value);
          if (c->ckind == ConstKind::Int || c->ckind == ConstKind::Float) {
            uint32_t k = const_index(c);
            if (k <= 0xffffff) {
              emit(Op::FAST_INPLACE_CONST, static_cast<uint32_t>(local));
              emit_word((static_cast<uint32_t>(op) << 24) | k);
              return;
            }
          }
        }
        name_op(static_cast<const Name*>(a->target)->id, ExprContext::Load, a->target->loc);
        expr(a->value);
        emit_inplace(op);
        name_op(static_cast<const Name*>(a->target)->id, ExprContext::Store, a->target->loc);
        break;
      }
      case ExprKind::Attribute: {
        auto* t = static_cast<const Attribute*>(a->target);
        expr(t->value);
        emit(Op::COPY, 1);
        emit_attr(Op::LOAD_ATTR, t->attr);
        expr(a->value);
        emit_inplace(op);
        emit(Op::SWAP, 2);
        emit_attr(Op::STORE_ATTR, t->attr);
        break;
      }
      case ExprKind::Subscript: {
        auto* t = static_cast<const Subscript*>(a->target);
        // local[constant] op= value (n-body's `b[3] -= dx * m`): the
        // local is read again for the store instead of being kept on the
        // stack, which is the same object unless the value rebinds the
        // name, and only an assignment expression could.
        int local = fast_local(t->value);
        if (local >= 0 && t->slice->kind == ExprKind::Constant && !walrus_bound(t->value)) {
          uint32_t k = const_index(static_cast<const Constant*>(t->slice));
          emit(Op::FAST_SUBSCR_CONST, static_cast<uint32_t>(local));
          emit_word(k);
          expr(a->value);
          emit_inplace(op);
          emit(Op::STORE_FAST_SUBSCR_CONST, static_cast<uint32_t>(local));
          emit_word(k);
          break;
        }
        expr(t->value);
        subscript_key(t->slice);
        emit(Op::SUBSCR_KEEP);
        expr(a->value);
        emit_inplace(op);
        emit(Op::STORE_SUBSCR_TOP);
        break;
      }
      default:
        fail(a->target->loc, "'" + std::string("expression") + "' is an illegal expression for augmented assignment");
    }
  }

  void emit_inplace(int op) {
    if (op == static_cast<int>(BinaryOp::Add)) {
      emit(Op::INPLACE_ADD);
    } else if (op == static_cast<int>(BinaryOp::Sub)) {
      emit(Op::INPLACE_SUB);
    } else {
      emit(Op::INPLACE_OP, static_cast<uint32_t>(op));
    }
  }

  void emit_binary(int op) {
    switch (static_cast<BinaryOp>(op)) {
      case BinaryOp::Add: emit(Op::BINARY_ADD); break;
      case BinaryOp::Sub: emit(Op::BINARY_SUB); break;
      case BinaryOp::Mul: emit(Op::BINARY_MUL); break;
      default: emit(Op::BINARY_OP, static_cast<uint32_t>(op)); break;
    }
  }

  // ------------------------------------------------------------ expressions

  void subscript_key(const Expr* slice) {
    if (slice->kind == ExprKind::Slice) {
      auto* s = static_cast<const SliceExpr*>(slice);
      auto part = [&](const Expr* e) {
        if (e) {
          expr(e);
        } else {
          emit_const_none();
        }
      };
      part(s->lower);
      part(s->upper);
      if (s->step) {
        expr(s->step);
        emit(Op::BUILD_SLICE, 3);
      } else {
        emit(Op::BUILD_SLICE, 2);
      }
    } else {
      expr(slice);
    }
  }

  // Jumps to `label` when truth(e) == cond; falls through otherwise.
  void jump_if(const Expr* e, int label, bool cond) {
    switch (e->kind) {
      case ExprKind::UnaryOp: {
        auto* u_ = static_cast<const ast::UnaryOp*>(e);
        if (u_->op == UnaryOpKind::Not) {
          jump_if(u_->operand, label, !cond);
          return;
        }
        break;
      }
      case ExprKind::BoolOp: {
        auto* b = static_cast<const BoolOp*>(e);
        bool is_and = b->op == BoolOpKind::And;
        if (is_and != cond) {
          // and/false or or/true: any operand deciding jumps straight out.
          for (const Expr* v : b->values) jump_if(v, label, cond);
        } else {
          int skip = new_label();
          for (size_t i = 0; i + 1 < b->values.size(); ++i) jump_if(b->values[i], skip, !cond);
          jump_if(b->values.back(), label, cond);
          bind(skip);
        }
        return;
      }
      case ExprKind::Compare: {
        auto* c = static_cast<const Compare*>(e);
        int op = c->ops.size() == 1 ? cmpop_code(c->ops[0]) : -1;
        if (op >= 0 && !cond) {
          compare_jump(c, op, label);
          return;
        }
        break;
      }
      case ExprKind::Constant: {
        int truth = constant_truth(static_cast<const Constant*>(e));
        if (truth >= 0) {
          if ((truth == 1) == cond) emit_jump(Op::JUMP_FORWARD, label);
          return;
        }
        break;
      }
      default:
        break;
    }
    expr(e);
    emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
  }

  // `if not (left OP right): goto label`, fused where the operands allow.
  void compare_jump(const Compare* c, int op, int label) {
    const Expr* right = c->comparators[0];
    int left_local = fast_local(c->left);
    set_line(c->loc.line);
    if (left_local >= 0 && right->kind == ExprKind::Constant) {
      uint32_t k = const_index(static_cast<const Constant*>(right));
      if (k <= 0xffffff) {
        emit_fused_jump(Op::FAST_CONST_COMPARE_JUMP, static_cast<uint32_t>(left_local),
                        {(static_cast<uint32_t>(op) << 24) | k}, label);
        return;
      }
    }
    int right_local = fast_local(right);
    if (left_local >= 0 && right_local >= 0) {
      emit_fused_jump(Op::FAST_FAST_COMPARE_JUMP, static_cast<uint32_t>(left_local),
                      {(static_cast<uint32_t>(op) << 24) | static_cast<uint32_t>(right_local)}, label);
      return;
    }
    expr(c->left);
    expr(right);
    set_line(c->loc.line);
    emit_fused_jump(Op::COMPARE_JUMP, static_cast<uint32_t>(op), {}, label);
  }

  void compare_op(CmpOpKind k) {
    switch (k) {
      case CmpOpKind::Is: emit(Op::IS_OP, 0); break;
      case CmpOpKind::IsNot: emit(Op::IS_OP, 1); break;
      case CmpOpKind::In: emit(Op::CONTAINS_OP, 0); break;
      case CmpOpKind::NotIn: emit(Op::CONTAINS_OP, 1); break;
      default: emit(Op::COMPARE_OP, static_cast<uint32_t>(cmpop_code(k))); break;
    }
  }

  void expr(const Expr* e) {
    switch (e->kind) {
      case ExprKind::Constant:
        emit(Op::LOAD_CONST, const_index(static_cast<const Constant*>(e)));
        break;
      case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        name_op(n->id, ExprContext::Load, n->loc);
        break;
      }
      case ExprKind::BinOp: {
        auto* b = static_cast<const BinOp*>(e);
        int op = binop_code(b->op);
        int local = fast_local(b->left);
        if (local >= 0 && b->right->kind == ExprKind::Constant) {
          auto* c = static_cast<const Constant*>(b->right);
          if (c->ckind == ConstKind::Int || c->ckind == ConstKind::Float) {
            uint32_t k = const_index(c);
            if (k <= 0xffffff) {
              set_line(e->loc.line);
              emit(Op::FAST_BINARY_CONST, static_cast<uint32_t>(local));
              emit_word((static_cast<uint32_t>(op) << 24) | k);
              break;
            }
          }
        }
        expr(b->left);
        expr(b->right);
        set_line(e->loc.line);
        emit_binary(op);
        break;
      }
      case ExprKind::UnaryOp: {
        auto* un = static_cast<const ast::UnaryOp*>(e);
        if (un->op == UnaryOpKind::USub && un->operand->kind == ExprKind::Constant) {
          auto* c = static_cast<const Constant*>(un->operand);
          if (c->ckind == ConstKind::Int && c->int_value != INT64_MIN) {
            Constant neg;
            neg.ckind = ConstKind::Int;
            neg.int_value = -c->int_value;
            emit(Op::LOAD_CONST, const_index(&neg));
            break;
          }
          if (c->ckind == ConstKind::Float) {
            Constant neg;
            neg.ckind = ConstKind::Float;
            neg.float_value = -c->float_value;
            emit(Op::LOAD_CONST, const_index(&neg));
            break;
          }
        }
        expr(un->operand);
        switch (un->op) {
          case UnaryOpKind::Not: emit(Op::UNARY_NOT); break;
          case UnaryOpKind::USub: emit(Op::UNARY_OP, static_cast<uint32_t>(gilvm::UnaryOp::Neg)); break;
          case UnaryOpKind::UAdd: emit(Op::UNARY_OP, static_cast<uint32_t>(gilvm::UnaryOp::Pos)); break;
          case UnaryOpKind::Invert: emit(Op::UNARY_OP, static_cast<uint32_t>(gilvm::UnaryOp::Invert)); break;
        }
        break;
      }
      case ExprKind::BoolOp: {
        auto* b = static_cast<const BoolOp*>(e);
        int end = new_label();
        Op jump = b->op == BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
        for (size_t i = 0; i < b->values.size(); ++i) {
          expr(b->values[i]);
          if (i + 1 < b->values.size()) emit_jump(jump, end);
        }
        bind(end);
        break;
      }
      case ExprKind::Compare: {
        auto* c = static_cast<const Compare*>(e);
        expr(c->left);
        if (c->ops.size() == 1) {
          expr(c->comparators[0]);
          set_line(e->loc.line);
          compare_op(c->ops[0]);
          break;
        }
        int cleanup = new_label();
        int end = new_label();
        for (size_t i = 0; i < c->ops.size(); ++i) {
          expr(c->comparators[i]);
          set_line(e->loc.line);
          if (i + 1 < c->ops.size()) {
            emit(Op::SWAP, 2);
            emit(Op::COPY, 2);
            compare_op(c->ops[i]);
            emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
          } else {
            compare_op(c->ops[i]);
          }
        }
        emit_jump(Op::JUMP_FORWARD, end);
        bind(cleanup);
        emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        bind(end);
        break;
      }
      case ExprKind::IfExp: {
        auto* i = static_cast<const IfExp*>(e);
        int orelse = new_label();
        int end = new_label();
        jump_if(i->test, orelse, false);
        expr(i->body);
        emit_jump(Op::JUMP_FORWARD, end);
        u().depth -= 1;
        bind(orelse);
        expr(i->orelse);
        bind(end);
        break;
      }
      case ExprKind::Lambda: {
        auto* l = static_cast<const Lambda*>(e);
        make_function(l, "<lambda>", l->args, nullptr, l->body, l->loc.line);
        break;
      }
      case ExprKind::Call:
        call(static_cast<const Call*>(e));
        break;
      case ExprKind::Attribute: {
        auto* a = static_cast<const Attribute*>(e);
        expr(a->value);
        set_line(a->loc.end_line ? a->loc.end_line : a->loc.line);
        emit_attr(Op::LOAD_ATTR, a->attr);
        break;
      }
      case ExprKind::Subscript: {
        auto* s = static_cast<const Subscript*>(e);
        int local = fast_local(s->value);
        if (local >= 0 && s->slice->kind == ExprKind::Constant) {
          uint32_t k = const_index(static_cast<const Constant*>(s->slice));
          set_line(e->loc.line);
          emit(Op::FAST_SUBSCR_CONST, static_cast<uint32_t>(local));
          emit_word(k);
          break;
        }
        expr(s->value);
        subscript_key(s->slice);
        set_line(e->loc.line);
        emit(Op::BINARY_SUBSCR);
        break;
      }
      case ExprKind::Slice: {
        subscript_key(e);
        break;
      }
      case ExprKind::Starred:
        fail(e->loc, "can't use starred expression here");
      case ExprKind::List:
        sequence(static_cast<const Sequence*>(e)->elts, Op::BUILD_LIST, e);
        break;
      case ExprKind::Tuple: {
        auto* t = static_cast<const Sequence*>(e);
        if (!t->elts.empty() && constant_tuple(t)) break;
        sequence(t->elts, Op::BUILD_TUPLE, e);
        break;
      }
      case ExprKind::Set:
        sequence(static_cast<const SetExpr*>(e)->elts, Op::BUILD_SET, e);
        break;
      case ExprKind::Dict:
        dict_display(static_cast<const DictExpr*>(e));
        break;
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::DictComp:
      case ExprKind::GeneratorExp:
        comprehension(static_cast<const Comp*>(e));
        break;
      case ExprKind::JoinedStr: {
        auto* j = static_cast<const JoinedStr*>(e);
        if (j->values.empty()) {
          emit(Op::LOAD_CONST, str_const(""));
          break;
        }
        for (const Expr* v : j->values) expr(v);
        if (j->values.size() > 1 || j->values[0]->kind != ExprKind::FormattedValue) {
          emit(Op::BUILD_STRING, static_cast<uint32_t>(j->values.size()));
        }
        break;
      }
      case ExprKind::FormattedValue: {
        auto* f = static_cast<const FormattedValue*>(e);
        expr(f->value);
        uint32_t flags = f->conversion == 's' ? 1 : f->conversion == 'r' ? 2 : f->conversion == 'a' ? 3 : 0;
        if (f->format_spec) {
          expr(f->format_spec);
          flags |= 4;
        }
        emit(Op::FORMAT_VALUE, flags);
        break;
      }
      case ExprKind::Yield: {
        auto* y = static_cast<const Yield*>(e);
        if (y->value) {
          expr(y->value);
        } else {
          emit_const_none();
        }
        // An async generator's own yields are marked, so that the awaitable
        // driving it tells them from an inner await's yields passing through.
        if (u().scope->is_coroutine) emit(Op::ASYNC_GEN_WRAP);
        emit(Op::YIELD_VALUE);
        break;
      }
      case ExprKind::YieldFrom: {
        if (u().scope->is_coroutine) fail(e->loc, "'yield from' inside async function");
        expr(static_cast<const YieldFrom*>(e)->value);
        emit(Op::GET_ITER);
        emit_const_none();
        emit(Op::YIELD_FROM);
        break;
      }
      case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        expr(n->value);
        emit(Op::COPY, 1);
        store_target(n->target);
        break;
      }
      case ExprKind::Await:
        if (!u().scope->is_coroutine) fail(e->loc, "'await' outside async function");
        expr(static_cast<const Await*>(e)->value);
        emit_await(kAwaitPlain);
        break;
    }
  }

  bool constant_tuple(const Sequence* t) {
    for (const Expr* x : t->elts) {
      if (x->kind != ExprKind::Constant) return false;
      auto ck = static_cast<const Constant*>(x)->ckind;
      if (ck == ConstKind::Imag) return false;
    }
    Value tup = tuple_new(ts_, static_cast<int64_t>(t->elts.size()));
    std::string key = "t(";
    for (size_t i = 0; i < t->elts.size(); ++i) {
      std::string k;
      as_tuple(tup)->items[i] = constant_value(static_cast<const Constant*>(t->elts[i]), &k);
      key += std::to_string(k.size()) + ":" + k;
    }
    emit(Op::LOAD_CONST, add_const_value(key, tup));
    return true;
  }

  // List, tuple and set displays, with `*x` unpacking.
  void sequence(const std::vector<Expr*>& elts, Op build, const Expr* e) {
    bool starred = false;
    for (const Expr* x : elts) starred |= x->kind == ExprKind::Starred;
    if (!starred) {
      for (const Expr* x : elts) expr(x);
      set_line(e->loc.line);
      emit(build, static_cast<uint32_t>(elts.size()));
      return;
    }
    bool is_set = build == Op::BUILD_SET;
    emit(is_set ? Op::BUILD_SET : Op::BUILD_LIST, 0);
    for (const Expr* x : elts) {
      if (x->kind == ExprKind::Starred) {
        expr(static_cast<const Starred*>(x)->value);
        emit(is_set ? Op::SET_UPDATE : Op::LIST_EXTEND, 1);
      } else {
        expr(x);
        emit(is_set ? Op::SET_ADD : Op::LIST_APPEND, 1);
      }
    }
    if (build == Op::BUILD_TUPLE) emit(Op::LIST_TO_TUPLE);
  }

  void dict_display(const DictExpr* d) {
    bool unpack = false;
    for (const Expr* k : d->keys) unpack |= k == nullptr;
    if (!unpack) {
      for (size_t i = 0; i < d->keys.size(); ++i) {
        expr(d->keys[i]);
        expr(d->values[i]);
      }
      emit(Op::BUILD_MAP, static_cast<uint32_t>(d->keys.size()));
      return;
    }
    emit(Op::BUILD_MAP, 0);
    for (size_t i = 0; i < d->keys.size(); ++i) {
      if (d->keys[i]) {
        expr(d->keys[i]);
        expr(d->values[i]);
        emit(Op::MAP_ADD, 1);
      } else {
        expr(d->values[i]);
        emit(Op::DICT_UPDATE, 1);
      }
    }
  }

  void call(const Call* c) {
    bool simple = true;
    for (const Expr* a : c->args) simple &= a->kind != ExprKind::Starred;
    for (const Keyword& k : c->keywords) simple &= !k.arg.empty();
    if (simple && c->keywords.empty() && c->func->kind == ExprKind::Attribute) {
      auto* a = static_cast<const Attribute*>(c->func);
      expr(a->value);
      set_line(a->loc.end_line ? a->loc.end_line : a->loc.line);
      emit_attr(Op::LOAD_METHOD, a->attr);
      for (const Expr* arg : c->args) expr(arg);
      set_line(c->loc.line);
      emit(Op::CALL_METHOD, static_cast<uint32_t>(c->args.size()));
      return;
    }
    expr(c->func);
    call_args(c->args, c->keywords, 0);
    (void)c;
  }

  // Arguments after the callable (and `extra` arguments already pushed,
  // e.g. the class body function and name for __build_class__).
  void call_args(const std::vector<Expr*>& args, const std::vector<Keyword>& keywords, uint32_t extra) {
    bool simple = true;
    for (const Expr* a : args) simple &= a->kind != ExprKind::Starred;
    for (const Keyword& k : keywords) simple &= !k.arg.empty();
    if (simple) {
      for (const Expr* a : args) expr(a);
      uint32_t n = extra + static_cast<uint32_t>(args.size());
      if (keywords.empty()) {
        emit(Op::CALL, n);
        return;
      }
      Value names = tuple_new(ts_, static_cast<int64_t>(keywords.size()));
      std::string key = "k";
      for (size_t i = 0; i < keywords.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
          if (keywords[j].arg == keywords[i].arg) {
            decref(names);
            fail(keywords[i].loc, "keyword argument repeated: " + keywords[i].arg);
          }
        }
        expr(keywords[i].value);
        as_tuple(names)->items[i] = Value::from_object(str_intern(ts_, keywords[i].arg));
        key += keywords[i].arg + ",";
      }
      emit(Op::LOAD_CONST, add_const_value(key, names));
      emit(Op::CALL_KW, n + static_cast<uint32_t>(keywords.size()));
      return;
    }
    // General form: build a tuple of positional arguments and a dict of
    // keyword arguments.
    emit(Op::BUILD_LIST, extra);
    for (const Expr* a : args) {
      if (a->kind == ExprKind::Starred) {
        expr(static_cast<const Starred*>(a)->value);
        emit(Op::LIST_EXTEND, 1);
      } else {
        expr(a);
        emit(Op::LIST_APPEND, 1);
      }
    }
    emit(Op::LIST_TO_TUPLE);
    if (keywords.empty()) {
      emit(Op::CALL_EX, 0);
      return;
    }
    emit(Op::BUILD_MAP, 0);
    for (const Keyword& k : keywords) {
      if (k.arg.empty()) {
        expr(k.value);
        emit(Op::DICT_MERGE, 1);
      } else {
        emit(Op::LOAD_CONST, str_const(k.arg));
        expr(k.value);
        emit(Op::BUILD_MAP, 1);
        emit(Op::DICT_MERGE, 1);
      }
    }
    emit(Op::CALL_EX, 1);
  }

  void comprehension(const Comp* c) {
    Scope* scope = symbols_.scope_for(c);
    // (A generator expression that awaits is an async generator and may
    // stand anywhere; the others run their awaits in the enclosing coroutine.)
    if (scope->is_coroutine && !u().scope->is_coroutine &&
        (c->kind != ExprKind::GeneratorExp || c->generators.front().is_async))
      fail(c->loc, "asynchronous comprehension outside of an asynchronous function");
    push_unit(scope, child_qualname(scope->name), c->loc.line);
    switch (c->kind) {
      case ExprKind::ListComp: emit(Op::BUILD_LIST, 0); break;
      case ExprKind::SetComp: emit(Op::BUILD_SET, 0); break;
      case ExprKind::DictComp: emit(Op::BUILD_MAP, 0); break;
      default: break;
    }
    comp_generator(c, 0);
    if (c->kind == ExprKind::GeneratorExp) emit_const_none();
    emit(Op::RETURN_VALUE);
    Code* code = pop_unit(1, 0, 0, 0);
    emit_closure_and_function(code, 0);
    expr(c->generators[0].iter);
    emit(c->generators[0].is_async ? Op::GET_AITER : Op::GET_ITER);
    emit(Op::CALL, 1);
    // A list, set or dict comprehension that awaits is a coroutine: its
    // result is awaited where it stands.
    if (scope->is_coroutine && c->kind != ExprKind::GeneratorExp) emit_await(kAwaitPlain);
  }

  void comp_generator(const Comp* c, size_t i) {
    const Comprehension& g = c->generators[i];
    int top = new_label();
    int next = new_label();
    int end = new_label();
    if (i == 0) {
      emit(Op::LOAD_FAST, u().var_index.at(".0"));
    } else {
      expr(g.iter);
      emit(g.is_async ? Op::GET_AITER : Op::GET_ITER);
    }
    bind(top);
    int handler = new_label();
    int iter_depth = u().depth;  // with this clause's iterator on the stack
    if (g.is_async) {
      int region = new_region(handler);
      open_region(region);
      emit(Op::GET_ANEXT);
      emit_await(kAwaitPlain);
      close_region(region);
    } else {
      emit_jump(Op::FOR_ITER, end);
    }
    store_target(g.target);
    for (const Expr* cond : g.ifs) jump_if(cond, next, false);
    if (i + 1 < c->generators.size()) {
      comp_generator(c, i + 1);
    } else {
      // The result container sits below one iterator per `for` clause.
      uint32_t n = static_cast<uint32_t>(c->generators.size()) + 1;
      switch (c->kind) {
        case ExprKind::ListComp:
          expr(c->elt);
          emit(Op::LIST_APPEND, n);
          break;
        case ExprKind::SetComp:
          expr(c->elt);
          emit(Op::SET_ADD, n);
          break;
        case ExprKind::DictComp:
          expr(c->key);
          expr(c->value);
          emit(Op::MAP_ADD, n);
          break;
        default:
          expr(c->elt);
          emit(Op::YIELD_VALUE);
          emit(Op::POP_TOP);
          break;
      }
    }
    bind(next);
    emit_jump(Op::JUMP_BACKWARD, top);
    if (g.is_async) {
      // (The async iterator is on the stack, and the exception above it.)
      bind_with_depth(handler, iter_depth + 1);
      emit(Op::END_ASYNC_FOR);
      bind_with_depth(end, iter_depth - 1);
    } else {
      bind(end);
    }
  }
};

}  // namespace

CompileResult compile_source(ThreadState& ts, std::string_view source, const std::string& filename,
                             std::string_view mode) {
  CompileResult result;
  AstArena arena;
  ParseResult parsed = parse(source, filename, arena, mode);
  if (parsed.error) {
    result.error = parsed.error;
    return result;
  }
  SymbolTable symbols;
  if (auto err = symbols.build(*parsed.module, filename, source)) {
    result.error = err;
    return result;
  }
  auto shared_source = std::make_shared<const std::string>(source);
  Compiler compiler(ts, filename, shared_source, symbols);
  try {
    result.code = compiler.compile_module(*parsed.module, mode == "eval");
  } catch (const CompileError&) {
    result.error = compiler.error;
  }
  return result;
}

}  // namespace gilvm
