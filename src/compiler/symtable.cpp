// Scope analysis in two passes: a visitor records, per scope, which names
// are bound, used, or declared global/nonlocal; then resolve() walks the
// scope tree top-down deciding local/cell/free/global for each name, the way
// CPython's symtable.c does (without its module-level optimisations).
#include "compiler/symtable.h"

#include <algorithm>
#include <set>

#include "parser/parser.h"

namespace gilvm {

using namespace ast;

NameScope Scope::lookup(const std::string& name) const {
  auto it = resolved.find(name);
  if (it != resolved.end()) return it->second;
  // Names the analysis never saw (e.g. synthesised by the compiler).
  if (kind == ScopeKind::Module || kind == ScopeKind::Class) return NameScope::Name;
  return NameScope::GlobalImplicit;
}

class SymbolVisitor {
 public:
  SymbolVisitor(SymbolTable& table, const std::string& filename, std::string_view source)
      : table_(table), filename_(filename), source_(source) {}

  std::optional<SyntaxErrorInfo> error;

  Scope* open(ScopeKind kind, std::string name, const void* node) {
    auto scope = std::make_unique<Scope>();
    scope->kind = kind;
    scope->name = std::move(name);
    scope->node = node;
    scope->parent = current_;
    Scope* raw = scope.get();
    if (current_) {
      current_->children.push_back(std::move(scope));
    } else {
      table_.root_ = std::move(scope);
    }
    table_.by_node_[node] = raw;
    return raw;
  }

  void fail(const Loc& loc, std::string message) {
    if (error) return;
    SyntaxErrorInfo e;
    e.message = std::move(message);
    e.filename = filename_;
    e.line = loc.line;
    e.col = loc.col + 1;
    e.text = line_text(loc.line);
    error = std::move(e);
  }

  std::string line_text(int line) const {
    size_t pos = 0;
    for (int l = 1; l < line && pos != std::string_view::npos; ++l) {
      pos = source_.find('\n', pos);
      if (pos != std::string_view::npos) ++pos;
    }
    if (pos == std::string_view::npos || pos > source_.size()) return "";
    size_t end = source_.find('\n', pos);
    return std::string(source_.substr(pos, end == std::string_view::npos ? end : end - pos));
  }

  void add(const std::string& name, unsigned flag, const Loc& loc) {
    unsigned& f = current_->flags[name];
    if ((flag & (kDefGlobal | kDefNonlocal)) && (f & (kDefLocal | kUse | kDefParam))) {
      const char* what = (flag & kDefGlobal) ? "global" : "nonlocal";
      if (f & kDefParam) {
        fail(loc, "name '" + name + "' is parameter and " + what);
      } else if (f & kDefLocal) {
        fail(loc, "name '" + name + "' is assigned to before " + what + " declaration");
      } else {
        fail(loc, "name '" + name + "' is used prior to " + what + " declaration");
      }
    }
    f |= flag;
  }

  void visit_module(const Module& m) {
    current_ = open(ScopeKind::Module, "<module>", &m);
    stmts(m.body);
  }

  void stmts(const std::vector<Stmt*>& body) {
    for (const Stmt* s : body) stmt(s);
  }

  void arguments_defaults(const Arguments* a) {
    for (Expr* d : a->defaults) expr(d);
    for (Expr* d : a->kw_defaults)
      if (d) expr(d);
    auto ann = [&](const Arg& arg) {
      if (arg.annotation) expr(arg.annotation);
    };
    for (const Arg& arg : a->posonlyargs) ann(arg);
    for (const Arg& arg : a->args) ann(arg);
    if (a->vararg) ann(*a->vararg);
    for (const Arg& arg : a->kwonlyargs) ann(arg);
    if (a->kwarg) ann(*a->kwarg);
  }

  void params(const Arguments* a) {
    auto param = [&](const Arg& arg) {
      if (current_->flags.count(arg.name) && (current_->flags[arg.name] & kDefParam)) {
        fail(arg.loc, "duplicate argument '" + arg.name + "' in function definition");
      }
      add(arg.name, kDefParam, arg.loc);
      current_->params.push_back(arg.name);
    };
    for (const Arg& arg : a->posonlyargs) param(arg);
    for (const Arg& arg : a->args) param(arg);
    for (const Arg& arg : a->kwonlyargs) param(arg);
    if (a->vararg) param(*a->vararg);
    if (a->kwarg) param(*a->kwarg);
  }

