#include "parser/ast_dump.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace gilvm {

namespace {

using namespace ast;

const char* const kBinOps[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",    "Mod",     "Pow",
                               "LShift", "RShift", "BitOr", "BitXor",  "BitAnd", "FloorDiv"};
const char* const kUnaryOps[] = {"Invert", "Not", "UAdd", "USub"};
const char* const kCmpOps[] = {"Eq",  "NotEq", "Lt",    "LtE", "Gt",
                               "GtE", "Is",    "IsNot", "In",  "NotIn"};
const char* const kContexts[] = {"Load()", "Store()", "Del()"};

std::string str_repr(const std::string& s, bool bytes) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char q = has_single && !has_double ? '"' : '\'';
  std::string out = bytes ? "b" : "";
  out += q;
  for (unsigned char c : s) {
    if (c == static_cast<unsigned char>(q) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += q;
  return out;
}

class Dumper {
 public:
  explicit Dumper(bool attrs) : attrs_(attrs) {}
  std::string out;

  void module(const Module& m) {
    out += "Module(body=";
    stmts(m.body);
    out += ", type_ignores=[])";
  }

 private:
  bool attrs_;

  // Fields are written "name=value"; `first` tracks the separating comma.
  struct Fields {
    Dumper& d;
    bool first = true;
    Fields(Dumper& dumper, const char* type) : d(dumper) {
      d.out += type;
      d.out += '(';
    }
    void name(const char* n) {
      if (!first) d.out += ", ";
      first = false;
      d.out += n;
      d.out += '=';
    }
    void raw(const char* n, const std::string& v) {
      name(n);
      d.out += v;
    }
    void expr(const char* n, const Expr* e, bool optional = true) {
      if (!e && optional) return;
      name(n);
      d.expr(e);
    }
    void exprs(const char* n, const std::vector<Expr*>& es) {
      name(n);
      d.expr_list(es);
    }
    void stmts(const char* n, const std::vector<Stmt*>& ss) {
      name(n);
      d.stmts(ss);
    }
    void end(const Loc* loc = nullptr) {
      if (loc && d.attrs_) {
        raw("lineno", std::to_string(loc->line));
        raw("col_offset", std::to_string(loc->col));
        raw("end_lineno", std::to_string(loc->end_line));
        raw("end_col_offset", std::to_string(loc->end_col));
      }
      d.out += ')';
    }
  };

  void expr_list(const std::vector<Expr*>& es) {
    out += '[';
    for (size_t i = 0; i < es.size(); ++i) {
      if (i) out += ", ";
      expr(es[i]);
    }
    out += ']';
  }
  void stmts(const std::vector<Stmt*>& ss) {
    out += '[';
    for (size_t i = 0; i < ss.size(); ++i) {
      if (i) out += ", ";
      stmt(ss[i]);
    }
    out += ']';
  }
  void names(const std::vector<std::string>& ns) {
    out += '[';
    for (size_t i = 0; i < ns.size(); ++i) {
      if (i) out += ", ";
      out += str_repr(ns[i], false);
    }
    out += ']';
  }

  void arg(const Arg& a) {
    Fields f(*this, "arg");
    f.raw("arg", str_repr(a.name, false));
    f.expr("annotation", a.annotation);
    f.end(&a.loc);
  }
  void arg_list(const std::vector<Arg>& as) {
    out += '[';
    for (size_t i = 0; i < as.size(); ++i) {
      if (i) out += ", ";
      arg(as[i]);
    }
    out += ']';
  }
  void arguments(const Arguments& a) {
    Fields f(*this, "arguments");
    f.name("posonlyargs");
    arg_list(a.posonlyargs);
    f.name("args");
    arg_list(a.args);
    if (a.vararg) {
      f.name("vararg");
      arg(*a.vararg);
    }
    f.name("kwonlyargs");
    arg_list(a.kwonlyargs);
    f.name("kw_defaults");
    out += '[';
    for (size_t i = 0; i < a.kw_defaults.size(); ++i) {
      if (i) out += ", ";
      if (a.kw_defaults[i]) {
        expr(a.kw_defaults[i]);
      } else {
        out += "None";
      }
    }
    out += ']';
    if (a.kwarg) {
      f.name("kwarg");
      arg(*a.kwarg);
    }
    f.exprs("defaults", a.defaults);
    f.end();
  }
  void keywords(const std::vector<Keyword>& ks) {
    out += '[';
    for (size_t i = 0; i < ks.size(); ++i) {
      if (i) out += ", ";
      Fields f(*this, "keyword");
      if (!ks[i].arg.empty()) f.raw("arg", str_repr(ks[i].arg, false));
      f.expr("value", ks[i].value);
      f.end(&ks[i].loc);
    }
    out += ']';
  }
  void generators(const std::vector<Comprehension>& gs) {
    out += '[';
    for (size_t i = 0; i < gs.size(); ++i) {
      if (i) out += ", ";
      Fields f(*this, "comprehension");
      f.expr("target", gs[i].target);
      f.expr("iter", gs[i].iter);
      f.exprs("ifs", gs[i].ifs);
      f.raw("is_async", gs[i].is_async ? "1" : "0");
      f.end();
    }
    out += ']';
  }

  void constant(const Constant& c) {
    switch (c.ckind) {
      case ConstKind::None:
        out += "None";
        break;
      case ConstKind::True:
        out += "True";
        break;
      case ConstKind::False:
        out += "False";
        break;
      case ConstKind::Ellipsis:
        out += "Ellipsis";
        break;
      case ConstKind::Int:
        out += std::to_string(c.int_value);
        break;
      case ConstKind::BigInt:
        out += c.big_digits;
        break;
      case ConstKind::Float:
        out += dump_float_repr(c.float_value);
        break;
      case ConstKind::Imag: {
        std::string r = dump_float_repr(c.float_value);
        if (r.size() > 2 && r.compare(r.size() - 2, 2, ".0") == 0) r.resize(r.size() - 2);
        out += r + "j";
        break;
      }
      case ConstKind::Str:
        out += str_repr(c.str_value, false);
        break;
      case ConstKind::Bytes:
        out += str_repr(c.str_value, true);
        break;
    }
  }

  void expr(const Expr* e) {
    if (!e) {
      out += "None";
      return;
    }
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* n = static_cast<const BoolOp*>(e);
        Fields f(*this, "BoolOp");
        f.raw("op", n->op == BoolOpKind::And ? "And()" : "Or()");
        f.exprs("values", n->values);
        return f.end(&e->loc);
      }
      case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        Fields f(*this, "NamedExpr");
        f.expr("target", n->target);
        f.expr("value", n->value);
        return f.end(&e->loc);
      }
      case ExprKind::BinOp: {
        auto* n = static_cast<const BinOp*>(e);
        Fields f(*this, "BinOp");
        f.expr("left", n->left);
        f.raw("op", std::string(kBinOps[static_cast<int>(n->op)]) + "()");
        f.expr("right", n->right);
        return f.end(&e->loc);
      }
      case ExprKind::UnaryOp: {
        auto* n = static_cast<const UnaryOp*>(e);
        Fields f(*this, "UnaryOp");
        f.raw("op", std::string(kUnaryOps[static_cast<int>(n->op)]) + "()");
        f.expr("operand", n->operand);
        return f.end(&e->loc);
      }
      case ExprKind::Lambda: {
        auto* n = static_cast<const Lambda*>(e);
        Fields f(*this, "Lambda");
        f.name("args");
        arguments(*n->args);
        f.expr("body", n->body);
        return f.end(&e->loc);
      }
      case ExprKind::IfExp: {
        auto* n = static_cast<const IfExp*>(e);
        Fields f(*this, "IfExp");
        f.expr("test", n->test);
        f.expr("body", n->body);
        f.expr("orelse", n->orelse);
        return f.end(&e->loc);
      }
      case ExprKind::Dict: {
        auto* n = static_cast<const DictExpr*>(e);
        Fields f(*this, "Dict");
        f.exprs("keys", n->keys);
        f.exprs("values", n->values);
        return f.end(&e->loc);
      }
      case ExprKind::Set: {
        Fields f(*this, "Set");
        f.exprs("elts", static_cast<const SetExpr*>(e)->elts);
        return f.end(&e->loc);
      }
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::GeneratorExp:
      case ExprKind::DictComp: {
        auto* n = static_cast<const Comp*>(e);
        const char* type = e->kind == ExprKind::ListComp   ? "ListComp"
                           : e->kind == ExprKind::SetComp  ? "SetComp"
                           : e->kind == ExprKind::DictComp ? "DictComp"
                                                           : "GeneratorExp";
        Fields f(*this, type);
        if (e->kind == ExprKind::DictComp) {
          f.expr("key", n->key);
          f.expr("value", n->value);
        } else {
          f.expr("elt", n->elt);
        }
        f.name("generators");
        generators(n->generators);
        return f.end(&e->loc);
      }
      case ExprKind::Await: {
        Fields f(*this, "Await");
        f.expr("value", static_cast<const Await*>(e)->value);
        return f.end(&e->loc);
      }
      case ExprKind::Yield: {
        Fields f(*this, "Yield");
        f.expr("value", static_cast<const Yield*>(e)->value);
        return f.end(&e->loc);
      }
      case ExprKind::YieldFrom: {
        Fields f(*this, "YieldFrom");
        f.expr("value", static_cast<const YieldFrom*>(e)->value);
        return f.end(&e->loc);
      }
      case ExprKind::Compare: {
        auto* n = static_cast<const Compare*>(e);
        Fields f(*this, "Compare");
        f.expr("left", n->left);
        f.name("ops");
        out += '[';
        for (size_t i = 0; i < n->ops.size(); ++i) {
          if (i) out += ", ";
          out += kCmpOps[static_cast<int>(n->ops[i])];
          out += "()";
        }
        out += ']';
        f.exprs("comparators", n->comparators);
        return f.end(&e->loc);
      }
      case ExprKind::Call: {
        auto* n = static_cast<const Call*>(e);
        Fields f(*this, "Call");
        f.expr("func", n->func);
        f.exprs("args", n->args);
        f.name("keywords");
        keywords(n->keywords);
        return f.end(&e->loc);
      }
      case ExprKind::FormattedValue: {
        auto* n = static_cast<const FormattedValue*>(e);
        Fields f(*this, "FormattedValue");
        f.expr("value", n->value);
        f.raw("conversion", std::to_string(n->conversion));
        f.expr("format_spec", n->format_spec);
        return f.end(&e->loc);
      }
      case ExprKind::JoinedStr: {
        Fields f(*this, "JoinedStr");
        f.exprs("values", static_cast<const JoinedStr*>(e)->values);
        return f.end(&e->loc);
      }
      case ExprKind::Constant: {
        Fields f(*this, "Constant");
        f.name("value");
        constant(*static_cast<const Constant*>(e));
        return f.end(&e->loc);
      }
      case ExprKind::Attribute: {
        auto* n = static_cast<const Attribute*>(e);
        Fields f(*this, "Attribute");
        f.expr("value", n->value);
        f.raw("attr", str_repr(n->attr, false));
        f.raw("ctx", kContexts[static_cast<int>(n->ctx)]);
        return f.end(&e->loc);
      }
      case ExprKind::Subscript: {
        auto* n = static_cast<const Subscript*>(e);
        Fields f(*this, "Subscript");
        f.expr("value", n->value);
        f.expr("slice", n->slice);
        f.raw("ctx", kContexts[static_cast<int>(n->ctx)]);
        return f.end(&e->loc);
      }
      case ExprKind::Starred: {
        auto* n = static_cast<const Starred*>(e);
        Fields f(*this, "Starred");
        f.expr("value", n->value);
        f.raw("ctx", kContexts[static_cast<int>(n->ctx)]);
        return f.end(&e->loc);
      }
      case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        Fields f(*this, "Name");
        f.raw("id", str_repr(n->id, false));
        f.raw("ctx", kContexts[static_cast<int>(n->ctx)]);
        return f.end(&e->loc);
      }
      case ExprKind::List:
      case ExprKind::Tuple: {
        auto* n = static_cast<const Sequence*>(e);
        Fields f(*this, e->kind == ExprKind::List ? "List" : "Tuple");
        f.exprs("elts", n->elts);
        f.raw("ctx", kContexts[static_cast<int>(n->ctx)]);
        return f.end(&e->loc);
      }
      case ExprKind::Slice: {
        auto* n = static_cast<const SliceExpr*>(e);
        Fields f(*this, "Slice");
        f.expr("lower", n->lower);
        f.expr("upper", n->upper);
        f.expr("step", n->step);
        return f.end(&e->loc);
      }
    }
  }

  void handlers(const std::vector<ExceptHandler>& hs) {
    out += '[';
    for (size_t i = 0; i < hs.size(); ++i) {
      if (i) out += ", ";
      Fields f(*this, "ExceptHandler");
      f.expr("type", hs[i].type);
      if (!hs[i].name.empty()) f.raw("name", str_repr(hs[i].name, false));
      f.stmts("body", hs[i].body);
      f.end(&hs[i].loc);
    }
    out += ']';
  }
  void aliases(const std::vector<Alias>& as) {
    out += '[';
    for (size_t i = 0; i < as.size(); ++i) {
      if (i) out += ", ";
      Fields f(*this, "alias");
      f.raw("name", str_repr(as[i].name, false));
      if (!as[i].asname.empty()) f.raw("asname", str_repr(as[i].asname, false));
      f.end(&as[i].loc);
    }
    out += ']';
  }

  void patterns(const std::vector<Pattern*>& ps) {
    out += '[';
    for (size_t i = 0; i < ps.size(); ++i) {
      if (i) out += ", ";
      pattern(ps[i]);
    }
    out += ']';
  }

  // As CPython's ast.dump prints patterns (absent names left out).
  void pattern(const Pattern* p) {
    auto names = [&](Fields& f, const char* field, const std::vector<std::string>& ns) {
      f.name(field);
      out += '[';
      for (size_t i = 0; i < ns.size(); ++i) {
        if (i) out += ", ";
        out += str_repr(ns[i], false);
      }
      out += ']';
    };
    switch (p->kind) {
      case PatternKind::MatchValue: {
        Fields f(*this, "MatchValue");
        f.expr("value", static_cast<const MatchValue*>(p)->value);
        return f.end(&p->loc);
      }
      case PatternKind::MatchSingleton: {
        ConstKind k = static_cast<const MatchSingleton*>(p)->value;
        Fields f(*this, "MatchSingleton");
        f.raw("value", k == ConstKind::None ? "None" : k == ConstKind::True ? "True" : "False");
        return f.end(&p->loc);
      }
      case PatternKind::MatchSequence: {
        auto* n = static_cast<const MatchSequence*>(p);
        Fields f(*this, "MatchSequence");
        f.name("patterns");
        patterns(n->patterns);
        return f.end(&p->loc);
      }
      case PatternKind::MatchMapping: {
        auto* n = static_cast<const MatchMapping*>(p);
        Fields f(*this, "MatchMapping");
        f.exprs("keys", n->keys);
        f.name("patterns");
        patterns(n->patterns);
        if (!n->rest.empty()) f.raw("rest", str_repr(n->rest, false));
        return f.end(&p->loc);
      }
      case PatternKind::MatchClass: {
        auto* n = static_cast<const MatchClass*>(p);
        Fields f(*this, "MatchClass");
        f.expr("cls", n->cls);
        f.name("patterns");
        patterns(n->patterns);
        names(f, "kwd_attrs", n->kwd_attrs);
        f.name("kwd_patterns");
        patterns(n->kwd_patterns);
        return f.end(&p->loc);
      }
      case PatternKind::MatchStar: {
        auto* n = static_cast<const MatchStar*>(p);
        Fields f(*this, "MatchStar");
        if (!n->name.empty()) f.raw("name", str_repr(n->name, false));
        return f.end(&p->loc);
      }
      case PatternKind::MatchAs: {
        auto* n = static_cast<const MatchAs*>(p);
        Fields f(*this, "MatchAs");
        if (n->pattern) {
          f.name("pattern");
          pattern(n->pattern);
        }
        if (!n->name.empty()) f.raw("name", str_repr(n->name, false));
        return f.end(&p->loc);
      }
      case PatternKind::MatchOr: {
        Fields f(*this, "MatchOr");
        f.name("patterns");
        patterns(static_cast<const MatchOr*>(p)->patterns);
        return f.end(&p->loc);
      }
    }
  }

  void stmt(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* n = static_cast<const FunctionDef*>(s);
        Fields f(*this, s->kind == StmtKind::FunctionDef ? "FunctionDef" : "AsyncFunctionDef");
        f.raw("name", str_repr(n->name, false));
        f.name("args");
        arguments(*n->args);
        f.stmts("body", n->body);
        f.exprs("decorator_list", n->decorator_list);
        f.expr("returns", n->returns);
        return f.end(&s->loc);
      }
      case StmtKind::ClassDef: {
        auto* n = static_cast<const ClassDef*>(s);
        Fields f(*this, "ClassDef");
        f.raw("name", str_repr(n->name, false));
        f.exprs("bases", n->bases);
        f.name("keywords");
        keywords(n->keywords);
        f.stmts("body", n->body);
        f.exprs("decorator_list", n->decorator_list);
        return f.end(&s->loc);
      }
      case StmtKind::Return: {
        Fields f(*this, "Return");
        f.expr("value", static_cast<const Return*>(s)->value);
        return f.end(&s->loc);
      }
      case StmtKind::Delete: {
        Fields f(*this, "Delete");
        f.exprs("targets", static_cast<const Delete*>(s)->targets);
        return f.end(&s->loc);
      }
      case StmtKind::Assign: {
        auto* n = static_cast<const Assign*>(s);
        Fields f(*this, "Assign");
        f.exprs("targets", n->targets);
        f.expr("value", n->value);
        return f.end(&s->loc);
      }
      case StmtKind::AugAssign: {
        auto* n = static_cast<const AugAssign*>(s);
        Fields f(*this, "AugAssign");
        f.expr("target", n->target);
        f.raw("op", std::string(kBinOps[static_cast<int>(n->op)]) + "()");
        f.expr("value", n->value);
        return f.end(&s->loc);
      }
      case StmtKind::AnnAssign: {
        auto* n = static_cast<const AnnAssign*>(s);
        Fields f(*this, "AnnAssign");
        f.expr("target", n->target);
        f.expr("annotation", n->annotation);
        f.expr("value", n->value);
        f.raw("simple", n->simple ? "1" : "0");
        return f.end(&s->loc);
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* n = static_cast<const For*>(s);
        Fields f(*this, s->kind == StmtKind::For ? "For" : "AsyncFor");
        f.expr("target", n->target);
        f.expr("iter", n->iter);
        f.stmts("body", n->body);
        f.stmts("orelse", n->orelse);
        return f.end(&s->loc);
      }
      case StmtKind::While: {
        auto* n = static_cast<const While*>(s);
        Fields f(*this, "While");
        f.expr("test", n->test);
        f.stmts("body", n->body);
        f.stmts("orelse", n->orelse);
        return f.end(&s->loc);
      }
      case StmtKind::If: {
        auto* n = static_cast<const If*>(s);
        Fields f(*this, "If");
        f.expr("test", n->test);
        f.stmts("body", n->body);
        f.stmts("orelse", n->orelse);
        return f.end(&s->loc);
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        auto* n = static_cast<const With*>(s);
        Fields f(*this, s->kind == StmtKind::With ? "With" : "AsyncWith");
        f.name("items");
        out += '[';
        for (size_t i = 0; i < n->items.size(); ++i) {
          if (i) out += ", ";
          Fields w(*this, "withitem");
          w.expr("context_expr", n->items[i].context_expr);
          w.expr("optional_vars", n->items[i].optional_vars);
          w.end();
        }
        out += ']';
        f.stmts("body", n->body);
        return f.end(&s->loc);
      }
      case StmtKind::Match: {
        auto* n = static_cast<const Match*>(s);
        Fields f(*this, "Match");
        f.expr("subject", n->subject);
        f.name("cases");
        out += '[';
        for (size_t i = 0; i < n->cases.size(); ++i) {
          if (i) out += ", ";
          Fields c(*this, "match_case");
          c.name("pattern");
          pattern(n->cases[i].pattern);
          c.expr("guard", n->cases[i].guard);
          c.stmts("body", n->cases[i].body);
          c.end();
        }
        out += ']';
        return f.end(&s->loc);
      }
      case StmtKind::Raise: {
        auto* n = static_cast<const Raise*>(s);
        Fields f(*this, "Raise");
        f.expr("exc", n->exc);
        f.expr("cause", n->cause);
        return f.end(&s->loc);
      }
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* n = static_cast<const Try*>(s);
        Fields f(*this, s->kind == StmtKind::Try ? "Try" : "TryStar");
        f.stmts("body", n->body);
        f.name("handlers");
        handlers(n->handlers);
        f.stmts("orelse", n->orelse);
        f.stmts("finalbody", n->finalbody);
        return f.end(&s->loc);
      }
      case StmtKind::Assert: {
        auto* n = static_cast<const Assert*>(s);
        Fields f(*this, "Assert");
        f.expr("test", n->test);
        f.expr("msg", n->msg);
        return f.end(&s->loc);
      }
      case StmtKind::Import: {
        Fields f(*this, "Import");
        f.name("names");
        aliases(static_cast<const Import*>(s)->names);
        return f.end(&s->loc);
      }
      case StmtKind::ImportFrom: {
        auto* n = static_cast<const ImportFrom*>(s);
        Fields f(*this, "ImportFrom");
        if (!n->module.empty()) f.raw("module", str_repr(n->module, false));
        f.name("names");
        aliases(n->names);
        f.raw("level", std::to_string(n->level));
        return f.end(&s->loc);
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        Fields f(*this, s->kind == StmtKind::Global ? "Global" : "Nonlocal");
        f.name("names");
        names(static_cast<const NameList*>(s)->names);
        return f.end(&s->loc);
      }
      case StmtKind::Expr: {
        Fields f(*this, "Expr");
        f.expr("value", static_cast<const ExprStmt*>(s)->value);
        return f.end(&s->loc);
      }
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue: {
        Fields f(*this, s->kind == StmtKind::Pass    ? "Pass"
                        : s->kind == StmtKind::Break ? "Break"
                                                     : "Continue");
        return f.end(&s->loc);
      }
    }
  }
};

}  // namespace

std::string dump_float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  // sci is "[-]d[.ddd]e[+-]XX": split into digits and a decimal exponent.
  std::string sign;
  if (sci[0] == '-') {
    sign = "-";
    sci.erase(0, 1);
  }
  size_t e = sci.find('e');
  int exp = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (size_t i = 0; i < e; ++i)
    if (sci[i] != '.') digits += sci[i];
  int decpt = exp + 1;
  int n = static_cast<int>(digits.size());
  std::string out;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out = "0." + std::string(-decpt, '0') + digits;
    } else if (decpt >= n) {
      out = digits + std::string(decpt - n, '0') + ".0";
    } else {
      out = digits.substr(0, decpt) + "." + digits.substr(decpt);
    }
  } else {
    out = digits.substr(0, 1);
    if (n > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
  }
  return sign + out;
}

std::string dump(const Module& module, bool include_attributes) {
  Dumper d(include_attributes);
  d.module(module);
  return d.out;
}

}  // namespace gilvm
