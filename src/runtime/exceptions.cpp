// The exception hierarchy, raising, matching, and printing tracebacks.
//
// All built-in exception classes share one layout (ExceptionObject) and one
// set of slots; the few classes with extra attributes (StopIteration.value,
// SystemExit.code, OSError.errno) derive them from `args` on access instead
// of having layouts of their own. That keeps a single construct/dealloc
// path at the cost of a name comparison when those attributes are read.
#include "runtime/exceptions.h"

#include <fmt/core.h>

#include <cstdio>
#include <string_view>
#include <unordered_map>

#include "compiler/code.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "runtime/unicode.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

inline bool name_is(Str* name, Str* interned) {
  return name == interned || (!name->interned && str_equal(name, interned));
}

inline Value args_item(ExceptionObject* e, int64_t i) {
  return e->args && e->args->size > i ? e->args->items[i] : Value::null();
}
inline int64_t args_size(ExceptionObject* e) { return e->args ? e->args->size : 0; }

void exc_dealloc(Object* self) {
  ExceptionObject* e = static_cast<ExceptionObject*>(self);
  if (e->args) decref(e->args);
  decref(e->cause);
  decref(e->context);
  if (e->dict) decref(e->dict);
  if (e->traceback) {
    for (const TracebackEntry& entry : *e->traceback) decref(entry.code);
    delete e->traceback;
  }
}

Value exc_repr(ThreadState& ts, Value self) {
  ExceptionObject* e = as_exception(self);
  std::string_view name = type_name(ts, self);
  std::string inner;
  if (args_size(e) == 1) {
    if (!repr_utf8(ts, args_item(e, 0), &inner)) return Value::null();
  } else if (args_size(e) > 1) {
    if (!repr_utf8(ts, Value::from_object(e->args), &inner)) return Value::null();
    return str_new(ts, fmt::format("{}{}", name, inner));
  }
  return str_new(ts, fmt::format("{}({})", name, inner));
}

// str() of a UnicodeDecodeError/EncodeError made from its five fields, read
// as attributes so that a handler's assignment (e.g. exc.end = 3) shows.
Value unicode_error_str(ThreadState& ts, Value self, bool decode) {
  Ref enc = Ref::steal(get_attr(ts, self, str_intern(ts, "encoding")));
  Ref obj = enc ? Ref::steal(get_attr(ts, self, str_intern(ts, "object"))) : Ref();
  Ref start = obj ? Ref::steal(get_attr(ts, self, str_intern(ts, "start"))) : Ref();
  Ref end = start ? Ref::steal(get_attr(ts, self, str_intern(ts, "end"))) : Ref();
  Ref reason = end ? Ref::steal(get_attr(ts, self, str_intern(ts, "reason"))) : Ref();
  if (!reason) return Value::null();
  std::string e, r;
  if (!str_utf8(ts, enc.get(), &e) || !str_utf8(ts, reason.get(), &r)) return Value::null();
  int64_t a = 0, b = 0;
  if (!to_index(ts, start.get(), &a) || !to_index(ts, end.get(), &b)) return Value::null();
  if (decode) {
    std::string_view data;
    if (b == a + 1 && bytes_like_view(obj.get(), &data) && a >= 0 && a < static_cast<int64_t>(data.size()))
      return str_new(ts, fmt::format("'{}' codec can't decode byte 0x{:02x} in position {}: {}", e,
                                     static_cast<unsigned char>(data[static_cast<size_t>(a)]), a, r));
    return str_new(ts, fmt::format("'{}' codec can't decode bytes in position {}-{}: {}", e, a, b - 1, r));
  }
  if (b == a + 1 && is_str_like(obj.get()) && a >= 0 && a < as_str(obj.get())->length) {
    Str* text = as_str(obj.get());
    const char* p = text->data + str_byte_offset(text, a);
    uint32_t cp = unicode::decode_advance(p);
    std::string ch = cp <= 0xff     ? fmt::format("\\x{:02x}", cp)
                     : cp <= 0xffff ? fmt::format("\\u{:04x}", cp)
                                    : fmt::format("\\U{:08x}", cp);
    return str_new(ts, fmt::format("'{}' codec can't encode character '{}' in position {}: {}", e, ch, a, r));
  }
  return str_new(ts, fmt::format("'{}' codec can't encode characters in position {}-{}: {}", e, a, b - 1, r));
}

