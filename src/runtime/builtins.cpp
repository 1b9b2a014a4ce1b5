// The builtins module: the functions every program reaches without an
// import, plus the names of the built-in types and exceptions.
//
// Most functions are thin wrappers over the generic operations in ops.h;
// the trade-off is a handful of fast paths for what benchmarks hammer
// (print of str/int/float straight into the stdio buffer, len of the core
// containers, sum of small ints without allocating, min/max comparing small
// ints and floats directly) in exchange for a little duplicated dispatch.
// Each fast path tests the exact type tag, so user subclasses always take
// the generic path and their overrides run.
#include "runtime/builtins.h"

#include "gil/blocking_io.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>

#include <fmt/core.h>
#include <gmp.h>

#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/fileio.h"
#include "runtime/float.h"
#include "runtime/format.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/memoryview.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/generator.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

// ------------------------------------------------------------ arg checks

static size_t kw_count(Tuple* kwnames) { return kwnames ? static_cast<size_t>(kwnames->size) : 0; }
static std::string_view kw_name(Tuple* kwnames, size_t i) { return as_str(kwnames->items[i])->view(); }

static bool reject_keywords(ThreadState& ts, const char* name, Tuple* kwnames) {
  if (kw_count(kwnames) == 0) return true;
  raisef(ts, ts.exc_types().TypeError, "{}() takes no keyword arguments", name);
  return false;
}

bool check_one_arg(ThreadState& ts, const char* name, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords(ts, name, kwnames)) return false;
  if (nargs == 1) return true;
  raisef(ts, ts.exc_types().TypeError, "{}() takes exactly one argument ({} given)", name, nargs);
  return false;
}

bool check_no_args(ThreadState& ts, const char* name, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords(ts, name, kwnames)) return false;
  if (nargs == 0) return true;
  raisef(ts, ts.exc_types().TypeError, "{}() takes no arguments ({} given)", name, nargs);
  return false;
}

bool check_arg_range(ThreadState& ts, const char* name, size_t nargs, Tuple* kwnames,
                     size_t min_args, size_t max_args) {
  if (!reject_keywords(ts, name, kwnames)) return false;
  if (nargs >= min_args && nargs <= max_args) return true;
  Type* te = ts.exc_types().TypeError;
  if (min_args == max_args) {
    raisef(ts, te, "{} expected {} argument{}, got {}", name, min_args, min_args == 1 ? "" : "s", nargs);
  } else if (nargs < min_args) {
    raisef(ts, te, "{} expected at least {} argument{}, got {}", name, min_args,
           min_args == 1 ? "" : "s", nargs);
  } else {
    raisef(ts, te, "{} expected at most {} argument{}, got {}", name, max_args,
           max_args == 1 ? "" : "s", nargs);
  }
  return false;
}

// ------------------------------------------------------------ helpers

// Calls fn(item) for every item of `iterable`; fn returns 1 to go on, 0 to
// stop early, -1 on error. Lists and tuples are walked in place (the list
// is re-measured every step, as its iterator would); returns false on error.
template <typename F>
static bool for_each_item(ThreadState& ts, Value iterable, F&& fn) {
  if (is_list(iterable)) {
    List* l = as_list(iterable);
    for (int64_t i = 0; i < l->size; i++) {
      Ref item = Ref::borrow(l->items[i]);
      int r = fn(item.get());
      if (r <= 0) return r == 0;
    }
    return true;
  }
  if (is_tuple(iterable)) {
    Tuple* t = as_tuple(iterable);
    for (int64_t i = 0; i < t->size; i++) {
      int r = fn(t->items[i]);
      if (r <= 0) return r == 0;
    }
    return true;
  }
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return false;
  for (;;) {
    Ref item = Ref::steal(iter_next(ts, it.get()));
    if (!item) return !ts.has_error();
    int r = fn(item.get());
    if (r <= 0) return r == 0;
  }
}

static Value special_method(ThreadState& ts, Value v, std::string_view name) {
  return type_lookup(type_of(ts, v), str_intern(ts, name));
}

// An exact int (small or BigInt) equal to the int-like `v` (bool, int subclass).
static Value exact_int(ThreadState& ts, Value v) {
  if (is_int(v)) return newref(v);
  if (v.is(ts.interp->true_)) return Value::from_small(1);
  if (v.is(ts.interp->false_)) return Value::from_small(0);
  mpz_t z;
  mpz_init(z);
  int_to_mpz(v, z);
  Value r = int_from_mpz(ts, z);
  mpz_clear(z);
  return r;
}

// Converts an int-like value or an object with __index__ to an exact int.
static Value index_value(ThreadState& ts, Value v) {
  if (is_int_like(v)) return exact_int(ts, v);
  if (special_method(ts, v, "__index__")) {
    Ref r = Ref::steal(call_method(ts, v, "__index__", nullptr, 0));
    if (!r) return Value::null();
    if (!is_int_like(r.get())) {
      return raisef(ts, ts.exc_types().TypeError, "__index__ returned non-int (type {})",
                    type_name(ts, r.get()));
    }
    return exact_int(ts, r.get());
  }
  return raisef(ts, ts.exc_types().TypeError, "'{}' object cannot be interpreted as an integer",
                type_name(ts, v));
}

static bool write_to_file_object(ThreadState& ts, Value file, Value text) {
  Ref r = Ref::steal(call_method(ts, file, "write", &text, 1));
  return static_cast<bool>(r);
}

static bool flush_file_object(ThreadState& ts, Value file) {
  if (FILE* f = textio_file(file)) {
    blocking_fflush(ts, f);
    return true;
  }
  Ref r = Ref::steal(call_method(ts, file, "flush", nullptr, 0));
  return static_cast<bool>(r);
}

