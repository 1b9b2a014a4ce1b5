// The sys module, and the TextIO objects behind sys.stdin/stdout/stderr.
//
// A TextIO wraps a C FILE* directly instead of layering a Python-level
// buffer over a raw file as CPython's io stack does. The trade-off: no
// custom encodings or newline translation, but print() (builtins.cpp) can
// write into the very same stdio buffer that sys.stdout.write uses, so the
// two stay ordered without a flush between them and print stays cheap.
#include <unistd.h>

#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "compiler/compiler.h"
#include "gil/blocking.h"
#include "gil/blocking_io.h"
#include "gil/gil.h"
#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/builtins.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/fileio.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/eval.h"
#include "vm/interpreter.h"
#include "vm/syntax_errors.h"
#include "vm/thread_state.h"

namespace gilvm {

// ------------------------------------------------------------ TextIO

namespace {
struct TextIO : Object {
  FILE* file;  // borrowed from the C runtime (stdin/stdout/stderr): never closed
  Value name;  // owned str: "<stdout>"
  bool readable;
  bool writable;
};
}  // namespace

static TextIO* as_textio(Value v) { return static_cast<TextIO*>(v.as_object()); }

static void textio_dealloc(Object* self) { decref(static_cast<TextIO*>(self)->name); }

// The type is recognised by its dealloc slot, so no per-interpreter
// registry is needed to find it.
static bool is_textio(Value v) {
  return v.is_object() && v.as_object()->type->slots.dealloc == textio_dealloc;
}

FILE* textio_file(Value v, bool for_writing) {
  if (!is_textio(v)) return nullptr;
  TextIO* t = as_textio(v);
  return (for_writing ? t->writable : t->readable) ? t->file : nullptr;
}

bool textio_read_line(ThreadState& ts, FILE* f, std::string* out) {
  out->clear();
  char* line = nullptr;
  size_t cap = 0;
  ssize_t n;
  {
    BlockingRegion guard(ts, BlockCause::Input);
    n = getline(&line, &cap, f);
  }
  if (n > 0) out->assign(line, static_cast<size_t>(n));
  free(line);
  if (!utf8_valid(*out)) {
    out->clear();
    raise(ts, ts.exc_types().UnicodeDecodeError, "'utf-8' codec can't decode input: invalid UTF-8");
    return false;
  }
  return true;
}

Value sys_attr(ThreadState& ts, std::string_view name) {
  Value sys = ts.interp->sys_module;
  if (!is_module(sys)) return Value::null();
  return dict_get_str(as_module(sys)->dict, str_intern(ts, name));
}

static bool check_writable(ThreadState& ts, TextIO* t) {
  if (t->writable) return true;
  raise(ts, ts.exc_types().OSError, "not writable");
  return false;
}
static bool check_readable(ThreadState& ts, TextIO* t) {
  if (t->readable) return true;
  raise(ts, ts.exc_types().OSError, "not readable");
  return false;
}

// Methods may be called unbound (TextIOWrapper.write(x, s)): check self.
static TextIO* self_textio(ThreadState& ts, const Value* args, size_t nargs, const char* method) {
  if (nargs > 0 && is_textio(args[0])) return as_textio(args[0]);
  raisef(ts, ts.exc_types().TypeError,
         "descriptor '{}' for '_io.TextIOWrapper' objects doesn't apply to a '{}' object", method,
         nargs > 0 ? type_name(ts, args[0]) : std::string_view("NoneType"));
  return nullptr;
}

static Value textio_write(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!self_textio(ts, args, nargs, "write")) return Value::null();
  if (!check_one_arg(ts, "write", nargs - 1, kwnames)) return Value::null();
  TextIO* t = as_textio(args[0]);
  if (!check_writable(ts, t)) return Value::null();
  if (!is_str_like(args[1]))
    return raisef(ts, ts.exc_types().TypeError, "write() argument must be str, not {}",
                  type_name(ts, args[1]));
  Str* s = as_str(args[1]);
  if (!stream_write(ts, t->file, s->data, static_cast<size_t>(s->nbytes))) return Value::null();
  return int_from_i64(ts, s->length);
}