  void function(const void* node, const std::string& name, const Arguments* args,
                const std::vector<Stmt*>* body, const Expr* lambda_body, bool is_async = false) {
    arguments_defaults(args);
    Scope* saved = current_;
    current_ = open(ScopeKind::Function, name, node);
    current_->is_coroutine = is_async;
    params(args);
    if (body) stmts(*body);
    if (lambda_body) expr(lambda_body);
    current_ = saved;
  }

  void stmt(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* f = static_cast<const FunctionDef*>(s);
        for (Expr* d : f->decorator_list) expr(d);
        if (f->returns) expr(f->returns);
        add(f->name, kDefLocal, f->loc);
        function(f, f->name, f->args, &f->body, nullptr, s->kind == StmtKind::AsyncFunctionDef);
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = static_cast<const ClassDef*>(s);
        for (Expr* d : c->decorator_list) expr(d);
        for (Expr* b : c->bases) expr(b);
        for (const Keyword& k : c->keywords) expr(k.value);
        add(c->name, kDefLocal, c->loc);
        Scope* saved = current_;
        current_ = open(ScopeKind::Class, c->name, c);
        stmts(c->body);
        current_ = saved;
        break;
      }
      case StmtKind::Return: {
        auto* r = static_cast<const Return*>(s);
        if (r->value) expr(r->value);
        break;
      }
      case StmtKind::Delete:
        for (Expr* t : static_cast<const Delete*>(s)->targets) expr(t);
        break;
      case StmtKind::Assign: {
        auto* a = static_cast<const Assign*>(s);
        expr(a->value);
        for (Expr* t : a->targets) expr(t);
        break;
      }
      case StmtKind::AugAssign: {
        auto* a = static_cast<const AugAssign*>(s);
        expr(a->value);
        expr(a->target);
        if (a->target->kind == ExprKind::Name) {
          add(static_cast<Name*>(a->target)->id, kUse, a->loc);
        }
        break;
      }
      case StmtKind::AnnAssign: {
        auto* a = static_cast<const AnnAssign*>(s);
        if (a->value) expr(a->value);
        expr(a->target);
        if (current_->kind != ScopeKind::Function) expr(a->annotation);
        break;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* f = static_cast<const For*>(s);
        expr(f->iter);
        expr(f->target);
        stmts(f->body);
        stmts(f->orelse);
        break;
      }
      case StmtKind::While: {
        auto* w = static_cast<const While*>(s);
        expr(w->test);
        stmts(w->body);
        stmts(w->orelse);
        break;
      }
      case StmtKind::If: {
        auto* i = static_cast<const If*>(s);
        expr(i->test);
        stmts(i->body);
        stmts(i->orelse);
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        auto* w = static_cast<const With*>(s);
        for (const WithItem& item : w->items) {
          expr(item.context_expr);
          if (item.optional_vars) expr(item.optional_vars);
        }
        stmts(w->body);
        break;
      }
      case StmtKind::Raise: {
        auto* r = static_cast<const Raise*>(s);
        if (r->exc) expr(r->exc);
        if (r->cause) expr(r->cause);
        break;
      }
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* t = static_cast<const Try*>(s);
        stmts(t->body);
        for (const ExceptHandler& h : t->handlers) {
          if (h.type) expr(h.type);
          if (!h.name.empty()) add(h.name, kDefLocal, h.loc);
          stmts(h.body);
        }
        stmts(t->orelse);
        stmts(t->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* a = static_cast<const Assert*>(s);
        expr(a->test);
        if (a->msg) expr(a->msg);
        break;
      }
      case StmtKind::Import:
        for (const Alias& a : static_cast<const Import*>(s)->names) {
          std::string bound = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
          add(bound, kDefLocal, a.loc);
        }
        break;
      case StmtKind::ImportFrom:
        for (const Alias& a : static_cast<const ImportFrom*>(s)->names) {
          if (a.name == "*") {
            if (current_->kind != ScopeKind::Module) {
              fail(s->loc, "import * only allowed at module level");
            }
            continue;
          }
          add(a.asname.empty() ? a.name : a.asname, kDefLocal, a.loc);
        }
        break;
      case StmtKind::Global:
        for (const std::string& n : static_cast<const NameList*>(s)->names) add(n, kDefGlobal, s->loc);
        break;
      case StmtKind::Nonlocal:
        if (current_->kind == ScopeKind::Module) {
          fail(s->loc, "nonlocal declaration not allowed at module level");
        }
        for (const std::string& n : static_cast<const NameList*>(s)->names) {
          add(n, kDefNonlocal, s->loc);
          current_->nonlocal_locs.emplace(n, s->loc);
        }
        break;
      case StmtKind::Expr:
        expr(static_cast<const ExprStmt*>(s)->value);
        break;
      case StmtKind::Match: {
        auto* m = static_cast<const Match*>(s);
        expr(m->subject);
        for (const MatchCase& c : m->cases) {
          pattern(c.pattern);
          if (c.guard) expr(c.guard);
          stmts(c.body);
        }
        break;
      }
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        break;
    }
  }

  // A pattern's captures bind in the enclosing scope; its values, class
  // names and mapping keys are uses.
  void pattern(const Pattern* p) {
    auto bind = [&](const std::string& name) {
      if (!name.empty()) add(name, kDefLocal, p->loc);
    };
    switch (p->kind) {
      case PatternKind::MatchValue:
        expr(static_cast<const MatchValue*>(p)->value);
        break;
      case PatternKind::MatchSingleton:
        break;
      case PatternKind::MatchSequence:
        for (const Pattern* q : static_cast<const MatchSequence*>(p)->patterns) pattern(q);
        break;
      case PatternKind::MatchMapping: {
        auto* m = static_cast<const MatchMapping*>(p);
        for (const Expr* k : m->keys) expr(k);
        for (const Pattern* q : m->patterns) pattern(q);
        bind(m->rest);
        break;
      }
      case PatternKind::MatchClass: {
        auto* c = static_cast<const MatchClass*>(p);
        expr(c->cls);
        for (const Pattern* q : c->patterns) pattern(q);
        for (const Pattern* q : c->kwd_patterns) pattern(q);
        break;
      }
      case PatternKind::MatchStar:
        bind(static_cast<const MatchStar*>(p)->name);
        break;
      case PatternKind::MatchAs: {
        auto* a = static_cast<const MatchAs*>(p);
        if (a->pattern) pattern(a->pattern);
        bind(a->name);
        break;
      }
      case PatternKind::MatchOr:
        for (const Pattern* q : static_cast<const MatchOr*>(p)->patterns) pattern(q);
        break;
    }
  }

  void comprehension(const Comp* c) {
    // The first iterable is evaluated in the enclosing scope; everything
    // else runs in the comprehension's own function scope.
    expr(c->generators[0].iter);
    Scope* saved = current_;
    current_ = open(ScopeKind::Comprehension, comp_name(c->kind), c);
    current_->is_generator = c->kind == ExprKind::GeneratorExp;
    add(".0", kDefParam, c->loc);
    current_->params.push_back(".0");
    for (size_t i = 0; i < c->generators.size(); ++i) {
      const Comprehension& g = c->generators[i];
      if (g.is_async) current_->is_coroutine = true;
      if (i > 0) expr(g.iter);
      expr(g.target);
      for (Expr* cond : g.ifs) expr(cond);
    }
    if (c->elt) expr(c->elt);
    if (c->key) expr(c->key);
    if (c->value) expr(c->value);
    // Its call is awaited where it stands, so an enclosing comprehension awaits too.
    bool awaited = current_->is_coroutine && c->kind != ExprKind::GeneratorExp;
    current_ = saved;
    if (awaited && current_->kind == ScopeKind::Comprehension) current_->is_coroutine = true;
  }

  static std::string comp_name(ExprKind k) {
    switch (k) {
      case ExprKind::ListComp: return "<listcomp>";
      case ExprKind::SetComp: return "<setcomp>";
      case ExprKind::DictComp: return "<dictcomp>";
      default: return "<genexpr>";
    }
  }

  // Bounds the depth of expression trees; see kMaxExprDepth.
  void expr(const Expr* e) {
    if (!e) return;
    if (expr_depth_ >= kMaxExprDepth) {
      fail(e->loc, "too many nested expressions (maximum recursion depth exceeded during compilation)");
      return;
    }
    ++expr_depth_;
    expr_node(e);
    --expr_depth_;
  }

  void expr_node(const Expr* e) {
    switch (e->kind) {
      case ExprKind::BoolOp:
        for (Expr* v : static_cast<const BoolOp*>(e)->values) expr(v);
        break;
      case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        expr(n->value);
        // An assignment expression in a comprehension binds in the
        // enclosing function scope (PEP 572).
        Scope* saved = current_;
        while (current_->kind == ScopeKind::Comprehension) current_ = current_->parent;
        auto* target = static_cast<const Name*>(n->target);
        add(target->id, kDefLocal | kDefWalrus, target->loc);
        Scope* binder = current_;
        current_ = saved;
        if (binder != current_) add(target->id, kUse, target->loc);
        break;
      }
      case ExprKind::BinOp: {
        auto* b = static_cast<const BinOp*>(e);
        expr(b->left);
        expr(b->right);
        break;
      }
      case ExprKind::UnaryOp:
        expr(static_cast<const UnaryOp*>(e)->operand);
        break;
      case ExprKind::Lambda: {
        auto* l = static_cast<const Lambda*>(e);
        function(l, "<lambda>", l->args, nullptr, l->body);
        break;
      }
      case ExprKind::IfExp: {
        auto* i = static_cast<const IfExp*>(e);
        expr(i->test);
        expr(i->body);
        expr(i->orelse);
        break;
      }
      case ExprKind::Dict: {
        auto* d = static_cast<const DictExpr*>(e);
        for (Expr* k : d->keys) expr(k);
        for (Expr* v : d->values) expr(v);
        break;
      }
      case ExprKind::Set:
        for (Expr* x : static_cast<const SetExpr*>(e)->elts) expr(x);
        break;
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::DictComp:
      case ExprKind::GeneratorExp:
        comprehension(static_cast<const Comp*>(e));
        break;
      case ExprKind::Await:
        if (current_->kind == ScopeKind::Comprehension) current_->is_coroutine = true;
        expr(static_cast<const Await*>(e)->value);
        break;
      case ExprKind::Yield:
        current_->is_generator = true;
        expr(static_cast<const Yield*>(e)->value);
        if (current_->kind != ScopeKind::Function && current_->kind != ScopeKind::Comprehension) {
          fail(e->loc, "'yield' outside function");
        }
        break;
      case ExprKind::YieldFrom:
        current_->is_generator = true;
        expr(static_cast<const YieldFrom*>(e)->value);
        if (current_->kind != ScopeKind::Function) fail(e->loc, "'yield' outside function");
        break;
      case ExprKind::Compare: {
        auto* c = static_cast<const Compare*>(e);
        expr(c->left);
        for (Expr* x : c->comparators) expr(x);
        break;
      }
      case ExprKind::Call: {
        auto* c = static_cast<const Call*>(e);
        expr(c->func);
        for (Expr* a : c->args) expr(a);
        for (const Keyword& k : c->keywords) expr(k.value);
        if (c->func->kind == ExprKind::Name && static_cast<Name*>(c->func)->id == "super") {
          mark_class_cell();
        }
        break;
      }
      case ExprKind::FormattedValue: {
        auto* f = static_cast<const FormattedValue*>(e);
        expr(f->value);
        expr(f->format_spec);
        break;
      }
      case ExprKind::JoinedStr:
        for (Expr* v : static_cast<const JoinedStr*>(e)->values) expr(v);
        break;
      case ExprKind::Constant:
        break;
      case ExprKind::Attribute:
        expr(static_cast<const Attribute*>(e)->value);
        break;
      case ExprKind::Subscript: {
        auto* s = static_cast<const Subscript*>(e);
        expr(s->value);
        expr(s->slice);
        break;
      }
      case ExprKind::Starred:
        expr(static_cast<const Starred*>(e)->value);
        break;
      case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        add(n->id, n->ctx == ExprContext::Load ? kUse : kDefLocal, n->loc);
        if (n->id == "__class__") mark_class_cell();
        break;
      }
      case ExprKind::List:
      case ExprKind::Tuple:
        for (Expr* x : static_cast<const Sequence*>(e)->elts) expr(x);
        break;
      case ExprKind::Slice: {
        auto* s = static_cast<const SliceExpr*>(e);
        expr(s->lower);
        expr(s->upper);
        expr(s->step);
        break;
      }
    }
  }

  // super() and __class__ need the implicit __class__ cell of the innermost
  // enclosing class, so the function using them gets it as a free variable.
  void mark_class_cell() {
    if (current_->kind == ScopeKind::Function) {
      current_->flags["__class__"] |= kUse;
    }
  }

 private:
  SymbolTable& table_;
  const std::string& filename_;
  std::string_view source_;
  Scope* current_ = nullptr;
  int expr_depth_ = 0;
};

