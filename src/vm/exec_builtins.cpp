// The builtins that need the VM: globals(), locals(), eval(), exec(),
// compile() and __import__(). A native function runs without a frame of its
// own, so ts.frame is the Python frame that called it.
//
// locals() in a function returns a fresh snapshot of the fast locals and
// cells, as CPython 3.11 does in effect (writes to it do not reach the
// variables); in a module or class body it is the namespace dict itself.
#include "vm/exec_builtins.h"

#include <string>

#include <fmt/core.h>

#include "compiler/code.h"
#include "compiler/compiler.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/import.h"
#include "vm/syntax_errors.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

Value builtin_globals(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "globals", nargs, kwnames, 0, 0)) return Value::null();
  if (!ts.frame) return raise(ts, ts.exc_types().SystemError, "globals(): no current frame");
  return newref(Value::from_object(ts.frame->globals));
}

// The caller's local namespace: the namespace dict of a module or class
// body, else a new dict of the bound fast locals and cells.
Value frame_locals(ThreadState& ts, Frame* f) {
  if (f->locals) return newref(Value::from_object(f->locals));
  if (!f->func) return newref(Value::from_object(f->globals));
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return Value::null();
  Code* code = f->code;
  for (int i = 0; i < code->nlocals && i < static_cast<int>(code->varnames.size()); i++) {
    Value v = f->localsplus[i];
    if (v && !dict_set(ts, as_dict(d.get()), Value::from_object(code->varnames[i]), v)) return Value::null();
  }
  Value* cells = f->cells();
  int ncell = static_cast<int>(code->cellvars.size());
  for (int i = 0; i < code->ncells(); i++) {
    Str* name = i < ncell ? code->cellvars[i] : code->freevars[i - ncell];
    Value c = cells[i];
    Value v = c && has_tag(c, Tag::Cell) ? static_cast<Cell*>(c.as_object())->value : Value::null();
    if (v && !dict_set(ts, as_dict(d.get()), Value::from_object(name), v)) return Value::null();
  }
  return d.release();
}

Value builtin_locals(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "locals", nargs, kwnames, 0, 0)) return Value::null();
  if (!ts.frame) return raise(ts, ts.exc_types().SystemError, "locals(): no current frame");
  return frame_locals(ts, ts.frame);
}

// Length of the UTF-8 sequence starting at s[i] (1-4), or 0 with *why set
// to the decoder's reason when it is invalid there.
size_t utf8_sequence(std::string_view s, size_t i, const char** why) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 && c >= 0xc2 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 && c <= 0xf4 ? 4 : 0;
  if (n == 0) {
    *why = "invalid start byte";
    return 0;
  }
  for (size_t k = 1; k < n; ++k) {
    if (i + k >= s.size()) {
      *why = "unexpected end of data";
      return 0;
    }
    auto d = static_cast<unsigned char>(s[i + k]);
    bool ok = (d & 0xc0) == 0x80;
    // Overlong forms, surrogates and code points past U+10FFFF.
    if (k == 1 && ok) {
      if (c == 0xe0) ok = d >= 0xa0;
      if (c == 0xed) ok = d < 0xa0;
      if (c == 0xf0) ok = d >= 0x90;
      if (c == 0xf4) ok = d < 0x90;
    }
    if (!ok) {
      *why = "invalid continuation byte";
      return 0;
    }
  }
  return n;
}