static Value textio_writelines(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!self_textio(ts, args, nargs, "writelines")) return Value::null();
  if (!check_one_arg(ts, "writelines", nargs - 1, kwnames)) return Value::null();
  TextIO* t = as_textio(args[0]);
  if (!check_writable(ts, t)) return Value::null();
  Ref it = Ref::steal(get_iter(ts, args[1]));
  if (!it) return Value::null();
  for (;;) {
    Ref line = Ref::steal(iter_next(ts, it.get()));
    if (!line) {
      if (ts.has_error()) return Value::null();
      break;
    }
    if (!is_str_like(line.get()))
      return raisef(ts, ts.exc_types().TypeError, "write() argument must be str, not {}",
                    type_name(ts, line.get()));
    Str* s = as_str(line.get());
    if (!stream_write(ts, t->file, s->data, static_cast<size_t>(s->nbytes))) return Value::null();
  }
  return newref(ts.none());
}

static Value textio_flush(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!self_textio(ts, args, nargs, "flush")) return Value::null();
  if (!check_no_args(ts, "flush", nargs - 1, kwnames)) return Value::null();
  blocking_fflush(ts, as_textio(args[0])->file);
  return newref(ts.none());
}

static Value textio_fileno(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!self_textio(ts, args, nargs, "fileno")) return Value::null();
  if (!check_no_args(ts, "fileno", nargs - 1, kwnames)) return Value::null();
  return Value::from_small(fileno(as_textio(args[0])->file));
}

static Value textio_isatty(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!self_textio(ts, args, nargs, "isatty")) return Value::null();
  if (!check_no_args(ts, "isatty", nargs - 1, kwnames)) return Value::null();
  return ts.bool_value(isatty(fileno(as_textio(args[0])->file)));
}

static Value textio_readable(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!self_textio(ts, args, nargs, "readable")) return Value::null();
  if (!check_no_args(ts, "readable", nargs - 1, kwnames)) return Value::null();
  return ts.bool_value(as_textio(args[0])->readable);
}

static Value textio_writable(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!self_textio(ts, args, nargs, "writable")) return Value::null();
  if (!check_no_args(ts, "writable", nargs - 1, kwnames)) return Value::null();
  return ts.bool_value(as_textio(args[0])->writable);
}

// The standard streams outlive the program: close() only flushes.
static Value textio_close(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!self_textio(ts, args, nargs, "close")) return Value::null();
  if (!check_no_args(ts, "close", nargs - 1, kwnames)) return Value::null();
  blocking_fflush(ts, as_textio(args[0])->file);
  return newref(ts.none());
}

static Value textio_readline(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!self_textio(ts, args, nargs, "readline")) return Value::null();
  if (!check_arg_range(ts, "readline", nargs - 1, kwnames, 0, 1)) return Value::null();
  TextIO* t = as_textio(args[0]);
  if (!check_readable(ts, t)) return Value::null();
  std::string line;
  if (!textio_read_line(ts, t->file, &line)) return Value::null();
  return str_new(ts, line);
}

static Value textio_readlines(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!self_textio(ts, args, nargs, "readlines")) return Value::null();
  if (!check_arg_range(ts, "readlines", nargs - 1, kwnames, 0, 1)) return Value::null();
  TextIO* t = as_textio(args[0]);
  if (!check_readable(ts, t)) return Value::null();
  Ref list = Ref::steal(list_new(ts));
  if (!list) return Value::null();
  std::string line;
  for (;;) {
    if (!textio_read_line(ts, t->file, &line)) return Value::null();
    if (line.empty()) break;
    Value s = str_new(ts, line);
    if (!s || !list_append_steal(ts, as_list(list.get()), s)) return Value::null();
  }
  return list.release();
}

