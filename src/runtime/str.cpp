// str: allocation, hashing, interning, repr, the codecs and the type's slots
// (operators, indexing, iteration, construction). The methods live in
// str_methods.cpp.
//
// Strings are UTF-8 with a cached code-point length and an `ascii` flag.
// The trade-off: compact storage and zero-cost interop with C++ text, at the
// price of O(n) indexing for non-ASCII strings, which every operation
// avoids where it can by working on byte offsets.
#include "runtime/str.h"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <mutex>
#include <vector>

#include "runtime/alloc.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/codecs.h"
#include "runtime/exceptions.h"
#include "runtime/format.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/range.h"
#include "runtime/type.h"
#include "runtime/unicode.h"
#include "vm/thread_state.h"
#include "vm/limits.h"

namespace gilvm {

// ------------------------------------------------------------ allocation

Str* str_alloc(ThreadState& ts, int64_t nbytes) {
  // Strings are made and freed at a high rate (concatenation, split, str())
  // and their data is written by the caller anyway, so this skips
  // alloc_object's zeroing of a reused block and sets every field instead.
  uint8_t size_class;
  void* mem = small_alloc(sizeof(Str) + static_cast<size_t>(nbytes) + 1, &size_class,
                          /*zeroed=*/false);
  Str* s = static_cast<Str*>(mem);
  init_header(s, ts.types().str, static_cast<uint8_t>(Tag::Str), size_class, ts.slot);
  s->hash = -1;
  s->length = 0;
  s->nbytes = nbytes;
  s->ascii = false;
  s->interned = false;
  s->data[nbytes] = '\0';
  return s;
}

Value str_new_meta(ThreadState& ts, std::string_view utf8, int64_t length, bool ascii) {
  if (utf8.empty() && ts.interp->empty_str) return newref(ts.interp->empty_str);
  Str* s = str_alloc(ts, static_cast<int64_t>(utf8.size()));
  std::memcpy(s->data, utf8.data(), utf8.size());
  str_set_meta(s, length, ascii);
  return Value::from_object(s);
}

Value str_new(ThreadState& ts, std::string_view utf8) {
  bool ascii = unicode::all_ascii(utf8);
  int64_t length = ascii ? static_cast<int64_t>(utf8.size()) : unicode::count_code_points(utf8);
  return str_new_meta(ts, utf8, length, ascii);
}

Value str_substr(ThreadState& ts, Str* s, size_t begin, size_t end) {
  std::string_view part(s->data + begin, end - begin);
  if (s->ascii) return str_new_meta(ts, part, static_cast<int64_t>(part.size()), true);
  return str_new(ts, part);
}

Value str_from_ascii_char(ThreadState& ts, char c) {
  Str* s = str_alloc(ts, 1);
  s->data[0] = c;
  str_set_meta(s, 1, true);
  return Value::from_object(s);
}

Value str_from_codepoint(ThreadState& ts, uint32_t cp) {
  if (cp < 0x80) return str_from_ascii_char(ts, static_cast<char>(cp));
  char buf[4];
  int n = unicode::encode(cp, buf);
  return str_new_meta(ts, std::string_view(buf, static_cast<size_t>(n)), 1, false);
}

Str* str_intern(ThreadState& ts, std::string_view utf8) {
  Interpreter* interp = ts.interp;
  std::lock_guard<std::mutex> lock(interp->intern_mutex);
  auto it = interp->interned.find(std::string(utf8));
  if (it != interp->interned.end()) return it->second;
  bool ascii = unicode::all_ascii(utf8);
  Str* s = str_alloc(ts, static_cast<int64_t>(utf8.size()));
  std::memcpy(s->data, utf8.data(), utf8.size());
  str_set_meta(s, ascii ? static_cast<int64_t>(utf8.size()) : unicode::count_code_points(utf8),
               ascii);
  s->interned = true;
  make_immortal(s);
  str_hash(s);
  interp->interned.emplace(std::string(utf8), s);
  return s;
}

// ---------------------------------------------------------------- hashing

// A wyhash-style mix over 8-byte words: fast on long keys and good enough
// on the short identifiers that dominate dict lookups. Not seeded (no hash
// randomisation), which keeps runs reproducible.
int64_t hash_bytes(std::string_view data) {
  constexpr uint64_t kMul1 = 0x9E3779B97F4A7C15ull;
  constexpr uint64_t kMul2 = 0xBF58476D1CE4E5B9ull;
  const char* p = data.data();
  size_t n = data.size();
  uint64_t h = 0x243F6A8885A308D3ull ^ (n * kMul1);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ (w * kMul2)) * kMul1;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n) {
    // The last 1-7 bytes, gathered in registers: copying them into a
    // zeroed word on the stack (a variable-size memcpy) compiles to byte
    // stores followed by a word load, which stalls on store forwarding
    // and cost most of this function's time on short keys. For 4-7 bytes
    // the two 4-byte loads overlap; the length is already in h.
    uint64_t w;
    if (n >= 4) {
      uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      w = lo | (static_cast<uint64_t>(hi) << 32);
    } else {
      const auto* b = reinterpret_cast<const unsigned char*>(p);
      w = b[0] | (static_cast<uint64_t>(b[n / 2]) << 8) | (static_cast<uint64_t>(b[n - 1]) << 16);
    }
    h = (h ^ (w * kMul2)) * kMul1;
  }
  h ^= h >> 32;
  h *= kMul2;
  h ^= h >> 29;
  auto r = static_cast<int64_t>(h >> 1);  // non-negative, so never -1
  return r;
}