// ------------------------------------------------------------ print / input

static Value builtin_print(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value sep, end, file, flush;
  for (size_t i = 0; i < kw_count(kwnames); i++) {
    std::string_view k = kw_name(kwnames, i);
    Value v = args[nargs + i];
    if (k == "sep") sep = v;
    else if (k == "end") end = v;
    else if (k == "file") file = v;
    else if (k == "flush") flush = v;
    else return raisef(ts, ts.exc_types().TypeError, "'{}' is an invalid keyword argument for print()", k);
  }
  Value none = ts.none();
  if (sep.is(none)) sep = Value::null();
  if (end.is(none)) end = Value::null();
  if (file.is(none)) file = Value::null();
  if (sep && !is_str_like(sep))
    return raisef(ts, ts.exc_types().TypeError, "sep must be None or a string, not {}", type_name(ts, sep));
  if (end && !is_str_like(end))
    return raisef(ts, ts.exc_types().TypeError, "end must be None or a string, not {}", type_name(ts, end));
  if (!file) {
    file = sys_attr(ts, "stdout");
    if (!file) return raise(ts, ts.exc_types().RuntimeError, "lost sys.stdout");
    if (file.is(none)) return newref(none);
  }
  bool do_flush = false;
  if (flush) {
    int t = truthy(ts, flush);
    if (t < 0) return Value::null();
    do_flush = t;
  }

  if (FILE* f = textio_file(file)) {
    // Fast path: format into one buffer and hand it to stdio in one call.
    // The buffer is written out before any user __str__ runs, so output
    // printed from inside __str__ lands where CPython would put it.
    std::string buf;
    auto drain = [&] {
      bool ok = buf.empty() || stream_write(ts, f, buf.data(), buf.size());
      buf.clear();
      return ok;
    };
    for (size_t i = 0; i < nargs; i++) {
      if (i > 0) {
        if (sep) buf += as_str(sep)->view();
        else buf += ' ';
      }
      Value v = args[i];
      if (is_str(v)) {
        buf += as_str(v)->view();
      } else if (v.is_small()) {
        fmt::format_to(std::back_inserter(buf), "{}", v.as_small());
      } else if (is_float(v)) {
        buf += float_repr(float_value(v));
      } else {
        if (!drain()) return Value::null();
        Ref s = Ref::steal(to_str(ts, v));
        if (!s) return Value::null();
        buf += as_str(s.get())->view();
      }
    }
    if (end) buf += as_str(end)->view();
    else buf += '\n';
    if (!drain()) return Value::null();
    if (do_flush && blocking_fflush(ts, f) != 0) {
      int err = errno ? errno : EIO;
      std::clearerr(f);
      return raise_os_error(ts, err);
    }
    return newref(none);
  }

  Value space = Value::from_object(str_intern(ts, " "));
  Value newline = Value::from_object(str_intern(ts, "\n"));
  for (size_t i = 0; i < nargs; i++) {
    if (i > 0 && !write_to_file_object(ts, file, sep ? sep : space)) return Value::null();
    Ref s = Ref::steal(to_str(ts, args[i]));
    if (!s || !write_to_file_object(ts, file, s.get())) return Value::null();
  }
  if (!write_to_file_object(ts, file, end ? end : newline)) return Value::null();
  if (do_flush && !flush_file_object(ts, file)) return Value::null();
  return newref(none);
}

static Value builtin_input(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "input", nargs, kwnames, 0, 1)) return Value::null();
  Value in = sys_attr(ts, "stdin");
  Value out = sys_attr(ts, "stdout");
  Value err = sys_attr(ts, "stderr");
  if (!in || in.is(ts.none())) return raise(ts, ts.exc_types().RuntimeError, "input(): lost sys.stdin");
  if (!out || out.is(ts.none())) return raise(ts, ts.exc_types().RuntimeError, "input(): lost sys.stdout");
  if (err && !err.is(ts.none()) && !flush_file_object(ts, err)) return Value::null();
  if (nargs == 1) {
    Ref prompt = Ref::steal(to_str(ts, args[0]));
    if (!prompt) return Value::null();
    if (FILE* f = textio_file(out)) {
      std::string_view p = as_str(prompt.get())->view();
      blocking_fwrite(ts, f, p.data(), p.size());
    } else if (!write_to_file_object(ts, out, prompt.get())) {
      return Value::null();
    }
  }
  if (!flush_file_object(ts, out)) return Value::null();

  std::string line;
  if (FILE* f = textio_file(in, false)) {
    if (!textio_read_line(ts, f, &line)) return Value::null();
  } else {
    Ref r = Ref::steal(call_method(ts, in, "readline", nullptr, 0));
    if (!r) return Value::null();
    if (!is_str_like(r.get()))
      return raise(ts, ts.exc_types().TypeError, "object.readline() returned non-string");
    line = as_str(r.get())->view();
  }
  if (line.empty()) return raise(ts, ts.exc_types().EOFError, "EOF when reading a line");
  if (line.back() == '\n') line.pop_back();
  return str_new(ts, line);
}

// ------------------------------------------------------------ simple functions

static Value builtin_len(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 1 || kwnames) {
    if (!check_one_arg(ts, "len", nargs, kwnames)) return Value::null();
  }
  Value v = args[0];
  if (v.is_object()) {
    switch (static_cast<Tag>(v.as_object()->tag)) {
      case Tag::List: return Value::from_small(as_list(v)->size);
      case Tag::Tuple: return Value::from_small(as_tuple(v)->size);
      case Tag::Str: return Value::from_small(as_str(v)->length);
      case Tag::Dict: return Value::from_small(as_dict(v)->used);
      case Tag::Set:
      case Tag::FrozenSet: return Value::from_small(as_set(v)->used);
      case Tag::Bytes: return Value::from_small(as_bytes(v)->size);
      default: break;
    }
  }
  int64_t n = length(ts, v);
  if (n < 0) return Value::null();
  return int_from_i64(ts, n);
}