static Value textio_read(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!self_textio(ts, args, nargs, "read")) return Value::null();
  if (!check_arg_range(ts, "read", nargs - 1, kwnames, 0, 1)) return Value::null();
  TextIO* t = as_textio(args[0]);
  if (!check_readable(ts, t)) return Value::null();
  int64_t limit = -1;
  if (nargs == 2 && !args[1].is(ts.none()) && !to_index(ts, args[1], &limit)) return Value::null();
  std::string data;
  // The limit counts bytes, not characters: exact for ASCII input.
  {
    BlockingRegion guard(ts, BlockCause::Input);
    char buf[8192];
    while (limit < 0 || static_cast<int64_t>(data.size()) < limit) {
      size_t want = sizeof buf;
      if (limit >= 0)
        want = std::min(want, static_cast<size_t>(limit - static_cast<int64_t>(data.size())));
      size_t got = fread(buf, 1, want, t->file);
      data.append(buf, got);
      if (got < want) break;
    }
  }
  if (!utf8_valid(data))
    return raise(ts, ts.exc_types().UnicodeDecodeError,
                 "'utf-8' codec can't decode input: invalid UTF-8");
  return str_new(ts, data);
}

static Value textio_enter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!self_textio(ts, args, nargs, "__enter__")) return Value::null();
  if (!check_no_args(ts, "__enter__", nargs - 1, kwnames)) return Value::null();
  return newref(args[0]);
}

static Value textio_exit(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
  if (!self_textio(ts, args, nargs, "__exit__")) return Value::null();
  blocking_fflush(ts, as_textio(args[0])->file);
  return newref(ts.none());
}

static Value textio_iternext(ThreadState& ts, Value self) {
  TextIO* t = as_textio(self);
  if (!check_readable(ts, t)) return Value::null();
  std::string line;
  if (!textio_read_line(ts, t->file, &line) || line.empty()) return Value::null();
  return str_new(ts, line);
}

static Value textio_iter(ThreadState&, Value self) { return newref(self); }

static Value textio_repr(ThreadState& ts, Value self) {
  TextIO* t = as_textio(self);
  return str_new(ts, fmt::format("<_io.TextIOWrapper name={} mode='{}' encoding='utf-8'>",
                                 str_repr(as_str(t->name)->view()), t->writable ? "w" : "r"));
}

static Value textio_getattr(ThreadState& ts, Value self, Str* name) {
  TextIO* t = as_textio(self);
  std::string_view n = name->view();
  if (n == "name") return newref(t->name);
  if (n == "mode") return str_new(ts, t->writable ? "w" : "r");
  if (n == "encoding") return str_new(ts, "utf-8");
  if (n == "errors") return str_new(ts, "strict");
  if (n == "closed") return ts.bool_value(false);
  if (n == "line_buffering") return ts.bool_value(isatty(fileno(t->file)));
  return generic_getattr(ts, self, name);
}

static Type* make_textio_type(ThreadState& ts) {
  Type* type = new_builtin_type(ts, "TextIOWrapper", nullptr, Tag::Other, sizeof(TextIO));
  type->slots.dealloc = textio_dealloc;
  type->slots.repr = textio_repr;
  type->slots.getattr = textio_getattr;
  type->slots.iter = textio_iter;
  type->slots.iternext = textio_iternext;
  add_method(ts, type, "write", textio_write);
  add_method(ts, type, "writelines", textio_writelines);
  add_method(ts, type, "flush", textio_flush);
  add_method(ts, type, "fileno", textio_fileno);
  add_method(ts, type, "isatty", textio_isatty);
  add_method(ts, type, "readable", textio_readable);
  add_method(ts, type, "writable", textio_writable);
  add_method(ts, type, "close", textio_close);
  add_method(ts, type, "readline", textio_readline);
  add_method(ts, type, "readlines", textio_readlines);
  add_method(ts, type, "read", textio_read);
  add_method(ts, type, "__enter__", textio_enter);
  add_method(ts, type, "__exit__", textio_exit);
  type_set_attr(ts, type, "__module__", Value::from_object(str_intern(ts, "_io")));
  return type;
}

static Value textio_new(ThreadState& ts, Type* type, FILE* f, std::string_view name,
                        bool writable) {
  Value name_str = str_new(ts, name);
  if (!name_str) return Value::null();
  TextIO* t = alloc<TextIO>(ts, type, Tag::Other);
  if (!t) {
    decref(name_str);
    return Value::null();
  }
  t->file = f;
  t->name = name_str;
  t->readable = !writable;
  t->writable = writable;
  return Value::from_object(t);
}

// ------------------------------------------------------------ sys functions