int64_t str_hash_compute(Str* s) {
  s->hash = hash_bytes(s->view());
  return s->hash;
}

bool str_equal(Str* a, Str* b) {
  if (a == b) return true;
  if (a->nbytes != b->nbytes) return false;
  if (a->interned && b->interned) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return std::memcmp(a->data, b->data, static_cast<size_t>(a->nbytes)) == 0;
}

Value str_concat(ThreadState& ts, Str* a, Str* b) {
  if (a->nbytes == 0 && is_str(Value::from_object(b))) return newref(Value::from_object(b));
  if (b->nbytes == 0 && is_str(Value::from_object(a))) return newref(Value::from_object(a));
  Str* s = str_alloc(ts, a->nbytes + b->nbytes);
  std::memcpy(s->data, a->data, static_cast<size_t>(a->nbytes));
  std::memcpy(s->data + a->nbytes, b->data, static_cast<size_t>(b->nbytes));
  str_set_meta(s, a->length + b->length, a->ascii && b->ascii);
  return Value::from_object(s);
}

size_t str_byte_offset(const Str* s, int64_t index) {
  if (s->ascii) return static_cast<size_t>(index);
  const auto* d = reinterpret_cast<const unsigned char*>(s->data);
  if (index <= s->length / 2) {
    size_t pos = 0;
    for (int64_t i = 0; i < index; ++i) pos += static_cast<size_t>(unicode::seq_length(d[pos]));
    return pos;
  }
  // Nearer the end: walk backwards over continuation bytes.
  size_t pos = static_cast<size_t>(s->nbytes);
  for (int64_t i = s->length; i > index; --i) {
    do {
      --pos;
    } while (unicode::is_continuation(d[pos]));
  }
  return pos;
}

void utf8_append(std::string& out, uint32_t cp) {
  char buf[4];
  out.append(buf, static_cast<size_t>(unicode::encode(cp, buf)));
}

bool utf8_valid(std::string_view bytes) {
  size_t pos, end;
  const char* reason;
  return unicode::validate_utf8(bytes, &pos, &end, &reason);
}

// ------------------------------------------------------------------- repr

namespace {

void append_escape(std::string& out, uint32_t cp) {
  if (cp < 0x100)
    out += fmt::format("\\x{:02x}", cp);
  else if (cp < 0x10000)
    out += fmt::format("\\u{:04x}", cp);
  else
    out += fmt::format("\\U{:08x}", cp);
}

std::string repr_impl(std::string_view utf8, bool ascii_only) {
  bool has_single = utf8.find('\'') != std::string_view::npos;
  bool has_double = utf8.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out;
  out.reserve(utf8.size() + 2);
  out.push_back(quote);
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  while (p < end) {
    auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      ++p;
      if (c == static_cast<unsigned char>(quote) || c == '\\') {
        out.push_back('\\');
        out.push_back(static_cast<char>(c));
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c < 0x20 || c == 0x7F) {
        append_escape(out, c);
      } else {
        out.push_back(static_cast<char>(c));
      }
      continue;
    }
    const char* start = p;
    uint32_t cp = unicode::decode_advance(p);
    if (ascii_only || !unicode::is_printable(cp))
      append_escape(out, cp);
    else
      out.append(start, static_cast<size_t>(p - start));
  }
  out.push_back(quote);
  return out;
}

}  // namespace