static Value builtin_repr(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "repr", nargs, kwnames)) return Value::null();
  return repr(ts, args[0]);
}

// Decodes one code point from valid UTF-8 at `p`, advancing it.
static uint32_t utf8_decode(const unsigned char*& p) {
  uint32_t c = *p++;
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  c &= 0x3F >> extra;
  while (extra-- > 0) c = (c << 6) | (*p++ & 0x3F);
  return c;
}

static Value builtin_ascii(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "ascii", nargs, kwnames)) return Value::null();
  Ref r = Ref::steal(repr(ts, args[0]));
  if (!r) return Value::null();
  Str* s = as_str(r.get());
  if (s->ascii) return r.release();
  std::string out;
  const auto* p = reinterpret_cast<const unsigned char*>(s->data);
  const auto* stop = p + s->nbytes;
  while (p < stop) {
    uint32_t c = utf8_decode(p);
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x100) out += fmt::format("\\x{:02x}", c);
    else if (c < 0x10000) out += fmt::format("\\u{:04x}", c);
    else out += fmt::format("\\U{:08x}", c);
  }
  return str_new(ts, out);
}

static Value builtin_abs(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "abs", nargs, kwnames)) return Value::null();
  Value v = args[0];
  if (v.is_small()) {
    int64_t i = v.as_small();
    return int_from_i64(ts, i < 0 ? -i : i);
  }
  if (is_float(v)) {
    double d = float_value(v);
    return float_new(ts, std::fabs(d));
  }
  if (has_tag(v, Tag::BigInt) || is_bool(v)) {
    if (int_sign(v) >= 0) return exact_int(ts, v);
    return unary_op(ts, UnaryOp::Neg, v);
  }
  if (special_method(ts, v, "__abs__")) return call_method(ts, v, "__abs__", nullptr, 0);
  if (is_int_like(v)) {
    Ref i = Ref::steal(exact_int(ts, v));
    if (!i) return Value::null();
    return int_sign(i.get()) >= 0 ? i.release() : unary_op(ts, UnaryOp::Neg, i.get());
  }
  if (has_layout(v, Tag::Float)) return float_new(ts, std::fabs(float_value(v)));
  return raisef(ts, ts.exc_types().TypeError, "bad operand type for abs(): '{}'", type_name(ts, v));
}

static Value builtin_callable(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "callable", nargs, kwnames)) return Value::null();
  return ts.bool_value(is_callable(ts, args[0]));
}

static Value builtin_id(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "id", nargs, kwnames)) return Value::null();
  // Small ints have no address; their tagged bits are stable, unique and,
  // being odd, never collide with an object's (aligned) address.
  return int_from_u64(ts, args[0].raw());
}

static Value builtin_hash(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "hash", nargs, kwnames)) return Value::null();
  int64_t h = args[0].is_small() ? int_hash(args[0]) : hash(ts, args[0]);
  if (h == -1 && ts.has_error()) return Value::null();
  return int_from_i64(ts, h);
}

static Value builtin_ord(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "ord", nargs, kwnames)) return Value::null();
  Value v = args[0];
  if (is_str_like(v)) {
    Str* s = as_str(v);
    if (s->length != 1)
      return raisef(ts, ts.exc_types().TypeError, "ord() expected a character, but string of length {} found",
                    s->length);
    const auto* p = reinterpret_cast<const unsigned char*>(s->data);
    return Value::from_small(utf8_decode(p));
  }
  if (has_layout(v, Tag::Bytes)) {
    Bytes* b = as_bytes(v);
    if (b->size != 1)
      return raisef(ts, ts.exc_types().TypeError, "ord() expected a character, but string of length {} found",
                    b->size);
    return Value::from_small(static_cast<unsigned char>(b->data[0]));
  }
  return raisef(ts, ts.exc_types().TypeError, "ord() expected string of length 1, but {} found",
                type_name(ts, v));
}

static Value builtin_chr(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "chr", nargs, kwnames)) return Value::null();
  Ref i = Ref::steal(index_value(ts, args[0]));
  if (!i) return Value::null();
  if (!i.get().is_small()) {
    return raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
  }
  int64_t c = i.get().as_small();
  if (c < 0 || c > 0x10FFFF) return raise(ts, ts.exc_types().ValueError, "chr() arg not in range(0x110000)");
  return str_from_codepoint(ts, static_cast<uint32_t>(c));
}

static Value int_with_prefix(ThreadState& ts, Value v, int base, const char* prefix) {
  Ref i = Ref::steal(index_value(ts, v));
  if (!i) return Value::null();
  std::string digits = int_to_string(i.get(), base);
  if (!digits.empty() && digits[0] == '-') return str_new(ts, "-" + (prefix + digits.substr(1)));
  return str_new(ts, prefix + digits);
}

static Value builtin_hex(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "hex", nargs, kwnames)) return Value::null();
  return int_with_prefix(ts, args[0], 16, "0x");
}
static Value builtin_oct(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "oct", nargs, kwnames)) return Value::null();
  return int_with_prefix(ts, args[0], 8, "0o");
}
static Value builtin_bin(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "bin", nargs, kwnames)) return Value::null();
  return int_with_prefix(ts, args[0], 2, "0b");
}