namespace {

bool binds(unsigned f) { return f & (kDefLocal | kDefParam); }

// `bound`: names bound in enclosing function scopes, visible to this one.
// Returns the free variables this scope needs from its parent.
std::set<std::string> resolve(Scope* scope, const std::set<std::string>& bound,
                              bool in_class_with_cell, SymbolVisitor& v) {
  bool is_function = scope->kind == ScopeKind::Function || scope->kind == ScopeKind::Comprehension;
  std::set<std::string> free_needed;
  for (auto& [name, f] : scope->flags) {
    NameScope ns;
    if (f & kDefGlobal) {
      ns = NameScope::GlobalExplicit;
    } else if (f & kDefNonlocal) {
      if (!bound.count(name)) {
        auto at = scope->nonlocal_locs.find(name);
        v.fail(at != scope->nonlocal_locs.end() ? at->second : Loc{},
               "no binding for nonlocal '" + name + "' found");
      }
      ns = NameScope::Free;
    } else if (binds(f)) {
      ns = is_function ? NameScope::Local : NameScope::Name;
    } else if (name == "__class__" && is_function && in_class_with_cell) {
      ns = NameScope::Free;
    } else if (bound.count(name)) {
      ns = NameScope::Free;
    } else {
      ns = (is_function) ? NameScope::GlobalImplicit : NameScope::Name;
    }
    scope->resolved[name] = ns;
  }
  // What children can see: our own locals when we are a function (class
  // bodies are not enclosing scopes for their methods).
  std::set<std::string> child_bound = bound;
  if (is_function) {
    for (auto& [name, ns] : scope->resolved) {
      if (ns == NameScope::Local) child_bound.insert(name);
    }
  }
  for (auto& [name, ns] : scope->resolved) {
    if (ns == NameScope::GlobalExplicit || ns == NameScope::GlobalImplicit) {
      child_bound.erase(name);
    }
  }
  bool class_cell = in_class_with_cell || scope->kind == ScopeKind::Class;
  std::set<std::string> cells;
  for (auto& child : scope->children) {
    std::set<std::string> child_free = resolve(child.get(), child_bound, class_cell, v);
    for (const std::string& name : child_free) {
      if (scope->kind == ScopeKind::Class && name == "__class__") {
        scope->needs_class_cell = true;
        continue;
      }
      auto it = scope->resolved.find(name);
      if (is_function && it != scope->resolved.end() && it->second == NameScope::Local) {
        it->second = NameScope::Cell;
        cells.insert(name);
      } else if (is_function && it != scope->resolved.end() && it->second == NameScope::Cell) {
        // already a cell
      } else {
        // Pass the variable through this scope.
        if (it == scope->resolved.end() || it->second != NameScope::Free) {
          if (scope->kind == ScopeKind::Class && it != scope->resolved.end()) {
            // A class body that binds the name itself still passes the outer
            // cell to its methods; it keeps its own dict entry.
          } else {
            scope->resolved[name] = NameScope::Free;
          }
        }
        free_needed.insert(name);
      }
    }
  }
  for (auto& [name, ns] : scope->resolved) {
    if (ns == NameScope::Free) free_needed.insert(name);
  }
  scope->cellvars.assign(cells.begin(), cells.end());
  if (scope->needs_class_cell) scope->cellvars.push_back("__class__");
  scope->freevars.assign(free_needed.begin(), free_needed.end());
  return free_needed;
}

}  // namespace

std::optional<SyntaxErrorInfo> SymbolTable::build(const Module& module, const std::string& filename,
                                                  std::string_view source) {
  SymbolVisitor visitor(*this, filename, source);
  visitor.visit_module(module);
  if (visitor.error) return visitor.error;
  resolve(root_.get(), {}, false, visitor);
  return visitor.error;
}

Scope* SymbolTable::scope_for(const void* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

}  // namespace gilvm