static Value sys_exit(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "exit", nargs, kwnames, 0, 1)) return Value::null();
  size_t n = (nargs == 1 && !args[0].is(ts.none())) ? 1 : 0;
  Value exc = exception_new(ts, ts.exc_types().SystemExit, args, n);
  if (!exc) return Value::null();
  raise_value(ts, exc);
  decref(exc);
  return Value::null();
}

// exc_info() -> (type, value, traceback) of the exception the innermost
// running `except` block handles, or three Nones outside one.
static Value sys_exc_info(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(ts, "sys.exc_info", nargs, kwnames)) return Value::null();
  if (ts.handled.empty()) return tuple_pack(ts, {ts.none(), ts.none(), ts.none()});
  Value exc = ts.handled.back();
  Value tb = get_attr(ts, exc, "__traceback__");
  if (!tb) return Value::null();
  Value result = tuple_pack(ts, {Value::from_object(type_of(ts, exc)), exc, tb});
  decref(tb);
  return result;
}

static Value sys_getrecursionlimit(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(ts, "sys.getrecursionlimit", nargs, kwnames)) return Value::null();
  return Value::from_small(ts.interp->recursion_limit);
}

static Value sys_setrecursionlimit(ThreadState& ts, const Value* args, size_t nargs,
                                   Tuple* kwnames) {
  if (!check_one_arg(ts, "sys.setrecursionlimit", nargs, kwnames)) return Value::null();
  if (has_layout(args[0], Tag::Float))
    return raise(ts, ts.exc_types().TypeError,
                 "'float' object cannot be interpreted as an integer");
  int64_t limit;
  if (!to_index(ts, args[0], &limit)) return Value::null();
  if (limit < 1)
    return raise(ts, ts.exc_types().ValueError, "recursion limit must be greater or equal than 1");
  if (limit > INT_MAX)
    return raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
  if (limit <= ts.depth) {
    return raisef(
        ts, ts.exc_types().RecursionError,
        "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
        limit, ts.depth);
  }
  ts.interp->recursion_limit = static_cast<int>(limit);
  return newref(ts.none());
}

static Value sys_getswitchinterval(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(ts, "sys.getswitchinterval", nargs, kwnames)) return Value::null();
  return float_new(ts, ts.interp->config.switch_interval);
}

static Value sys_setswitchinterval(ThreadState& ts, const Value* args, size_t nargs,
                                   Tuple* kwnames) {
  if (!check_one_arg(ts, "sys.setswitchinterval", nargs, kwnames)) return Value::null();
  double d;
  if (!to_double(ts, args[0], &d)) return Value::null();
  if (!(d > 0))
    return raise(ts, ts.exc_types().ValueError, "switch interval must be strictly positive");
  ts.interp->config.switch_interval = d;
  ts.interp->gil->set_switch_interval_us(
      static_cast<int64_t>(d * 1e6) > 0 ? static_cast<int64_t>(d * 1e6) : 1);
  return newref(ts.none());
}

// Python 2's knob, kept because the legacy policy honours it (CPython 3
// removed it in 3.9); the interval policy ignores it.
static Value sys_getcheckinterval(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(ts, "sys.getcheckinterval", nargs, kwnames)) return Value::null();
  return int_from_i64(ts, ts.interp->gil->check_interval());
}

static Value sys_setcheckinterval(ThreadState& ts, const Value* args, size_t nargs,
                                  Tuple* kwnames) {
  if (!check_one_arg(ts, "sys.setcheckinterval", nargs, kwnames)) return Value::null();
  int64_t n;
  if (!to_index(ts, args[0], &n)) return Value::null();
  if (n < 1) n = 1;  // Python 2 accepted any int; a non-positive interval meant "every tick"
  if (n > 1000000000) n = 1000000000;
  ts.interp->config.check_interval = static_cast<int>(n);
  ts.interp->gil->set_check_interval(static_cast<int>(n));
  return newref(ts.none());
}

static Value sys_intern(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "sys.intern", nargs, kwnames)) return Value::null();
  if (!is_str(args[0]))
    return raisef(ts, ts.exc_types().TypeError, "intern() argument must be str, not {}",
                  type_name(ts, args[0]));
  return Value::from_object(str_intern(ts, as_str(args[0])->view()));
}