static Value builtin_format(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "format", nargs, kwnames, 1, 2)) return Value::null();
  std::string_view spec;
  if (nargs == 2) {
    if (!is_str_like(args[1]))
      return raisef(ts, ts.exc_types().TypeError, "format() argument 2 must be str, not {}",
                    type_name(ts, args[1]));
    spec = as_str(args[1])->view();
  }
  return format_value(ts, args[0], spec);
}

static Value builtin_any_all(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames,
                             const char* name, bool want) {
  if (!check_one_arg(ts, name, nargs, kwnames)) return Value::null();
  bool found = false;
  bool ok = for_each_item(ts, args[0], [&](Value item) {
    int t;
    if (item.is(ts.interp->true_)) t = 1;
    else if (item.is(ts.interp->false_)) t = 0;
    else if (item.is_small()) t = item.as_small() != 0;
    else if ((t = truthy(ts, item)) < 0) return -1;
    if (static_cast<bool>(t) == want) {
      found = true;
      return 0;
    }
    return 1;
  });
  if (!ok) return Value::null();
  // any: True iff an item was truthy; all: False iff an item was falsy.
  return ts.bool_value(want ? found : !found);
}
static Value builtin_any(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return builtin_any_all(ts, args, nargs, kwnames, "any", true);
}
static Value builtin_all(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return builtin_any_all(ts, args, nargs, kwnames, "all", false);
}

// ------------------------------------------------------------ iteration

// iter(callable, sentinel): `source` is the callable, extra[0] the sentinel;
// `index` becomes 1 once the sentinel has been seen.
static Value callable_iter_next(ThreadState& ts, NativeIter* it) {
  if (it->index) return Value::null();
  Value r = call(ts, it->source, nullptr, 0);
  if (!r) {
    if (is_instance(ts, ts.exc, ts.exc_types().StopIteration)) {
      ts.clear_error();
      it->index = 1;
    }
    return Value::null();
  }
  int eq = equal(ts, r, it->extra[0]);
  if (eq != 0) {
    decref(r);
    if (eq > 0) it->index = 1;
    return Value::null();
  }
  return r;
}

static Value builtin_iter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "iter", nargs, kwnames, 1, 2)) return Value::null();
  if (nargs == 1) return get_iter(ts, args[0]);
  if (!is_callable(ts, args[0])) return raise(ts, ts.exc_types().TypeError, "iter(v, w): v must be callable");
  Value it = native_iter_new(ts, "callable_iterator", callable_iter_next, args[0]);
  if (!it) return Value::null();
  static_cast<NativeIter*>(it.as_object())->extra[0] = newref(args[1]);
  return it;
}

static Value builtin_next(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "next", nargs, kwnames, 1, 2)) return Value::null();
  Value it = args[0];
  Type* t = type_of(ts, it);
  if (!t->slots.iternext && !type_lookup(t, ts.names().__next__))
    return raisef(ts, ts.exc_types().TypeError, "'{}' object is not an iterator", type_name(ts, it));
  Value returned_value = Value::null();
  Value v;
  if (is_generator(it)) {
    // A generator's return value travels in StopIteration.value.
    bool returned = false;
    v = generator_resume(ts, static_cast<Generator*>(it.as_object()), ts.none(), false, &returned);
    if (v && returned) {
      if (!v.is(ts.none())) returned_value = v;
      else decref(v);
      v = Value::null();
    }
  } else {
    v = iter_next(ts, it);
  }
  if (v || ts.has_error()) return v;
  Ref ret = Ref::steal(returned_value);
  if (nargs == 2) return newref(args[1]);
  Value exc = exception_new(ts, ts.exc_types().StopIteration, ret ? &returned_value : nullptr, ret ? 1 : 0);
  if (!exc) return Value::null();
  raise_value(ts, exc);
  decref(exc);
  return Value::null();
}

static Value builtin_sorted(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value key, reverse;
  for (size_t i = 0; i < kw_count(kwnames); i++) {
    std::string_view k = kw_name(kwnames, i);
    if (k == "key") key = args[nargs + i];
    else if (k == "reverse") reverse = args[nargs + i];
    else return raisef(ts, ts.exc_types().TypeError, "'{}' is an invalid keyword argument for sort()", k);
  }
  if (nargs != 1) return raisef(ts, ts.exc_types().TypeError, "sorted expected 1 argument, got {}", nargs);
  if (key.is(ts.none())) key = Value::null();
  bool rev = false;
  if (reverse) {
    int t = truthy(ts, reverse);
    if (t < 0) return Value::null();
    rev = t;
  }
  Ref l = Ref::steal(list_from_iterable(ts, args[0]));
  if (!l) return Value::null();
  if (!list_sort(ts, as_list(l.get()), key, rev)) return Value::null();
  return l.release();
}

// ------------------------------------------------------------ min / max / sum

// Fast comparison for the common element types; -2 means "not handled".
static int quick_compare(Value a, Value b, CompareOp op) {
  if (a.is_small() && b.is_small()) {
    int64_t x = a.as_small(), y = b.as_small();
    return op == CompareOp::Gt ? x > y : x < y;
  }
  if (is_float(a) && is_float(b)) {
    double x = float_value(a), y = float_value(b);
    return op == CompareOp::Gt ? x > y : x < y;
  }
  return -2;
}