std::string str_repr(std::string_view utf8) { return repr_impl(utf8, false); }
std::string str_ascii_repr(std::string_view utf8) { return repr_impl(utf8, true); }

std::string ascii_escape(std::string_view utf8) {
  if (unicode::all_ascii(utf8)) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size() + 8);
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  while (p < end) {
    if (static_cast<unsigned char>(*p) < 0x80) {
      out.push_back(*p++);
    } else {
      append_escape(out, unicode::decode_advance(p));
    }
  }
  return out;
}

// ----------------------------------------------------------------- codecs

bool str_arg_view(ThreadState& ts, Value v, const char* fname, const char* argname,
                  std::string_view dflt, std::string_view* out) {
  if (v.is_null()) {
    *out = dflt;
    return true;
  }
  if (!is_str_like(v)) {
    raisef(ts, ts.exc_types().TypeError, "{}() argument '{}' must be str, not {}", fname, argname,
           type_name(ts, v));
    return false;
  }
  *out = as_str(v)->view();
  return true;
}

bool text_bounds(ThreadState& ts, Value start, Value end, int64_t length, int64_t* lo,
                 int64_t* hi) {
  // Only the end is clamped to `length`: a start beyond it must make the
  // search fail ("abc".find("", 5) == -1), which callers see as lo > hi.
  auto resolve = [&](Value v, int64_t dflt, int64_t* out, bool is_end) {
    if (v.is_null() || v.is(ts.none())) {
      *out = dflt;
      return true;
    }
    int64_t i;
    if (v.is_small()) {
      i = v.as_small();
    } else if (is_int_like(v)) {
      // Huge ints clamp, as CPython's slice index conversion does.
      if (!int_to_i64(v, &i)) i = int_sign(v) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    } else {
      if (!to_index(ts, v, &i)) {
        if (ts.has_error() && !is_int_like(v)) {
          ts.clear_error();
          raise(ts, ts.exc_types().TypeError,
                "slice indices must be integers or None or have an __index__ method");
        }
        return false;
      }
    }
    if (i < 0) {
      i += length;
      if (i < 0) i = 0;
    } else if (i > length && is_end) {
      i = length;
    }
    *out = i;
    return true;
  };
  return resolve(start, 0, lo, false) && resolve(end, length, hi, true);
}

// ------------------------------------------------------------------ slots