// Source given as bytes must be UTF-8, as the tokenizer decodes it: the
// first invalid byte outside a comment is a SyntaxError naming its line
// and its position there (CPython's words; it checks token by token, so
// its position can differ for bytes inside a string literal).
bool check_source_utf8(ThreadState& ts, std::string_view text, const std::string& filename) {
  size_t line_start = 0;
  int line = 1;
  bool in_comment = false;
  char quote = 0;
  for (size_t i = 0; i < text.size();) {
    char ch = text[i];
    if (ch == '\n') {
      ++line;
      line_start = i + 1;
      in_comment = false;
      quote = 0;  // (a triple-quoted string's later lines count as code: a rare case)
      ++i;
      continue;
    }
    if (!in_comment) {
      if (quote && ch == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
        i += 2;  // an escaped character inside a string
        continue;
      }
      if (quote && ch == quote) {
        quote = 0;
      } else if (!quote && (ch == '\'' || ch == '"')) {
        quote = ch;
      } else if (!quote && ch == '#') {
        in_comment = true;
      }
    }
    const char* why = nullptr;
    size_t n = utf8_sequence(text, i, &why);
    if (n > 0) {
      i += n;
      continue;
    }
    if (in_comment) {
      ++i;
      continue;
    }
    size_t end = text.find('\n', line_start);
    std::string_view raw = text.substr(line_start, end == std::string_view::npos ? std::string_view::npos : end - line_start);
    std::string shown;
    for (size_t k = 0; k < raw.size();) {
      const char* unused;
      size_t m = utf8_sequence(raw, k, &unused);
      if (m == 0) {
        shown += "\xef\xbf\xbd";  // U+FFFD, as the decoder's "replace" shows it
        ++k;
      } else {
        shown.append(raw.substr(k, m));
        k += m;
      }
    }
    SyntaxErrorInfo info;
    info.filename = filename;
    info.line = line;
    info.col = static_cast<int>(i - line_start) + 1;
    info.text = shown;
    info.message = fmt::format("(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
                               static_cast<unsigned char>(text[i]), i - line_start, why);
    raise_syntax_error(ts, info);
    return false;
  }
  return true;
}

// The text of a source argument (str, bytes or bytearray); bytes must be UTF-8.
bool source_text(ThreadState& ts, const char* fname, Value src, std::string* out,
                 const std::string& filename = "<string>") {
  if (is_str_like(src)) {
    *out = std::string(as_str(src)->view());
    return true;
  }
  std::string_view bytes;
  if (bytes_like_view(src, &bytes)) {
    if (!check_source_utf8(ts, bytes, filename)) return false;
    *out = std::string(bytes);
    return true;
  }
  raisef(ts, ts.exc_types().TypeError, "{}() arg 1 must be a string, bytes or code object", fname);
  return false;
}

// Compiles `text`; a SyntaxError is raised on failure.
Code* compile_text(ThreadState& ts, const std::string& text, const std::string& filename, std::string_view mode) {
  CompileResult r = compile_source(ts, text, filename, mode);
  if (!r.code) {
    if (r.error) raise_syntax_error(ts, *r.error);
    return nullptr;
  }
  return r.code;
}

// eval()/exec(): resolves the namespaces and runs `src` (text or code).
Value run_source(ThreadState& ts, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                 std::string_view mode) {
  Value a[3] = {};
  if (!parse_args(ts, fname, args, nargs, kwnames, {"source", "globals", "locals"}, 1, 3, a))
    return Value::null();
  Value src = a[0];
  Value g = a[1] && !a[1].is(ts.none()) ? a[1] : Value::null();
  Value l = a[2] && !a[2].is(ts.none()) ? a[2] : Value::null();
  if (g && !is_dict(g)) {
    if (mode == "eval")
      return raise(ts, ts.exc_types().TypeError, "globals must be a real dict; try eval(expr, {}, mapping)");
    return raisef(ts, ts.exc_types().TypeError, "exec() globals must be a dict, not {}", type_name(ts, g));
  }
  if (l && !is_dict(l)) {
    return raisef(ts, ts.exc_types().TypeError, "locals must be a mapping");
  }
  Ref caller_locals;
  if (!g) {
    if (!ts.frame) return raise(ts, ts.exc_types().SystemError, "no current frame");
    g = Value::from_object(ts.frame->globals);
    if (!l) {
      caller_locals = Ref::steal(frame_locals(ts, ts.frame));
      if (!caller_locals) return Value::null();
      l = caller_locals.get();
    }
  }
  if (!l) l = g;
  Dict* globals = as_dict(g);
  if (!dict_get_str(globals, str_intern(ts, "__builtins__"))) {
    if (!dict_set_str(ts, globals, "__builtins__", Value::from_object(ts.interp->builtins))) return Value::null();
  }
  Ref code;
  if (is_code(src)) {
    Code* c = static_cast<Code*>(src.as_object());
    if (!c->freevars.empty())
      return raisef(ts, ts.exc_types().TypeError, "code object passed to {}() may not contain free variables",
                    fname);
    code = Ref::borrow(src);
  } else {
    std::string text;
    if (!source_text(ts, fname, src, &text)) return Value::null();
    if (mode == "eval") {
      // eval() ignores leading spaces and tabs.
      size_t start = text.find_first_not_of(" \t");
      text = start == std::string::npos ? "" : text.substr(start);
    }
    Code* c = compile_text(ts, text, "<string>", mode);
    if (!c) return Value::null();
    code = Ref::steal(Value::from_object(c));
  }
  Value r = run_code(ts, static_cast<Code*>(code.get().as_object()), globals, as_dict(l));
  if (!r || mode == "eval") return r;
  decref(r);
  return newref(ts.none());
}