static Value min_max(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, CompareOp op,
                     const char* name) {
  Value key, dflt;
  for (size_t i = 0; i < kw_count(kwnames); i++) {
    std::string_view k = kw_name(kwnames, i);
    if (k == "key") key = args[nargs + i];
    else if (k == "default") dflt = args[nargs + i];
    else return raisef(ts, ts.exc_types().TypeError, "'{}' is an invalid keyword argument for {}()", k, name);
  }
  if (nargs == 0) return raisef(ts, ts.exc_types().TypeError, "{} expected at least 1 argument, got 0", name);
  if (nargs > 1 && dflt) {
    return raisef(ts, ts.exc_types().TypeError,
                  "Cannot specify a default for {}() with multiple positional arguments", name);
  }
  if (key.is(ts.none())) key = Value::null();

  Ref best, best_key;
  auto visit = [&](Value item) -> int {
    if (!key) {
      if (!best) {
        best = Ref::borrow(item);
        return 1;
      }
      int r = quick_compare(item, best.get(), op);
      if (r == -2 && (r = compare_bool(ts, item, best.get(), op)) < 0) return -1;
      if (r) best = Ref::borrow(item);
      return 1;
    }
    Ref k = Ref::steal(call(ts, key, &item, 1));
    if (!k) return -1;
    if (!best) {
      best = Ref::borrow(item);
      best_key = std::move(k);
      return 1;
    }
    int r = quick_compare(k.get(), best_key.get(), op);
    if (r == -2 && (r = compare_bool(ts, k.get(), best_key.get(), op)) < 0) return -1;
    if (r) {
      best = Ref::borrow(item);
      best_key = std::move(k);
    }
    return 1;
  };
  if (nargs == 1) {
    if (!for_each_item(ts, args[0], visit)) return Value::null();
  } else {
    for (size_t i = 0; i < nargs; i++)
      if (visit(args[i]) < 0) return Value::null();
  }
  if (best) return best.release();
  if (dflt) return newref(dflt);
  return raisef(ts, ts.exc_types().ValueError, "{}() arg is an empty sequence", name);
}

static Value builtin_max(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return min_max(ts, args, nargs, kwnames, CompareOp::Gt, "max");
}
static Value builtin_min(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return min_max(ts, args, nargs, kwnames, CompareOp::Lt, "min");
}