namespace {

Value str_repr_slot(ThreadState& ts, Value self) {
  return str_new(ts, str_repr(as_str(self)->view()));
}

Value str_str_slot(ThreadState& ts, Value self) {
  if (is_str(self)) return newref(self);
  Str* s = as_str(self);
  return str_new_meta(ts, s->view(), s->length, s->ascii);
}

int64_t str_hash_slot(ThreadState&, Value self) { return str_hash(as_str(self)); }

Value str_compare_slot(ThreadState& ts, Value self, Value other, CompareOp op) {
  if (!is_str_like(other) || !is_str_like(self)) return newref(ts.interp->not_implemented);
  Str* a = as_str(self);
  Str* b = as_str(other);
  if (op == CompareOp::Eq) return ts.bool_value(str_equal(a, b));
  if (op == CompareOp::Ne) return ts.bool_value(!str_equal(a, b));
  // UTF-8 byte order is code-point order.
  int c = a->view().compare(b->view());
  bool r = false;
  switch (op) {
    case CompareOp::Lt:
      r = c < 0;
      break;
    case CompareOp::Le:
      r = c <= 0;
      break;
    case CompareOp::Gt:
      r = c > 0;
      break;
    case CompareOp::Ge:
      r = c >= 0;
      break;
    default:
      break;
  }
  return ts.bool_value(r);
}

Value str_repeat(ThreadState& ts, Str* s, int64_t n) {
  if (n <= 0 || s->nbytes == 0) return newref(ts.interp->empty_str);
  if (n == 1 && is_str(Value::from_object(s))) return newref(Value::from_object(s));
  if (s->nbytes > INT64_MAX / 4 / n) return raise(ts, ts.exc_types().MemoryError, "");
  int64_t total = s->nbytes * n;
  if (!memory_available(ts, static_cast<size_t>(total))) return Value::null();
  Str* r = str_alloc(ts, total);
  if (s->nbytes == 1) {
    std::memset(r->data, s->data[0], static_cast<size_t>(total));
  } else {
    // Doubling copies: log(n) memcpy calls instead of n.
    std::memcpy(r->data, s->data, static_cast<size_t>(s->nbytes));
    int64_t done = s->nbytes;
    while (done < total) {
      int64_t chunk = std::min(done, total - done);
      std::memcpy(r->data + done, r->data, static_cast<size_t>(chunk));
      done += chunk;
    }
  }
  str_set_meta(r, s->length * n, s->ascii);
  return Value::from_object(r);
}

// The repeat count of `seq * n`; false with TypeError for a non-int.
bool repeat_count(ThreadState& ts, Value n, int64_t* out) {
  if (n.is_small()) {
    *out = n.as_small();
    return true;
  }
  if (!is_int_like(n)) {
    raisef(ts, ts.exc_types().TypeError, "can't multiply sequence by non-int of type '{}'",
           type_name(ts, n));
    return false;
  }
  if (!int_to_i64(n, out)) {
    if (int_sign(n) < 0) {
      *out = 0;
      return true;
    }
    raisef(ts, ts.exc_types().OverflowError, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  return true;
}

// User classes may still answer through their reflected method.
bool is_user_object(Value v) { return v.is_object() && !v.as_object()->type->is_builtin; }

Value str_binary_slot(ThreadState& ts, BinaryOp op, Value a, Value b) {
  switch (op) {
    case BinaryOp::Add:
      if (!is_str_like(a)) break;
      if (is_str_like(b)) return str_concat(ts, as_str(a), as_str(b));
      if (is_user_object(b)) break;
      return raisef(ts, ts.exc_types().TypeError, "can only concatenate str (not \"{}\") to str",
                    type_name(ts, b));
    case BinaryOp::Mul: {
      Value seq = is_str_like(a) ? a : b;
      Value n = is_str_like(a) ? b : a;
      if (!is_str_like(seq)) break;
      int64_t count;
      if (is_user_object(n)) {
        // Any object with __index__ repeats a sequence (after its own __rmul__).
        if (seq_repeat_defers(ts, n, seq.is(a))) break;
        if (!to_index(ts, n, &count)) return Value::null();
        if (count < 0) count = 0;
      } else if (!repeat_count(ts, n, &count)) {
        return Value::null();
      }
      return str_repeat(ts, as_str(seq), count);
    }
    case BinaryOp::Mod:
      if (!is_str_like(a)) break;
      return percent_format(ts, a, b, false);
    default:
      break;
  }
  return newref(ts.interp->not_implemented);
}

int64_t str_len_slot(ThreadState&, Value self) { return as_str(self)->length; }

int str_truthy_slot(ThreadState&, Value self) { return as_str(self)->nbytes != 0; }

Value str_getitem_slot(ThreadState& ts, Value self, Value key) {
  Str* s = as_str(self);
  if (key.is_small() || is_int_like(key)) {
    int64_t i;
    if (key.is_small()) {
      i = key.as_small();
    } else if (!seq_index(ts, key, "string", &i)) {
      return Value::null();
    }
    if (!normalize_index(i, s->length))
      return raise(ts, ts.exc_types().IndexError, "string index out of range");
    if (s->ascii) return str_from_ascii_char(ts, s->data[i]);
    size_t off = str_byte_offset(s, i);
    auto len = static_cast<size_t>(unicode::seq_length(static_cast<unsigned char>(s->data[off])));
    return str_new_meta(ts, std::string_view(s->data + off, len), 1, len == 1);
  }
  if (!is_slice(key))
    return raisef(ts, ts.exc_types().TypeError, "string indices must be integers, not '{}'",
                  type_name(ts, key));
  int64_t start, stop, step, n;
  if (!slice_indices(ts, as_slice(key), s->length, &start, &stop, &step, &n)) return Value::null();
  if (n <= 0) return newref(ts.interp->empty_str);
  if (step == 1) {
    if (n == s->length && is_str(self)) return newref(self);
    size_t b = str_byte_offset(s, start);
    size_t e = s->ascii ? static_cast<size_t>(stop) : b;
    if (!s->ascii) {
      const auto* d = reinterpret_cast<const unsigned char*>(s->data);
      for (int64_t k = 0; k < n; ++k) e += static_cast<size_t>(unicode::seq_length(d[e]));
    }
    return str_new_meta(ts, std::string_view(s->data + b, e - b), n, s->ascii);
  }
  if (s->ascii) {
    Str* r = str_alloc(ts, n);
    for (int64_t k = 0, i = start; k < n; ++k, i += step) r->data[k] = s->data[i];
    str_set_meta(r, n, true);
    return Value::from_object(r);
  }
  // Non-ASCII with a step: index the code points once.
  std::vector<uint32_t> offsets;
  offsets.reserve(static_cast<size_t>(s->length) + 1);
  const auto* d = reinterpret_cast<const unsigned char*>(s->data);
  for (size_t pos = 0; pos < static_cast<size_t>(s->nbytes);
       pos += static_cast<size_t>(unicode::seq_length(d[pos])))
    offsets.push_back(static_cast<uint32_t>(pos));
  offsets.push_back(static_cast<uint32_t>(s->nbytes));
  std::string out;
  bool ascii = true;
  for (int64_t k = 0, i = start; k < n; ++k, i += step) {
    uint32_t b = offsets[i], e = offsets[i + 1];
    ascii &= e - b == 1;
    out.append(s->data + b, e - b);
  }
  return str_new_meta(ts, out, n, ascii);
}

int str_contains_slot(ThreadState& ts, Value self, Value item) {
  if (!is_str_like(item)) {
    raisef(ts, ts.exc_types().TypeError, "'in <string>' requires string as left operand, not {}",
           type_name(ts, item));
    return -1;
  }
  return unicode::find_bytes(as_str(self)->view(), as_str(item)->view()) >= 0;
}

Value str_iter_next(ThreadState& ts, NativeIter* it) {
  Str* s = as_str(it->source);
  if (it->index >= s->nbytes) return Value::null();
  auto c = static_cast<unsigned char>(s->data[it->index]);
  if (c < 0x80) {
    ++it->index;
    return str_from_ascii_char(ts, static_cast<char>(c));
  }
  auto len = unicode::seq_length(c);
  Value r =
      str_new_meta(ts, std::string_view(s->data + it->index, static_cast<size_t>(len)), 1, false);
  it->index += len;
  return r;
}

Value str_iter_slot(ThreadState& ts, Value self) {
  return native_iter_new(ts, as_str(self)->ascii ? "str_ascii_iterator" : "str_iterator",
                         str_iter_next, self);
}

// Wraps an exact str result into an instance of a str subclass.
Value as_subclass_instance(ThreadState& ts, Type* type, Value exact) {
  Str* src = as_str(exact);
  Str* s =
      alloc<Str>(ts, type, type->instance_tag, sizeof(Str) + static_cast<size_t>(src->nbytes) + 1);
  s->hash = -1;
  s->nbytes = src->nbytes;
  std::memcpy(s->data, src->data, static_cast<size_t>(src->nbytes) + 1);
  str_set_meta(s, src->length, src->ascii);
  decref(exact);
  return Value::from_object(s);
}

Value str_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 1 && !kwnames && type == ts.types().str) {
    // str(x), the usual call: no argument parsing, and a small int is
    // formatted in place (str(i) in a loop builds many).
    if (args[0].is_small()) {
      char buf[24];
      auto res = std::to_chars(buf, buf + sizeof buf, args[0].as_small());
      auto n = static_cast<size_t>(res.ptr - buf);
      return str_new_meta(ts, std::string_view(buf, n), static_cast<int64_t>(n), true);
    }
    return to_str(ts, args[0]);
  }
  Value a[3];
  if (!parse_args(ts, "str", args, nargs, kwnames, {"object", "encoding", "errors"}, 0, -1, a))
    return Value::null();
  Value result;
  if (a[1].is_null() && a[2].is_null()) {
    result = a[0].is_null() ? newref(ts.interp->empty_str) : to_str(ts, a[0]);
  } else {
    std::string_view encoding, errors;
    if (!str_arg_view(ts, a[1], "str", "encoding", "utf-8", &encoding) ||
        !str_arg_view(ts, a[2], "str", "errors", "strict", &errors))
      return Value::null();
    if (a[0].is_null()) {
      result = newref(ts.interp->empty_str);
    } else if (std::string_view data; bytes_like_view(a[0], &data)) {
      result = text_decode(ts, data, a[0], encoding, errors);
    } else if (is_str_like(a[0])) {
      return raise(ts, ts.exc_types().TypeError, "decoding str is not supported");
    } else {
      return raisef(ts, ts.exc_types().TypeError,
                    "decoding to str: need a bytes-like object, {} found", type_name(ts, a[0]));
    }
  }
  if (result.is_null() || type == ts.types().str) return result;
  return as_subclass_instance(ts, type, result);
}

// Dunder methods for explicit calls ("abc".__len__()); operators use the slots.
Value str_dunder_len(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__len__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return Value::from_small(as_str(args[0])->length);
}
Value str_dunder_getitem(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__getitem__", nargs - 1, kwnames, 1, 1)) return Value::null();
  return str_getitem_slot(ts, args[0], args[1]);
}
Value str_dunder_contains(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__contains__", nargs - 1, kwnames, 1, 1)) return Value::null();
  int r = str_contains_slot(ts, args[0], args[1]);
  return r < 0 ? Value::null() : ts.bool_value(r);
}
template <BinaryOp Op, bool Reflected>
Value str_dunder_binary(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__op__", nargs - 1, kwnames, 1, 1)) return Value::null();
  Value a = Reflected ? args[1] : args[0], b = Reflected ? args[0] : args[1];
  // Explicit dunder calls answer NotImplemented instead of raising.
  if (Op == BinaryOp::Add && !is_str_like(b)) return newref(ts.interp->not_implemented);
  if (Op == BinaryOp::Mul && !is_int_like(Reflected ? a : b))
    return newref(ts.interp->not_implemented);
  return str_binary_slot(ts, Op, a, b);
}
Value str_dunder_iter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__iter__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return str_iter_slot(ts, args[0]);
}

}  // namespace