Value builtin_eval(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return run_source(ts, "eval", args, nargs, kwnames, "eval");
}

Value builtin_exec(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return run_source(ts, "exec", args, nargs, kwnames, "exec");
}

Value builtin_compile(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[6] = {};
  if (!parse_args(ts, "compile", args, nargs, kwnames,
                  {"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, 3, 6, a))
    return Value::null();
  if (is_code(a[0])) return newref(a[0]);
  std::string filename;
  if (is_str_like(a[1])) {
    filename = std::string(as_str(a[1])->view());
  } else if (std::string_view fb; bytes_like_view(a[1], &fb)) {
    filename = std::string(fb);
  } else {
    return raisef(ts, ts.exc_types().TypeError,
                  "compile() argument 'filename' must be str, bytes or os.PathLike, not {}", type_name(ts, a[1]));
  }
  std::string text;
  if (!source_text(ts, "compile", a[0], &text, filename)) return Value::null();
  if (!is_str_like(a[2]))
    return raisef(ts, ts.exc_types().TypeError, "compile() argument 'mode' must be str, not {}",
                  type_name(ts, a[2]));
  std::string_view mode = as_str(a[2])->view();
  if (mode != "exec" && mode != "eval" && mode != "single")
    return raise(ts, ts.exc_types().ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  Code* c = compile_text(ts, text, filename, mode);
  return c ? Value::from_object(c) : Value::null();
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
Value builtin_import(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[5] = {};
  if (!parse_args(ts, "__import__", args, nargs, kwnames, {"name", "globals", "locals", "fromlist", "level"}, 1,
                  5, a))
    return Value::null();
  if (!is_str_like(a[0]))
    return raisef(ts, ts.exc_types().TypeError, "__import__() argument 1 must be str, not {}",
                  type_name(ts, a[0]));
  int64_t level = 0;
  if (a[4] && !to_index(ts, a[4], &level)) return Value::null();
  if (level < 0) return raise(ts, ts.exc_types().ValueError, "level must be >= 0");
  if (as_str(a[0])->nbytes == 0 && level == 0) return raise(ts, ts.exc_types().ValueError, "Empty module name");
  Dict* globals = a[1] && is_dict(a[1]) ? as_dict(a[1]) : nullptr;
  Ref fromlist;
  if (a[3] && !a[3].is(ts.none())) {
    int t = truthy(ts, a[3]);
    if (t < 0) return Value::null();
    if (t) {
      fromlist = Ref::steal(tuple_from_iterable(ts, a[3]));
      if (!fromlist) return Value::null();
    }
  }
  Str* name = str_intern(ts, as_str(a[0])->view());
  return import_name(ts, name, globals, fromlist ? fromlist.get() : ts.none(), level);
}

}  // namespace

void install_exec_builtins(ThreadState& ts) {
  Dict* b = ts.interp->builtins;
  add_function(ts, b, "globals", builtin_globals);
  add_function(ts, b, "locals", builtin_locals);
  add_function(ts, b, "eval", builtin_eval);
  add_function(ts, b, "exec", builtin_exec);
  add_function(ts, b, "compile", builtin_compile);
  add_function(ts, b, "__import__", builtin_import);
}

}  // namespace gilvm