// sum() runs in three modes, as CPython's does: an int64 accumulator while
// every item is a small int, a double while items are floats (or ints
// added to a float), and generic `+` once anything else shows up. CPython
// 3.11 adds floats plainly (compensated summation arrived in 3.12).
static Value builtin_sum(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value start;
  size_t nkw = kw_count(kwnames);
  if (nargs + nkw > 2)
    return raisef(ts, ts.exc_types().TypeError, "sum() takes at most 2 arguments ({} given)", nargs + nkw);
  for (size_t i = 0; i < nkw; i++) {
    std::string_view k = kw_name(kwnames, i);
    if (k != "start")
      return raisef(ts, ts.exc_types().TypeError, "'{}' is an invalid keyword argument for sum()", k);
    start = args[nargs + i];
  }
  if (nargs == 0)
    return raise(ts, ts.exc_types().TypeError, "sum() takes at least 1 positional argument (0 given)");
  if (nargs == 2) start = args[1];
  if (!start) start = Value::from_small(0);
  if (is_str_like(start))
    return raise(ts, ts.exc_types().TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (has_layout(start, Tag::Bytes))
    return raise(ts, ts.exc_types().TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  if (has_layout(start, Tag::ByteArray))
    return raise(ts, ts.exc_types().TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");

  enum class Mode { Int, Float, Generic } mode = Mode::Generic;
  int64_t iacc = 0;
  double facc = 0;
  Ref result;
  if (start.is_small()) {
    mode = Mode::Int;
    iacc = start.as_small();
  } else if (is_float(start)) {
    mode = Mode::Float;
    facc = float_value(start);
  } else {
    result = Ref::borrow(start);
  }
  Value true_ = ts.interp->true_, false_ = ts.interp->false_;

  auto add_generic = [&](Value item) -> int {
    Ref r = Ref::steal(binary_op(ts, BinaryOp::Add, result.get(), item));
    if (!r) return -1;
    result = std::move(r);
    return 1;
  };
  bool ok = for_each_item(ts, args[0], [&](Value item) -> int {
    switch (mode) {
      case Mode::Int: {
        int64_t x;
        if (item.is_small()) x = item.as_small();
        else if (item.is(true_)) x = 1;
        else if (item.is(false_)) x = 0;
        else goto leave_int;
        int64_t sum;
        if (__builtin_add_overflow(iacc, x, &sum)) goto leave_int;  // the generic path takes over
        iacc = sum;
        return 1;
      leave_int:
        result = Ref::steal(int_from_i64(ts, iacc));
        if (!result) return -1;
        if (add_generic(item) < 0) return -1;
        if (is_float(result.get())) {
          mode = Mode::Float;
          facc = float_value(result.get());
        } else {
          mode = Mode::Generic;
        }
        return 1;
      }
      case Mode::Float:
        if (is_float(item)) {
          facc += float_value(item);
          return 1;
        }
        if (item.is_small()) {
          facc += static_cast<double>(item.as_small());
          return 1;
        }
        result = Ref::steal(float_new(ts, facc));
        if (!result) return -1;
        mode = Mode::Generic;
        return add_generic(item);
      case Mode::Generic:
        return add_generic(item);
    }
    return 1;
  });
  if (!ok) return Value::null();
  switch (mode) {
    case Mode::Int: return int_from_i64(ts, iacc);
    case Mode::Float: return float_new(ts, facc);
    case Mode::Generic: break;
  }
  return result.release();
}

// ------------------------------------------------------------ numbers

static Value builtin_round(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value out[2];
  if (!parse_args(ts, "round", args, nargs, kwnames, {"number", "ndigits"}, 1, -1, out)) return Value::null();
  Value x = out[0], nd = out[1];
  if (x.is_small() || has_tag(x, Tag::BigInt) || is_bool(x)) return int_round(ts, x, nd);
  if (is_float(x)) return float_round(ts, float_value(x), nd);
  if (special_method(ts, x, "__round__")) {
    if (nd) return call_method(ts, x, "__round__", &nd, 1);
    return call_method(ts, x, "__round__", nullptr, 0);
  }
  return raisef(ts, ts.exc_types().TypeError, "type {} doesn't define __round__ method", type_name(ts, x));
}

static bool is_exact_number(Value v) {
  return v.is_small() || is_float(v) || has_tag(v, Tag::BigInt) || is_bool(v);
}

static Value builtin_divmod(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "divmod", nargs, kwnames, 2, 2)) return Value::null();
  Value a = args[0], b = args[1];
  if (!is_exact_number(a) || !is_exact_number(b)) {
    // User types (and subclasses) get their __divmod__/__rdivmod__ first.
    if (special_method(ts, a, "__divmod__")) {
      Ref r = Ref::steal(call_method(ts, a, "__divmod__", &b, 1));
      if (!r || !r.get().is(ts.interp->not_implemented)) return r.release();
    }
    if (type_of(ts, a) != type_of(ts, b) && special_method(ts, b, "__rdivmod__")) {
      Ref r = Ref::steal(call_method(ts, b, "__rdivmod__", &a, 1));
      if (!r || !r.get().is(ts.interp->not_implemented)) return r.release();
    }
  }
  bool a_int = is_int_like(a), b_int = is_int_like(b);
  if (a_int && b_int) return int_divmod(ts, a, b);
  bool a_num = a_int || has_layout(a, Tag::Float), b_num = b_int || has_layout(b, Tag::Float);
  if (a_num && b_num) return float_divmod(ts, a, b);
  return raisef(ts, ts.exc_types().TypeError, "unsupported operand type(s) for divmod(): '{}' and '{}'",
                type_name(ts, a), type_name(ts, b));
}

static Value builtin_pow(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value out[3];
  if (!parse_args(ts, "pow", args, nargs, kwnames, {"base", "exp", "mod"}, 2, -1, out)) return Value::null();
  if (!out[2] || out[2].is(ts.none())) return binary_op(ts, BinaryOp::Pow, out[0], out[1]);
  if (is_int_like(out[0]) && is_int_like(out[1]) && is_int_like(out[2]))
    return int_pow_mod(ts, out[0], out[1], out[2]);
  for (Value v : out) {
    if (has_layout(v, Tag::Float))
      return raise(ts, ts.exc_types().TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  }
  if (!is_exact_number(out[0]) && special_method(ts, out[0], "__pow__")) {
    Ref r = Ref::steal(call_method(ts, out[0], "__pow__", out + 1, 2));
    if (!r || !r.get().is(ts.interp->not_implemented)) return r.release();
  }
  return raisef(ts, ts.exc_types().TypeError, "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                type_name(ts, out[0]), type_name(ts, out[1]), type_name(ts, out[2]));
}

// ------------------------------------------------------------ types and attributes

// The __instancecheck__ / __subclasscheck__ of cls's metaclass, looked up
// as special methods are (on the metaclass, not on cls), when it is not
// plain `type`: ABCMeta's virtual subclasses, typing's aliases, int | str.
// Returns 1 or 0, -1 on error, or 2 when cls has no such hook.
static int metaclass_check(ThreadState& ts, Value cls, const char* name, Value arg) {
  Type* meta = type_of(ts, cls);
  if (meta == ts.types().type) return 2;
  Str* attr = str_intern(ts, name);
  Value fn = type_lookup(meta, attr);
  if (!fn || fn.is(type_lookup(ts.types().type, attr))) return 2;
  if (ts.c_stack_exhausted()) {
    raisef(ts, ts.exc_types().RecursionError, "maximum recursion depth exceeded in {}", name);
    return -1;
  }
  Value call_args[2] = {cls, arg};
  Ref r = Ref::steal(call(ts, fn, call_args, 2));
  if (!r) return -1;
  return truthy(ts, r.get());
}

static int isinstance_rec(ThreadState& ts, Value obj, Value cls) {
  if (has_layout(cls, Tag::Type)) {
    Type* ct = static_cast<Type*>(cls.as_object());
    if (type_of(ts, obj) == ct) return 1;
    int r = metaclass_check(ts, cls, "__instancecheck__", obj);
    if (r != 2) return r;
    return is_instance(ts, obj, ct);
  }
  if (is_tuple(cls)) {
    if (ts.c_stack_exhausted()) {
      raise(ts, ts.exc_types().RecursionError, "maximum recursion depth exceeded in __instancecheck__");
      return -1;
    }
    Tuple* t = as_tuple(cls);
    for (int64_t i = 0; i < t->size; i++) {
      int r = isinstance_rec(ts, obj, t->items[i]);
      if (r != 0) return r;
    }
    return 0;
  }
  if (int r = metaclass_check(ts, cls, "__instancecheck__", obj); r != 2) return r;
  raise(ts, ts.exc_types().TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return -1;
}

int isinstance_value(ThreadState& ts, Value obj, Value cls) { return isinstance_rec(ts, obj, cls); }

static Value builtin_isinstance(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "isinstance", nargs, kwnames, 2, 2)) return Value::null();
  int r = isinstance_rec(ts, args[0], args[1]);
  if (r < 0) return Value::null();
  return ts.bool_value(r);
}

static int issubclass_rec(ThreadState& ts, Type* sub, Value cls) {
  if (has_layout(cls, Tag::Type)) {
    int r = metaclass_check(ts, cls, "__subclasscheck__", Value::from_object(sub));
    if (r != 2) return r;
    return is_subtype(sub, static_cast<Type*>(cls.as_object()));
  }
  if (is_tuple(cls)) {
    if (ts.c_stack_exhausted()) {
      raise(ts, ts.exc_types().RecursionError, "maximum recursion depth exceeded in __subclasscheck__");
      return -1;
    }
    Tuple* t = as_tuple(cls);
    for (int64_t i = 0; i < t->size; i++) {
      int r = issubclass_rec(ts, sub, t->items[i]);
      if (r != 0) return r;
    }
    return 0;
  }
  if (int r = metaclass_check(ts, cls, "__subclasscheck__", Value::from_object(sub)); r != 2) return r;
  raise(ts, ts.exc_types().TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return -1;
}

static Value builtin_issubclass(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "issubclass", nargs, kwnames, 2, 2)) return Value::null();
  if (!has_layout(args[0], Tag::Type)) return raise(ts, ts.exc_types().TypeError, "issubclass() arg 1 must be a class");
  int r = issubclass_rec(ts, static_cast<Type*>(args[0].as_object()), args[1]);
  if (r < 0) return Value::null();
  return ts.bool_value(r);
}

static bool check_attr_name(ThreadState& ts, Value name) {
  if (is_str_like(name)) return true;
  raisef(ts, ts.exc_types().TypeError, "attribute name must be string, not '{}'", type_name(ts, name));
  return false;
}

static bool pending_attribute_error(ThreadState& ts) {
  return ts.has_error() && is_instance(ts, ts.exc, ts.exc_types().AttributeError);
}

static Value builtin_getattr(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "getattr", nargs, kwnames, 2, 3)) return Value::null();
  if (!check_attr_name(ts, args[1])) return Value::null();
  Value v = get_attr(ts, args[0], as_str(args[1]));
  if (v || nargs == 2 || !pending_attribute_error(ts)) return v;
  ts.clear_error();
  return newref(args[2]);
}