void init_str_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "str", nullptr, Tag::Str, sizeof(Str));
  ts.interp->types.str = t;
  // Strings interned while bootstrapping (type names, "str" itself) were
  // created before their type existed.
  {
    std::lock_guard<std::mutex> lock(ts.interp->intern_mutex);
    for (auto& [text, s] : ts.interp->interned)
      if (!s->type) set_object_type(s, t);
  }
  t->slots.repr = str_repr_slot;
  t->slots.str = str_str_slot;
  t->slots.hash = str_hash_slot;
  t->slots.compare = str_compare_slot;
  t->slots.binary = str_binary_slot;
  t->slots.len = str_len_slot;
  t->slots.truthy = str_truthy_slot;
  t->slots.getitem = str_getitem_slot;
  t->slots.contains = str_contains_slot;
  t->slots.iter = str_iter_slot;
  t->slots.construct = str_construct;
  add_method(ts, t, "__len__", str_dunder_len);
  add_method(ts, t, "__getitem__", str_dunder_getitem);
  add_method(ts, t, "__contains__", str_dunder_contains);
  add_method(ts, t, "__iter__", str_dunder_iter);
  add_method(ts, t, "__add__", str_dunder_binary<BinaryOp::Add, false>);
  add_method(ts, t, "__mul__", str_dunder_binary<BinaryOp::Mul, false>);
  add_method(ts, t, "__rmul__", str_dunder_binary<BinaryOp::Mul, true>);
  add_method(ts, t, "__mod__", str_dunder_binary<BinaryOp::Mod, false>);
  init_str_methods(ts, t);
}

}  // namespace gilvm