Value exc_str(ThreadState& ts, Value self) {
  ExceptionObject* e = as_exception(self);
  const ExceptionTypes& x = ts.exc_types();
  Type* t = type_of(ts, self);
  int64_t n = args_size(e);
  if (n == 0) return ts.interp->empty_str ? newref(ts.interp->empty_str) : str_new(ts, "");
  if (n == 1) {
    // KeyError shows the key as a repr, so that KeyError('') is visible.
    if (is_subtype(t, x.KeyError)) return repr(ts, args_item(e, 0));
    return to_str(ts, args_item(e, 0));
  }
  if (n == 5 && (is_subtype(t, x.UnicodeDecodeError) || is_subtype(t, x.UnicodeEncodeError)))
    return unicode_error_str(ts, self, is_subtype(t, x.UnicodeDecodeError));
  if (is_subtype(t, x.OSError) && (n == 2 || n == 3)) {
    std::string no, msg;
    if (!str_utf8(ts, args_item(e, 0), &no) || !str_utf8(ts, args_item(e, 1), &msg))
      return Value::null();
    if (n == 2) return str_new(ts, fmt::format("[Errno {}] {}", no, msg));
    std::string file;
    if (!repr_utf8(ts, args_item(e, 2), &file)) return Value::null();
    return str_new(ts, fmt::format("[Errno {}] {}: {}", no, msg, file));
  }
  return to_str(ts, Value::from_object(e->args));
}

// Attributes derived from args, by class.
Value exc_derived_attr(ThreadState& ts, ExceptionObject* e, Type* t, std::string_view s) {
  const ExceptionTypes& x = ts.exc_types();
  auto or_none = [&](Value v) { return newref(v ? v : ts.none()); };
  if (s == "value" && is_subtype(t, x.StopIteration)) return or_none(args_item(e, 0));
  if (s == "code" && is_subtype(t, x.SystemExit)) {
    if (args_size(e) <= 1) return or_none(args_item(e, 0));
    return newref(Value::from_object(e->args));
  }
  if (is_subtype(t, x.OSError)) {
    bool two = args_size(e) >= 2;
    if (s == "errno") return or_none(two ? args_item(e, 0) : Value::null());
    if (s == "strerror") return or_none(two ? args_item(e, 1) : Value::null());
    if (s == "filename") return or_none(two ? args_item(e, 2) : Value::null());
  }
  if (is_subtype(t, x.UnicodeError)) {
    // UnicodeDecodeError/EncodeError(encoding, object, start, end, reason);
    // UnicodeTranslateError(object, start, end, reason).
    static constexpr std::string_view kFields[] = {"encoding", "object", "start", "end", "reason"};
    bool translate = is_subtype(t, x.UnicodeTranslateError);
    int64_t want = translate ? 4 : 5;
    for (int64_t i = translate ? 1 : 0; i < 5; ++i) {
      if (s != kFields[i]) continue;
      if (args_size(e) != want) return newref(ts.none());
      return newref(args_item(e, translate ? i - 1 : i));
    }
  }
  if (is_subtype(t, x.ImportError) && (s == "name" || s == "path")) return newref(ts.none());
  if (is_subtype(t, x.ImportError) && s == "msg") return or_none(args_item(e, 0));
  return Value::null();
}