static Value sys_getdefaultencoding(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(ts, "sys.getdefaultencoding", nargs, kwnames)) return Value::null();
  return str_new(ts, "utf-8");
}

static Value sys_getrefcount(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "sys.getrefcount", nargs, kwnames)) return Value::null();
  if (!args[0].is_object()) return Value::from_small(kImmortalRefcnt);
  // CPython's count includes the reference held by the call's argument.
  return int_from_i64(ts, static_cast<int64_t>(refcount_of(args[0].as_object())) + 1);
}

// Rough sizes: the instance's fixed part plus what it owns inline.
static Value sys_getsizeof(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value out[2];
  if (!parse_args(ts, "getsizeof", args, nargs, kwnames, {"object", "default"}, 1, -1, out))
    return Value::null();
  Value v = out[0];
  if (v.is_small()) return Value::from_small(28);
  int64_t size = type_of(ts, v)->basic_size;
  if (is_str(v))
    size += as_str(v)->nbytes + 1;
  else if (is_list(v))
    size += as_list(v)->capacity * static_cast<int64_t>(sizeof(Value));
  else if (is_tuple(v))
    size += as_tuple(v)->size * static_cast<int64_t>(sizeof(Value));
  return int_from_i64(ts, size);
}

// ------------------------------------------------------------ module

static bool set_new_ref(ThreadState& ts, Dict* d, const char* name, Value v) {
  if (!v) return false;
  bool ok = dict_set_str(ts, d, name, v);
  decref(v);
  return ok;
}

// A namespace object for sys.implementation and sys.float_info: a module
// serves, since all it needs is attribute access.
static Value make_namespace(ThreadState& ts, const char* name) { return module_new(ts, name); }

static std::string executable_path() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

// sys.version_info as CPython's struct sequence: a tuple subclass whose
// items are also named (`sys.version_info.major`), written in Python and
// run once into sys at start-up (well under a millisecond) rather than a
// native type with five getters; it replaces the plain tuple made above.
constexpr const char* kVersionInfoSource = R"PY(
_plain = version_info


class version_info(tuple):
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])
    n_fields = n_sequence_fields = 5
    n_unnamed_fields = 0

    def __repr__(self):
        return ('sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)'
                % tuple(self))

    def __reduce__(self):
        return (tuple, (tuple(self),))


version_info = version_info(_plain)
del _plain
)PY";

bool make_version_info(ThreadState& ts, Dict* sys_dict) {
  CompileResult compiled = compile_source(ts, kVersionInfoSource, "<sys>", "exec");
  if (!compiled.code) {
    raise_syntax_error(ts, *compiled.error);
    return false;
  }
  Ref code = Ref::steal(Value::from_object(compiled.code));
  Value r = run_code(ts, compiled.code, sys_dict, sys_dict);
  if (!r) return false;
  decref(r);
  return true;
}