static Value builtin_hasattr(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "hasattr", nargs, kwnames, 2, 2)) return Value::null();
  if (!check_attr_name(ts, args[1])) return Value::null();
  Value v = get_attr(ts, args[0], as_str(args[1]));
  if (v) {
    decref(v);
    return ts.bool_value(true);
  }
  if (!pending_attribute_error(ts)) return Value::null();
  ts.clear_error();
  return ts.bool_value(false);
}

static Value builtin_setattr(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "setattr", nargs, kwnames, 3, 3)) return Value::null();
  if (!check_attr_name(ts, args[1])) return Value::null();
  if (set_attr(ts, args[0], as_str(args[1]), args[2]) < 0) return Value::null();
  return newref(ts.none());
}

static Value builtin_delattr(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "delattr", nargs, kwnames, 2, 2)) return Value::null();
  if (!check_attr_name(ts, args[1])) return Value::null();
  if (del_attr(ts, args[0], as_str(args[1])) < 0) return Value::null();
  return newref(ts.none());
}

// vars() and dir() without an argument describe the caller's frame, which
// only the VM knows: they defer to the `locals` builtin the VM registers.
static Value caller_locals(ThreadState& ts) {
  Value locals_fn = dict_get_str(ts.interp->builtins, str_intern(ts, "locals"));
  if (!locals_fn) return raise(ts, ts.exc_types().SystemError, "locals() is not available");
  return call(ts, locals_fn, nullptr, 0);
}

static Value builtin_vars(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "vars", nargs, kwnames, 0, 1)) return Value::null();
  if (nargs == 0) return caller_locals(ts);
  Value d = get_attr(ts, args[0], ts.names().__dict__);
  if (!d && pending_attribute_error(ts)) {
    ts.clear_error();
    return raise(ts, ts.exc_types().TypeError, "vars() argument must have __dict__ attribute");
  }
  return d;
}

static bool add_keys(ThreadState& ts, Set* names, Dict* d) {
  if (!d) return true;
  Value k, v;
  for (int64_t pos = 0; dict_next(d, &pos, &k, &v);)
    if (!set_add(ts, names, k)) return false;
  return true;
}

static bool add_type_keys(ThreadState& ts, Set* names, Type* t) {
  if (!t->mro) return add_keys(ts, names, t->dict);
  for (int64_t i = 0; i < t->mro->size; i++)
    if (!add_keys(ts, names, static_cast<Type*>(t->mro->items[i].as_object())->dict)) return false;
  return true;
}

// dir(obj): a user __dir__ wins; otherwise the instance's attributes plus
// everything its class (or, for a class, its MRO) defines, sorted.
static Value builtin_dir(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "dir", nargs, kwnames, 0, 1)) return Value::null();
  Ref names_src;
  if (nargs == 0) {
    names_src = Ref::steal(caller_locals(ts));
    if (!names_src) return Value::null();
  } else {
    Value obj = args[0];
    Type* t = type_of(ts, obj);
    if (!t->is_builtin && type_lookup(t, str_intern(ts, "__dir__"))) {
      names_src = Ref::steal(call_method(ts, obj, "__dir__", nullptr, 0));
      if (!names_src) return Value::null();
    } else {
      Ref set = Ref::steal(set_new(ts));
      if (!set) return Value::null();
      Set* s = as_set(set.get());
      bool ok;
      if (is_module(obj)) {
        ok = add_keys(ts, s, as_module(obj)->dict);
      } else if (has_layout(obj, Tag::Type)) {
        ok = add_type_keys(ts, s, static_cast<Type*>(obj.as_object()));
      } else {
        Dict** slot = instance_dict_slot(obj);
        ok = add_keys(ts, s, slot ? *slot : nullptr) && add_type_keys(ts, s, t);
      }
      if (!ok) return Value::null();
      names_src = std::move(set);
    }
  }
  Ref list = Ref::steal(list_from_iterable(ts, names_src.get()));
  if (!list || !list_sort(ts, as_list(list.get()), Value::null(), false)) return Value::null();
  return list.release();
}