Value exc_getattr(ThreadState& ts, Value self, Str* name) {
  ExceptionObject* e = as_exception(self);
  const Names& n = ts.names();
  if (name_is(name, n.args)) return newref(Value::from_object(e->args));
  if (name->nbytes > 4 && name->data[0] == '_' && name->data[1] == '_') {
    if (name_is(name, n.__cause__)) return newref(e->cause ? e->cause : ts.none());
    if (name_is(name, n.__context__)) return newref(e->context ? e->context : ts.none());
    if (name_is(name, n.__suppress_context__)) return newref(ts.bool_value(e->suppress_context));
    if (name_is(name, n.__traceback__)) return newref(ts.none());
  }
  // An explicitly assigned attribute (e.value = 5) wins over the derived one.
  if (e->dict) {
    if (Value v = dict_get_str(e->dict, name)) return newref(v);
  }
  if (Value v = exc_derived_attr(ts, e, type_of(ts, self), name->view())) return v;
  return generic_getattr(ts, self, name);
}

int exc_setattr(ThreadState& ts, Value self, Str* name, Value value) {
  ExceptionObject* e = as_exception(self);
  const Names& n = ts.names();
  const ExceptionTypes& x = ts.exc_types();
  if (name_is(name, n.args)) {
    if (!value) {
      raise(ts, x.TypeError, "args may not be deleted");
      return -1;
    }
    Value t = tuple_from_iterable(ts, value);
    if (!t) return -1;
    if (e->args) decref(e->args);
    e->args = as_tuple(t);
    return 0;
  }
  bool is_cause = name_is(name, n.__cause__);
  if (is_cause || name_is(name, n.__context__)) {
    if (!value) {
      raisef(ts, x.TypeError, "{} may not be deleted", is_cause ? "__cause__" : "__context__");
      return -1;
    }
    bool none = value.is(ts.none());
    if (!none && !is_exception(value)) {
      raisef(ts, x.TypeError, "exception {} must be None or derive from BaseException",
             is_cause ? "cause" : "context");
      return -1;
    }
    Value& field = is_cause ? e->cause : e->context;
    Value old = field;
    field = none ? Value::null() : newref(value);
    if (!none && !is_cause) as_exception(value)->ever_context = true;
    decref(old);
    if (is_cause) e->suppress_context = true;
    return 0;
  }
  if (name_is(name, n.__suppress_context__)) {
    int t = value ? truthy(ts, value) : 0;
    if (t < 0) return -1;
    e->suppress_context = t;
    return 0;
  }
  if (name_is(name, n.__traceback__)) {
    if (value && value.is(ts.none()) && e->traceback) {
      for (const TracebackEntry& entry : *e->traceback) decref(entry.code);
      e->traceback->clear();
    }
    return 0;
  }
  return generic_setattr(ts, self, name, value);
}

Value exc_init_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) {
    std::string_view tn = type_name(ts, args[0]);
    return raisef(ts, ts.exc_types().TypeError, "{}() takes no keyword arguments", tn);
  }
  if (nargs < 1 || !is_exception(args[0]))
    return raise(ts, ts.exc_types().TypeError, "descriptor '__init__' requires a 'BaseException' object");
  ExceptionObject* e = as_exception(args[0]);
  Value t = tuple_from_array(ts, args + 1, static_cast<int64_t>(nargs - 1));
  if (!t) return t;
  if (e->args) decref(e->args);
  e->args = as_tuple(t);
  return newref(ts.none());
}

bool is_exc_init(Value init) {
  return has_tag(init, Tag::Builtin) && static_cast<Builtin*>(init.as_object())->fn == exc_init_method;
}

Value exc_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size : 0;
  Value init = type->is_builtin ? Value::null() : type_lookup(type, ts.names().__init__);
  bool custom_init = init && !is_exc_init(init);
  if (nkw && !custom_init)
    return raisef(ts, ts.exc_types().TypeError, "{}() takes no keyword arguments", type->name->view());
  // As BaseException.__new__ does, args holds every positional argument
  // even when a custom __init__ never calls the base __init__.
  Value self = exception_new(ts, type, args, nargs);
  if (!self || !custom_init) return self;
  std::vector<Value> argv(nargs + nkw + 1);
  argv[0] = self;
  for (size_t i = 0; i < nargs + nkw; i++) argv[i + 1] = args[i];
  Value r = call(ts, init, argv.data(), nargs + 1, kwnames);
  if (!r) {
    decref(self);
    return r;
  }
  bool ok = r.is(ts.none());
  std::string tn(type_name(ts, r));
  decref(r);
  if (!ok) {
    decref(self);
    return raisef(ts, ts.exc_types().TypeError, "__init__() should return None, not '{}'", tn);
  }
  return self;
}