Value make_sys_module(ThreadState& ts) {
  Interpreter* interp = ts.interp;
  Ref m = Ref::steal(module_new(ts, "sys"));
  if (!m) return Value::null();
  Dict* d = as_module(m.get())->dict;

  Type* textio = make_textio_type(ts);
  struct Stream {
    const char* name;
    const char* dunder;
    FILE* file;
    const char* display;
    bool writable;
  };
  const Stream streams[] = {{"stdin", "__stdin__", stdin, "<stdin>", false},
                            {"stdout", "__stdout__", stdout, "<stdout>", true},
                            {"stderr", "__stderr__", stderr, "<stderr>", true}};
  for (const Stream& s : streams) {
    Value io = textio_new(ts, textio, s.file, s.display, s.writable);
    if (!io) return Value::null();
    dict_set_str(ts, d, s.dunder, io);
    if (!set_new_ref(ts, d, s.name, io)) return Value::null();
  }

  Ref argv = Ref::steal(list_new(ts));
  if (!argv) return Value::null();
  for (const std::string& a : interp->config.argv) {
    Value s = str_new(ts, a);
    if (!s || !list_append_steal(ts, as_list(argv.get()), s)) return Value::null();
  }
  dict_set_str(ts, d, "argv", argv.get());
  if (!set_new_ref(ts, d, "path", list_new(ts))) return Value::null();
  if (interp->modules) dict_set_str(ts, d, "modules", Value::from_object(interp->modules));

  Ref version_info = Ref::steal(
      tuple_pack(ts, {Value::from_small(3), Value::from_small(11), Value::from_small(0),
                      Value::from_object(str_intern(ts, "final")), Value::from_small(0)}));
  if (!version_info) return Value::null();
  dict_set_str(ts, d, "version_info", version_info.get());
  if (!set_new_ref(ts, d, "version", str_new(ts, "3.11.0 (gilvm) [GCC " __VERSION__ "]")))
    return Value::null();
  dict_set_str(ts, d, "hexversion", Value::from_small(0x030B00F0));
  if (!set_new_ref(ts, d, "platform", str_new(ts, "linux"))) return Value::null();
  if (!set_new_ref(ts, d, "byteorder", str_new(ts, "little"))) return Value::null();
  if (!set_new_ref(ts, d, "maxsize", int_from_i64(ts, INT64_MAX))) return Value::null();
  dict_set_str(ts, d, "maxunicode", Value::from_small(0x10FFFF));
  if (!set_new_ref(ts, d, "executable", str_new(ts, executable_path()))) return Value::null();
  if (!set_new_ref(ts, d, "prefix", str_new(ts, "/usr"))) return Value::null();
  dict_set_str(ts, d, "dont_write_bytecode", ts.bool_value(true));

  Ref impl = Ref::steal(make_namespace(ts, "implementation"));
  if (!impl) return Value::null();
  Dict* id = as_module(impl.get())->dict;
  if (!set_new_ref(ts, id, "name", str_new(ts, "gilvm"))) return Value::null();
  dict_set_str(ts, id, "version", version_info.get());
  dict_set_str(ts, id, "cache_tag", ts.none());
  dict_set_str(ts, d, "implementation", impl.get());

  Ref float_info = Ref::steal(make_namespace(ts, "float_info"));
  if (!float_info) return Value::null();
  Dict* fd = as_module(float_info.get())->dict;
  if (!set_new_ref(ts, fd, "max", float_new(ts, DBL_MAX)) ||
      !set_new_ref(ts, fd, "min", float_new(ts, DBL_MIN)) ||
      !set_new_ref(ts, fd, "epsilon", float_new(ts, DBL_EPSILON)))
    return Value::null();
  dict_set_str(ts, fd, "dig", Value::from_small(DBL_DIG));
  dict_set_str(ts, fd, "mant_dig", Value::from_small(DBL_MANT_DIG));
  dict_set_str(ts, fd, "max_exp", Value::from_small(DBL_MAX_EXP));
  dict_set_str(ts, fd, "min_exp", Value::from_small(DBL_MIN_EXP));
  dict_set_str(ts, fd, "max_10_exp", Value::from_small(DBL_MAX_10_EXP));
  dict_set_str(ts, fd, "min_10_exp", Value::from_small(DBL_MIN_10_EXP));
  dict_set_str(ts, fd, "radix", Value::from_small(FLT_RADIX));
  dict_set_str(ts, d, "float_info", float_info.get());

  add_function(ts, d, "exit", sys_exit);
  add_function(ts, d, "exc_info", sys_exc_info);
  add_function(ts, d, "getrecursionlimit", sys_getrecursionlimit);
  add_function(ts, d, "setrecursionlimit", sys_setrecursionlimit);
  add_function(ts, d, "getswitchinterval", sys_getswitchinterval);
  add_function(ts, d, "setswitchinterval", sys_setswitchinterval);
  add_function(ts, d, "getcheckinterval", sys_getcheckinterval);
  add_function(ts, d, "setcheckinterval", sys_setcheckinterval);
  add_function(ts, d, "intern", sys_intern);
  add_function(ts, d, "getdefaultencoding", sys_getdefaultencoding);
  add_function(ts, d, "getrefcount", sys_getrefcount);
  add_function(ts, d, "getsizeof", sys_getsizeof);

  if (!make_version_info(ts, d)) return Value::null();

  if (interp->sys_module.is_null()) interp->sys_module = newref(m.get());
  return m.release();
}

}  // namespace gilvm