// exit()/quit(): CPython's site module adds them; scripts call them.
static Value builtin_exit(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "exit", nargs, kwnames, 0, 1)) return Value::null();
  size_t n = (nargs == 1 && !args[0].is(ts.none())) ? 1 : 0;
  Value exc = exception_new(ts, ts.exc_types().SystemExit, args, n);
  if (!exc) return Value::null();
  raise_value(ts, exc);
  decref(exc);
  return Value::null();
}

// ------------------------------------------------------------ module setup

namespace {
struct NamedType {
  const char* name;
  Type* BuiltinTypes::*field;
};
constexpr NamedType kBuiltinTypeNames[] = {
    {"object", &BuiltinTypes::object},       {"type", &BuiltinTypes::type},
    {"int", &BuiltinTypes::int_},            {"bool", &BuiltinTypes::bool_},
    {"float", &BuiltinTypes::float_},        {"str", &BuiltinTypes::str},
    {"bytes", &BuiltinTypes::bytes},         {"bytearray", &BuiltinTypes::bytearray},
    {"list", &BuiltinTypes::list},           {"tuple", &BuiltinTypes::tuple},
    {"dict", &BuiltinTypes::dict},           {"set", &BuiltinTypes::set},
    {"frozenset", &BuiltinTypes::frozenset}, {"range", &BuiltinTypes::range},
    {"slice", &BuiltinTypes::slice},         {"property", &BuiltinTypes::property},
    {"staticmethod", &BuiltinTypes::staticmethod}, {"classmethod", &BuiltinTypes::classmethod},
    {"super", &BuiltinTypes::super_},
};

struct NamedFunction {
  const char* name;
  NativeFn fn;
};
constexpr NamedFunction kBuiltinFunctions[] = {
    {"print", builtin_print},         {"input", builtin_input},       {"len", builtin_len},
    {"repr", builtin_repr},           {"ascii", builtin_ascii},       {"abs", builtin_abs},
    {"min", builtin_min},             {"max", builtin_max},           {"sum", builtin_sum},
    {"round", builtin_round},         {"divmod", builtin_divmod},     {"pow", builtin_pow},
    {"sorted", builtin_sorted},       {"any", builtin_any},           {"all", builtin_all},
    {"iter", builtin_iter},           {"next", builtin_next},         {"ord", builtin_ord},
    {"chr", builtin_chr},             {"hex", builtin_hex},           {"oct", builtin_oct},
    {"bin", builtin_bin},             {"format", builtin_format},     {"callable", builtin_callable},
    {"isinstance", builtin_isinstance}, {"issubclass", builtin_issubclass},
    {"hasattr", builtin_hasattr},     {"getattr", builtin_getattr},   {"setattr", builtin_setattr},
    {"delattr", builtin_delattr},     {"id", builtin_id},             {"hash", builtin_hash},
    {"exit", builtin_exit},           {"quit", builtin_exit},         {"vars", builtin_vars},
    {"dir", builtin_dir},
};
}  // namespace

void init_builtins_module(ThreadState& ts) {
  Interpreter* interp = ts.interp;
  Value m = module_new(ts, "builtins");
  Dict* d = as_module(m)->dict;
  incref(d);
  interp->builtins = d;

  for (const NamedType& t : kBuiltinTypeNames) {
    if (Type* type = interp->types.*t.field) dict_set_str(ts, d, t.name, Value::from_object(type));
  }
  // enumerate, zip, ... are iterator types whose construct slot iter.cpp
  // fills (native_iter_type creates them if iter.cpp has not run yet).
  for (const char* name : {"enumerate", "zip", "map", "filter", "reversed"}) {
    if (Type* type = native_iter_type(ts, name)) dict_set_str(ts, d, name, Value::from_object(type));
  }
#define GILVM_REGISTER_EXC(name, base) \
  if (interp->exc.name) dict_set_str(ts, d, #name, Value::from_object(interp->exc.name));
  GILVM_EXCEPTION_TYPES(GILVM_REGISTER_EXC)
#undef GILVM_REGISTER_EXC
  if (interp->exc.OSError) {
    dict_set_str(ts, d, "EnvironmentError", Value::from_object(interp->exc.OSError));
    dict_set_str(ts, d, "IOError", Value::from_object(interp->exc.OSError));
  }

  dict_set_str(ts, d, "None", interp->none);
  dict_set_str(ts, d, "True", interp->true_);
  dict_set_str(ts, d, "False", interp->false_);
  dict_set_str(ts, d, "Ellipsis", interp->ellipsis);
  dict_set_str(ts, d, "NotImplemented", interp->not_implemented);
  dict_set_str(ts, d, "__debug__", interp->true_);

  for (const NamedFunction& f : kBuiltinFunctions) add_function(ts, d, f.name, f.fn);
  init_open_builtin(ts, d);  // open() and its file types (fileio.cpp)
  init_memoryview_type(ts, d);

  // The module lives as long as the interpreter: sys.modules holds it when
  // it exists already; otherwise this first reference is never dropped.
  if (interp->modules) {
    dict_set_str(ts, interp->modules, "builtins", m);
    decref(m);
  }
}

}  // namespace gilvm