Value exc_with_traceback(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raise(ts, ts.exc_types().TypeError, "with_traceback() takes exactly one argument");
  return newref(args[0]);
}

Value exc_add_note(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raise(ts, ts.exc_types().TypeError, "add_note() takes exactly one argument");
  if (!is_str_like(args[1])) {
    std::string_view tn = type_name(ts, args[1]);
    return raisef(ts, ts.exc_types().TypeError, "note must be a str, not '{}'", tn);
  }
  ExceptionObject* e = as_exception(args[0]);
  if (!e->dict) {
    Value d = dict_new(ts);
    if (!d) return d;
    e->dict = as_dict(d);
  }
  Str* key = str_intern(ts, "__notes__");
  Value notes = dict_get_str(e->dict, key);
  if (!notes) {
    Value l = list_new(ts, 0);
    if (!l) return l;
    bool ok = dict_set(ts, e->dict, Value::from_object(key), l);
    decref(l);
    if (!ok) return Value::null();
    notes = l;
  }
  if (!is_list(notes)) return raise(ts, ts.exc_types().TypeError, "Cannot add note: __notes__ is not a list");
  if (!list_append(ts, as_list(notes), args[1])) return Value::null();
  return newref(ts.none());
}

Value exc_str_method(ThreadState& ts, const Value* args, size_t, Tuple*) { return exc_str(ts, args[0]); }
Value exc_repr_method(ThreadState& ts, const Value* args, size_t, Tuple*) { return exc_repr(ts, args[0]); }

// Implicit chaining: the exception being handled becomes the new one's
// __context__. A chain that already leads back to `exc` is cut first, as
// CPython does, so printing never loops.
void attach_context(ThreadState& ts, Value exc) {
  if (ts.handled.empty() || !is_exception(exc)) return;
  Value ctx = ts.handled.back();
  if (!ctx || ctx.is(exc) || !is_exception(ctx)) return;
  Value o = ctx;
  for (int guard = 0; as_exception(exc)->ever_context && guard < 10000; guard++) {
    ExceptionObject* oe = as_exception(o);
    if (!oe->context) break;
    if (oe->context.is(exc)) {
      decref(oe->context);
      oe->context = Value::null();
      break;
    }
    o = oe->context;
  }
  ExceptionObject* e = as_exception(exc);
  Value old = e->context;
  e->context = newref(ctx);
  as_exception(ctx)->ever_context = true;
  decref(old);
}

bool seen_before(const std::vector<Value>& seen, Value v) {
  for (Value s : seen)
    if (s.is(v)) return true;
  return false;
}

void format_traceback(const ExceptionObject* e, std::string& out) {
  if (!e->traceback || e->traceback->empty()) return;
  out += "Traceback (most recent call last):\n";
  // Recursion produces thousands of identical entries: show three, then
  // count the rest, as CPython does.
  constexpr int kRepeatCutoff = 3;
  const Code* last_code = nullptr;
  int last_line = -1;
  int repeats = 0;
  auto flush_repeats = [&] {
    if (repeats > kRepeatCutoff) {
      int more = repeats - kRepeatCutoff;
      out += fmt::format("  [Previous line repeated {} more time{}]\n", more, more > 1 ? "s" : "");
    }
  };
  for (auto it = e->traceback->rbegin(); it != e->traceback->rend(); ++it) {
    const Code* code = it->code;
    if (code == last_code && it->line == last_line) {
      repeats++;
    } else {
      flush_repeats();
      last_code = code;
      last_line = it->line;
      repeats = 1;
    }
    if (repeats > kRepeatCutoff) continue;
    std::string_view file = code && code->filename ? code->filename->view() : "<unknown>";
    std::string_view name = code && code->name ? code->name->view() : "<module>";
    out += fmt::format("  File \"{}\", line {}, in {}\n", file, it->line, name);
    if (code) {
      std::string src = code_source_line(code, it->line);
      if (!src.empty()) out += fmt::format("    {}\n", src);
    }
  }
  flush_repeats();
}

void format_chain(ThreadState& ts, Value exc, std::vector<Value>& seen, std::string& out) {
  seen.push_back(exc);
  ExceptionObject* e = as_exception(exc);
  if (e->cause && is_exception(e->cause) && !seen_before(seen, e->cause)) {
    format_chain(ts, e->cause, seen, out);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (!e->suppress_context && e->context && is_exception(e->context) &&
             !seen_before(seen, e->context)) {
    format_chain(ts, e->context, seen, out);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  format_traceback(e, out);
  out += type_qualified_name(ts, type_of(ts, exc), /*hide_main=*/true);
  std::string msg = exception_message(ts, exc);
  if (!msg.empty()) {
    out += ": ";
    out += msg;
  }
  out += '\n';
  if (e->dict) {
    Value notes = dict_get_str(e->dict, str_intern(ts, "__notes__"));
    if (notes && is_list(notes)) {
      List* l = as_list(notes);
      for (int64_t i = 0; i < l->size; i++) {
        std::string note;
        if (!str_utf8(ts, l->items[i], &note)) {
          ts.clear_error();
          note = "<note str() failed>";
        }
        out += note;
        out += '\n';
      }
    }
  }
}

}  // namespace

Value exception_new(ThreadState& ts, Type* type, const Value* args, size_t nargs) {
  Value t = tuple_from_array(ts, args, static_cast<int64_t>(nargs));
  if (!t) return t;
  ExceptionObject* e = alloc<ExceptionObject>(ts, type, Tag::Exception);
  e->args = as_tuple(t);
  return Value::from_object(e);
}

Value raise(ThreadState& ts, Type* type, std::string message) {
  Value exc;
  if (message.empty()) {
    exc = exception_new(ts, type, nullptr, 0);
  } else {
    Value msg = str_new(ts, message);
    if (!msg) return msg;
    exc = exception_new(ts, type, &msg, 1);
    decref(msg);
  }
  if (!exc) return exc;
  attach_context(ts, exc);
  ts.set_error(exc);
  return Value::null();
}

Value unicode_error_new(ThreadState& ts, Type* type, std::string_view encoding, Value object,
                        int64_t start, int64_t end, std::string_view reason) {
  Ref enc = Ref::steal(str_new(ts, encoding));
  Ref a = enc ? Ref::steal(int_from_i64(ts, start)) : Ref();
  Ref b = a ? Ref::steal(int_from_i64(ts, end)) : Ref();
  Ref why = b ? Ref::steal(str_new(ts, reason)) : Ref();
  if (!why) return Value::null();
  Value args[] = {enc.get(), object, a.get(), b.get(), why.get()};
  return exception_new(ts, type, args, 5);
}

namespace {

Value raise_unicode_error(ThreadState& ts, Type* type, std::string_view encoding, Value object,
                          int64_t start, int64_t end, std::string_view reason) {
  Value exc = unicode_error_new(ts, type, encoding, object, start, end, reason);
  if (!exc) return exc;
  attach_context(ts, exc);
  ts.set_error(exc);
  return Value::null();
}

}  // namespace

Value raise_unicode_decode_error(ThreadState& ts, std::string_view encoding, std::string_view data,
                                 int64_t start, int64_t end, std::string_view reason) {
  Ref object = Ref::steal(bytes_new(ts, data));
  if (!object) return Value::null();
  return raise_unicode_error(ts, ts.exc_types().UnicodeDecodeError, encoding, object.get(), start, end,
                             reason);
}

Value raise_unicode_encode_error(ThreadState& ts, std::string_view encoding, Value text, int64_t start,
                                 int64_t end, std::string_view reason) {
  return raise_unicode_error(ts, ts.exc_types().UnicodeEncodeError, encoding, text, start, end, reason);
}

Value raise_value(ThreadState& ts, Value exc) {
  Value inst;
  if (has_layout(exc, Tag::Type) && static_cast<Type*>(exc.as_object())->is_exception) {
    inst = call(ts, exc, nullptr, 0);
    if (!inst) return inst;
    if (!is_exception(inst)) {
      std::string tn(type_name(ts, inst));
      decref(inst);
      return raisef(ts, ts.exc_types().TypeError,
                    "calling {} should have returned an instance of BaseException, not {}",
                    static_cast<Type*>(exc.as_object())->name->view(), tn);
    }
  } else if (is_exception(exc)) {
    inst = newref(exc);
  } else {
    return raise(ts, ts.exc_types().TypeError, "exceptions must derive from BaseException");
  }
  attach_context(ts, inst);
  ts.set_error(inst);
  return Value::null();
}

std::string exception_message(ThreadState& ts, Value exc) {
  std::string out;
  // The pending exception (if any) must survive str() of another one.
  Value pending = ts.fetch_error();
  if (!str_utf8(ts, exc, &out)) {
    ts.clear_error();
    out = "<exception str() failed>";
  }
  ts.set_error(pending);
  return out;
}

int exception_matches(ThreadState& ts, Value exc, Value match) {
  if (has_layout(match, Tag::Type)) {
    Type* mt = static_cast<Type*>(match.as_object());
    if (mt->is_exception) return is_subtype(type_of(ts, exc), mt);
  } else if (is_tuple(match)) {
    Tuple* t = as_tuple(match);
    for (int64_t i = 0; i < t->size; i++) {
      int r = exception_matches(ts, exc, t->items[i]);
      if (r != 0) return r;
    }
    return 0;
  }
  raise(ts, ts.exc_types().TypeError,
        "catching classes that do not inherit from BaseException is not allowed");
  return -1;
}

void exception_add_traceback(ThreadState&, Value exc, Code* code, int line) {
  if (!is_exception(exc)) return;
  ExceptionObject* e = as_exception(exc);
  if (!e->traceback) e->traceback = new std::vector<TracebackEntry>();
  if (code) incref(code);
  e->traceback->push_back({code, line});
}

std::string format_exception(ThreadState& ts, Value exc) {
  std::string out;
  if (is_exception(exc)) {
    std::vector<Value> seen;
    format_chain(ts, exc, seen, out);
  } else {
    std::string r;
    if (!repr_utf8(ts, exc, &r)) {
      ts.clear_error();
      r = "<unprintable object>";
    }
    out = "TypeError: exceptions must derive from BaseException (got " + r + ")\n";
  }
  return out;
}

void print_exception(ThreadState& ts, Value exc) {
  std::fflush(stdout);
  std::string out = format_exception(ts, exc);
  std::fwrite(out.data(), 1, out.size(), stderr);
  std::fflush(stderr);
}

void init_exception_types(ThreadState& ts) {
  ExceptionTypes& x = ts.interp->exc;
  std::unordered_map<std::string_view, Type*> made;
  auto make = [&](const char* name, const char* base_name) {
    auto it = made.find(base_name);
    Type* base = it == made.end() ? nullptr : it->second;
    Type* t = new_builtin_type(ts, name, base, Tag::Exception, sizeof(ExceptionObject));
    t->is_exception = true;
    t->instances_have_dict = true;
    if (!base) {
      TypeSlots& s = t->slots;
      s.dealloc = exc_dealloc;
      s.repr = exc_repr;
      s.str = exc_str;
      s.getattr = exc_getattr;
      s.setattr = exc_setattr;
      s.construct = exc_construct;
      add_method(ts, t, "__init__", exc_init_method);
      add_method(ts, t, "__str__", exc_str_method);
      add_method(ts, t, "__repr__", exc_repr_method);
      add_method(ts, t, "with_traceback", exc_with_traceback);
      add_method(ts, t, "add_note", exc_add_note);
    }
    made[name] = t;
    return t;
  };
#define GILVM_MAKE_EXC(name, base) x.name = make(#name, #base);
  GILVM_EXCEPTION_TYPES(GILVM_MAKE_EXC)
#undef GILVM_MAKE_EXC
}

}  // namespace gilvm
