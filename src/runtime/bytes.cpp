// bytes and bytearray: the types, their slots and their methods.
//
// Both types share one set of method implementations written against a
// read-only view of the data; each method builds its result with the
// receiver's own constructor, so b"x".upper() is bytes and
// bytearray(b"x").upper() is a bytearray. bytes keeps its data inline
// (one allocation, cached hash); bytearray holds a std::string so that it
// can grow.
#include "runtime/bytes.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "runtime/args.h"
#include "runtime/codecs.h"
#include "runtime/exceptions.h"
#include "runtime/format.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/memoryview.h"
#include "runtime/ops.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "runtime/unicode.h"
#include "vm/thread_state.h"
#include "vm/limits.h"

namespace gilvm {

Value bytes_new(ThreadState& ts, std::string_view data) {
  auto* b = alloc<Bytes>(ts, ts.types().bytes, Tag::Bytes, sizeof(Bytes) + data.size() + 1);
  b->hash = -1;
  b->size = static_cast<int64_t>(data.size());
  if (!data.empty()) std::memcpy(b->data, data.data(), data.size());
  b->data[data.size()] = '\0';
  return Value::from_object(b);
}

namespace {

ByteArray* bytearray_alloc(ThreadState& ts, Type* type) {
  auto* b = alloc<ByteArray>(ts, type, type->instance_tag,
                             std::max<size_t>(type->basic_size, sizeof(ByteArray)));
  new (&b->buf) std::string();
  return b;
}

void bytearray_dealloc(Object* self) { static_cast<ByteArray*>(self)->buf.~basic_string(); }

}  // namespace

Value bytearray_new(ThreadState& ts, std::string_view data) {
  ByteArray* b = bytearray_alloc(ts, ts.types().bytearray);
  b->buf.assign(data);
  return Value::from_object(b);
}

bool bytes_like_view(Value v, std::string_view* out) {
  if (has_layout(v, Tag::Bytes)) {
    *out = as_bytes(v)->view();
    return true;
  }
  if (has_layout(v, Tag::ByteArray)) {
    *out = as_bytearray(v)->view();
    return true;
  }
  return has_tag(v, Tag::Other) && memoryview_contiguous_view(v, out);
}

std::string bytes_repr(std::string_view data) {
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out;
  out.reserve(data.size() + 3);
  out += 'b';
  out += quote;
  for (char ch : data) {
    auto c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += ch;
    }
  }
  out += quote;
  return out;
}

namespace {

using unicode::ascii_is_space;

std::string_view view_of(Value v) {
  std::string_view out;
  bytes_like_view(v, &out);
  return out;
}

bool is_ba(Value v) { return has_layout(v, Tag::ByteArray); }

// A result of the receiver's kind.
Value make_like(ThreadState& ts, Value self, std::string_view data) {
  return is_ba(self) ? bytearray_new(ts, data) : bytes_new(ts, data);
}

// Returns the receiver itself when it is an exact (immutable) bytes.
Value same_or_make(ThreadState& ts, Value self, std::string_view data) {
  if (is_bytes(self) && data.size() == static_cast<size_t>(as_bytes(self)->size))
    return newref(self);
  return make_like(ts, self, data);
}

bool need_buffer(ThreadState& ts, Value v, std::string_view* out) {
  if (bytes_like_view(v, out)) return true;
  raisef(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'",
         type_name(ts, v));
  return false;
}

bool int_arg(ThreadState& ts, Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.as_small();
    return true;
  }
  return to_index(ts, v, out);
}

// A byte value 0..255 from an int-like argument.
bool byte_value(ThreadState& ts, Value v, int* out, const char* range_msg) {
  int64_t i;
  if (!int_arg(ts, v, &i)) return false;
  if (i < 0 || i > 255) {
    raise(ts, ts.exc_types().ValueError, range_msg);
    return false;
  }
  *out = static_cast<int>(i);
  return true;
}

// bytes(x) / bytearray(x) source conversion.
bool bytes_from_source(ThreadState& ts, const char* fname, const Value* args, size_t nargs,
                       Tuple* kwnames, std::string* out) {
  Value a[3];
  if (!parse_args(ts, fname, args, nargs, kwnames, {"source", "encoding", "errors"}, 0, -1, a))
    return false;
  Value src = a[0];
  if (src.is_null()) {
    if (!a[1].is_null() || !a[2].is_null()) {
      raise(ts, ts.exc_types().TypeError,
            a[1].is_null() ? "errors without a string argument"
                           : "encoding without a string argument");
      return false;
    }
    return true;
  }
  if (is_str_like(src)) {
    if (a[1].is_null()) {
      raise(ts, ts.exc_types().TypeError, "string argument without an encoding");
      return false;
    }
    std::string_view encoding, errors;
    if (!str_arg_view(ts, a[1], fname, "encoding", "utf-8", &encoding) ||
        !str_arg_view(ts, a[2], fname, "errors", "strict", &errors))
      return false;
    Value b = text_encode(ts, as_str(src), encoding, errors);
    if (b.is_null()) return false;
    out->assign(as_bytes(b)->view());
    decref(b);
    return true;
  }
  if (!a[1].is_null() || !a[2].is_null()) {
    raise(
        ts, ts.exc_types().TypeError,
        a[1].is_null() ? "errors without a string argument" : "encoding without a string argument");
    return false;
  }
  std::string_view view;
  if (bytes_like_view(src, &view)) {
    out->assign(view);
    return true;
  }
  if (is_int_like(src)) {
    int64_t n;
    if (!int_arg(ts, src, &n)) return false;
    if (n < 0) {
      raise(ts, ts.exc_types().ValueError, "negative count");
      return false;
    }
    out->assign(static_cast<size_t>(n), '\0');
    return true;
  }
  if (is_list(src) || is_tuple(src)) {
    const Value* items = is_list(src) ? as_list(src)->items : as_tuple(src)->items;
    int64_t n = is_list(src) ? as_list(src)->size : as_tuple(src)->size;
    out->reserve(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
      int b;
      if (!byte_value(ts, items[i], &b, "bytes must be in range(0, 256)")) return false;
      out->push_back(static_cast<char>(b));
    }
    return true;
  }
  Value it = get_iter(ts, src);
  if (it.is_null()) {
    ts.clear_error();
    raisef(ts, ts.exc_types().TypeError, "cannot convert '{}' object to bytes", type_name(ts, src));
    return false;
  }
  Ref iter = Ref::steal(it);
  while (true) {
    Value item = iter_next(ts, iter.get());
    if (item.is_null()) return !ts.has_error();
    Ref owned = Ref::steal(item);
    int b;
    if (!byte_value(ts, item, &b, "bytes must be in range(0, 256)")) return false;
    out->push_back(static_cast<char>(b));
  }
}

// ------------------------------------------------------------------ slots

Value bytes_repr_slot(ThreadState& ts, Value self) {
  return str_new(ts, bytes_repr(view_of(self)));
}

Value bytearray_repr_slot(ThreadState& ts, Value self) {
  return str_new(ts, fmt::format("bytearray({})", bytes_repr(view_of(self))));
}

int64_t bytes_hash_slot(ThreadState&, Value self) {
  Bytes* b = as_bytes(self);
  if (b->hash == -1) b->hash = hash_bytes(b->view());
  return b->hash;
}

Value bytes_compare_slot(ThreadState& ts, Value self, Value other, CompareOp op) {
  std::string_view a, b;
  if (!bytes_like_view(self, &a) || !bytes_like_view(other, &b))
    return newref(ts.interp->not_implemented);
  int c = a.compare(b);
  bool r = false;
  switch (op) {
    case CompareOp::Lt:
      r = c < 0;
      break;
    case CompareOp::Le:
      r = c <= 0;
      break;
    case CompareOp::Eq:
      r = c == 0;
      break;
    case CompareOp::Ne:
      r = c != 0;
      break;
    case CompareOp::Gt:
      r = c > 0;
      break;
    case CompareOp::Ge:
      r = c >= 0;
      break;
  }
  return ts.bool_value(r);
}

bool is_user_object(Value v) { return v.is_object() && !v.as_object()->type->is_builtin; }

Value repeat(ThreadState& ts, Value self, Value n) {
  int64_t count;
  if (n.is_small()) {
    count = n.as_small();
  } else if (!is_int_like(n)) {
    return raisef(ts, ts.exc_types().TypeError, "can't multiply sequence by non-int of type '{}'",
                  type_name(ts, n));
  } else if (!int_to_i64(n, &count)) {
    if (int_sign(n) > 0)
      return raise(ts, ts.exc_types().OverflowError,
                   "cannot fit 'int' into an index-sized integer");
    count = 0;
  }
  std::string_view v = view_of(self);
  if (count <= 0 || v.empty()) return make_like(ts, self, "");
  if (count == 1) return same_or_make(ts, self, v);
  if (v.size() > static_cast<size_t>(INT64_MAX / 4 / count))
    return raise(ts, ts.exc_types().MemoryError, "");
  // The result is built in a std::string, then copied into the object.
  if (!memory_available(ts, 2 * v.size() * static_cast<size_t>(count))) return Value::null();
  std::string out;
  out.reserve(v.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) out.append(v);
  return make_like(ts, self, out);
}

Value bytes_binary_slot(ThreadState& ts, BinaryOp op, Value a, Value b) {
  std::string_view va, vb;
  bool a_buf = bytes_like_view(a, &va), b_buf = bytes_like_view(b, &vb);
  switch (op) {
    case BinaryOp::Add:
      if (!a_buf) break;
      if (!b_buf) {
        if (is_user_object(b)) break;
        return raisef(ts, ts.exc_types().TypeError, "can't concat {} to {}", type_name(ts, b),
                      type_name(ts, a));
      }
      {
        std::string out;
        out.reserve(va.size() + vb.size());
        out.append(va);
        out.append(vb);
        return make_like(ts, a, out);
      }
    case BinaryOp::Mul:
      for (int side = 0; side < 2; side++) {
        Value seq = side ? b : a, n = side ? a : b;
        if (!(side ? b_buf : a_buf)) continue;
        if (!is_user_object(n)) return repeat(ts, seq, n);
        // Any object with __index__ repeats a sequence (after its own __rmul__).
        if (seq_repeat_defers(ts, n, side == 0)) continue;
        int64_t count;
        if (!to_index(ts, n, &count)) return Value::null();
        Value c = Value::from_small(count < 0 ? 0 : count);
        return repeat(ts, seq, c);
      }
      break;
    case BinaryOp::Mod:
      if (!a_buf) break;
      if (is_ba(a)) {
        Value tmp = bytes_new(ts, va);
        Value r = percent_format(ts, tmp, b, true);
        decref(tmp);
        if (r.is_null()) return r;
        Value ba = bytearray_new(ts, as_bytes(r)->view());
        decref(r);
        return ba;
      }
      return percent_format(ts, a, b, true);
    default:
      break;
  }
  return newref(ts.interp->not_implemented);
}

int64_t bytes_len_slot(ThreadState&, Value self) {
  return static_cast<int64_t>(view_of(self).size());
}

Value bytes_getitem_slot(ThreadState& ts, Value self, Value key) {
  std::string_view v = view_of(self);
  auto n = static_cast<int64_t>(v.size());
  if (key.is_small() || is_int_like(key)) {
    int64_t i;
    if (!seq_index(ts, key, "byte", &i)) return Value::null();
    if (!normalize_index(i, n))
      return raise(ts, ts.exc_types().IndexError,
                   is_ba(self) ? "bytearray index out of range" : "index out of range");
    return Value::from_small(static_cast<unsigned char>(v[static_cast<size_t>(i)]));
  }
  if (!is_slice(key))
    return raisef(ts, ts.exc_types().TypeError, "{} indices must be integers or slices, not {}",
                  is_ba(self) ? "bytearray" : "byte", type_name(ts, key));
  int64_t start, stop, step, len;
  if (!slice_indices(ts, as_slice(key), n, &start, &stop, &step, &len)) return Value::null();
  if (step == 1) {
    if (len <= 0) return make_like(ts, self, "");
    return same_or_make(ts, self, v.substr(static_cast<size_t>(start), static_cast<size_t>(len)));
  }
  std::string out;
  out.reserve(static_cast<size_t>(std::max<int64_t>(len, 0)));
  for (int64_t k = 0, i = start; k < len; ++k, i += step) out.push_back(v[static_cast<size_t>(i)]);
  return make_like(ts, self, out);
}

int bytes_contains_slot(ThreadState& ts, Value self, Value item) {
  std::string_view v = view_of(self), sub;
  if (bytes_like_view(item, &sub)) return unicode::find_bytes(v, sub) >= 0;
  if (item.is_small() || is_int_like(item)) {
    int b;
    if (!byte_value(ts, item, &b, "byte must be in range(0, 256)")) return -1;
    return v.find(static_cast<char>(b)) != std::string_view::npos;
  }
  raisef(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'",
         type_name(ts, item));
  return -1;
}

Value bytes_iter_next(ThreadState&, NativeIter* it) {
  std::string_view v = view_of(it->source);
  if (it->index >= static_cast<int64_t>(v.size())) return Value::null();
  return Value::from_small(static_cast<unsigned char>(v[static_cast<size_t>(it->index++)]));
}

Value bytes_iter_slot(ThreadState& ts, Value self) {
  return native_iter_new(ts, is_ba(self) ? "bytearray_iterator" : "bytes_iterator", bytes_iter_next,
                         self);
}

int bytes_truthy_slot(ThreadState&, Value self) { return !view_of(self).empty(); }

Value bytes_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs,
                      Tuple* kwnames) {
  // bytes(b) of an exact bytes is b itself.
  if (nargs == 1 && !kwnames && is_bytes(args[0]) && type == ts.types().bytes)
    return newref(args[0]);
  std::string data;
  if (!bytes_from_source(ts, "bytes", args, nargs, kwnames, &data)) return Value::null();
  if (type == ts.types().bytes) return bytes_new(ts, data);
  auto* b = alloc<Bytes>(ts, type, type->instance_tag, sizeof(Bytes) + data.size() + 1);
  b->hash = -1;
  b->size = static_cast<int64_t>(data.size());
  std::memcpy(b->data, data.data(), data.size());
  return Value::from_object(b);
}

Value bytearray_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs,
                          Tuple* kwnames) {
  std::string data;
  if (!bytes_from_source(ts, "bytearray", args, nargs, kwnames, &data)) return Value::null();
  ByteArray* b = bytearray_alloc(ts, type);
  b->buf = std::move(data);
  return Value::from_object(b);
}

int bytearray_setitem_slot(ThreadState& ts, Value self, Value key, Value value) {
  std::string& buf = as_bytearray(self)->buf;
  auto n = static_cast<int64_t>(buf.size());
  if (key.is_small() || is_int_like(key)) {
    int64_t i;
    if (!int_arg(ts, key, &i)) return -1;
    if (!normalize_index(i, n)) {
      raise(ts, ts.exc_types().IndexError, "bytearray index out of range");
      return -1;
    }
    if (value.is_null()) {
      buf.erase(static_cast<size_t>(i), 1);
      return 0;
    }
    int b;
    if (!byte_value(ts, value, &b, "byte must be in range(0, 256)")) return -1;
    buf[static_cast<size_t>(i)] = static_cast<char>(b);
    return 0;
  }
  if (!is_slice(key)) {
    raisef(ts, ts.exc_types().TypeError, "bytearray indices must be integers or slices, not {}",
           type_name(ts, key));
    return -1;
  }
  int64_t start, stop, step, len;
  if (!slice_indices(ts, as_slice(key), n, &start, &stop, &step, &len)) return -1;
  std::string repl;
  if (!value.is_null()) {
    std::string_view v;
    if (bytes_like_view(value, &v)) {
      repl.assign(v);
    } else if (is_int_like(value)) {
      raise(ts, ts.exc_types().TypeError,
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return -1;
    } else {
      Value arg = value;
      if (!bytes_from_source(ts, "bytearray", &arg, 1, nullptr, &repl)) return -1;
    }
  }
  if (step == 1) {
    if (len < 0) len = 0;
    buf.replace(static_cast<size_t>(start), static_cast<size_t>(len), repl);
    return 0;
  }
  if (value.is_null()) {
    std::vector<bool> drop(buf.size(), false);
    for (int64_t k = 0, i = start; k < len; ++k, i += step) drop[static_cast<size_t>(i)] = true;
    std::string kept;
    for (size_t i = 0; i < buf.size(); ++i)
      if (!drop[i]) kept.push_back(buf[i]);
    buf = std::move(kept);
    return 0;
  }
  if (static_cast<int64_t>(repl.size()) != len) {
    raisef(ts, ts.exc_types().ValueError,
           "attempt to assign bytes of size {} to extended slice of size {}", repl.size(), len);
    return -1;
  }
  for (int64_t k = 0, i = start; k < len; ++k, i += step)
    buf[static_cast<size_t>(i)] = repl[static_cast<size_t>(k)];
  return 0;
}

Value bytearray_inplace_slot(ThreadState& ts, BinaryOp op, Value a, Value b) {
  if (op == BinaryOp::Add && is_ba(a)) {
    std::string_view v;
    if (!bytes_like_view(b, &v)) {
      if (is_user_object(b)) return newref(ts.interp->not_implemented);
      return raisef(ts, ts.exc_types().TypeError, "can't concat {} to bytearray", type_name(ts, b));
    }
    std::string copy(v);  // b may be a itself
    as_bytearray(a)->buf += copy;
    return newref(a);
  }
  return bytes_binary_slot(ts, op, a, b);
}

// ---------------------------------------------------------------- methods

inline std::string_view self_view(const Value* args) { return view_of(args[0]); }

// Checks that a method got no arguments; errors name "bytes.m" or
// "bytearray.m" as CPython's do.
bool no_args(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, const char* method) {
  if (nargs == 1 && (!kwnames || kwnames->size == 0)) return true;
  std::string name = fmt::format("{}.{}", is_ba(args[0]) ? "bytearray" : "bytes", method);
  check_positional(ts, name.c_str(), nargs - 1, kwnames, 0, 0);
  return false;
}

Value m_decode(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!parse_args(ts, "decode", args + 1, nargs - 1, kwnames, {"encoding", "errors"}, 0, -1, a))
    return Value::null();
  std::string_view encoding, errors;
  if (!str_arg_view(ts, a[0], "decode", "encoding", "utf-8", &encoding) ||
      !str_arg_view(ts, a[1], "decode", "errors", "strict", &errors))
    return Value::null();
  return text_decode(ts, self_view(args), args[0], encoding, errors);
}

Value m_hex(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!parse_args(ts, "hex", args + 1, nargs - 1, kwnames, {"sep", "bytes_per_sep"}, 0, -1, a))
    return Value::null();
  static const char kDigits[] = "0123456789abcdef";
  std::string_view v = self_view(args);
  std::string sep;
  int64_t per = 1;
  if (!a[0].is_null()) {
    std::string_view sv;
    if (is_str_like(a[0]))
      sv = as_str(a[0])->view();
    else if (!bytes_like_view(a[0], &sv))
      return raise(ts, ts.exc_types().TypeError, "sep must be str or bytes.");
    if (sv.size() != 1) return raise(ts, ts.exc_types().ValueError, "sep must be length 1.");
    sep.assign(sv);
    if (!a[1].is_null() && !int_arg(ts, a[1], &per)) return Value::null();
  }
  std::string out;
  out.reserve(v.size() * 3);
  auto n = static_cast<int64_t>(v.size());
  int64_t group = per < 0 ? -per : per;
  for (int64_t i = 0; i < n; ++i) {
    if (!sep.empty() && group > 0 && i > 0) {
      // Positive counts group from the right, negative from the left.
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out += sep;
    }
    auto c = static_cast<unsigned char>(v[static_cast<size_t>(i)]);
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return str_new_meta(ts, out, static_cast<int64_t>(out.size()), true);
}

// fromhex is a class method in CPython; here it is stored unbound and
// builds the kind named by the first registered owner.
template <bool Array>
Value m_fromhex(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "fromhex", nargs, kwnames, 1, 1)) return Value::null();
  if (!is_str_like(args[0]))
    return raisef(ts, ts.exc_types().TypeError, "fromhex() argument must be str, not {}",
                  type_name(ts, args[0]));
  std::string_view s = as_str(args[0])->view();
  std::string out;
  auto hexval = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  size_t i = 0;
  while (i < s.size()) {
    if (ascii_is_space(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    int hi = hexval(s[i]);
    if (hi < 0)
      return raisef(ts, ts.exc_types().ValueError,
                    "non-hexadecimal number found in fromhex() arg at position {}", i);
    int lo = i + 1 < s.size() ? hexval(s[i + 1]) : -1;
    if (lo < 0)
      return raisef(ts, ts.exc_types().ValueError,
                    "non-hexadecimal number found in fromhex() arg at position {}", i + 1);
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return Array ? bytearray_new(ts, out) : bytes_new(ts, out);
}

Value m_join(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "join", nargs - 1, kwnames, 1, 1)) return Value::null();
  std::string_view sep = self_view(args);
  Ref holder = Ref::steal(list_from_iterable(ts, args[1]));
  if (!holder) return Value::null();
  List* l = as_list(holder.get());
  size_t total = l->size > 0 ? sep.size() * static_cast<size_t>(l->size - 1) : 0;
  for (int64_t i = 0; i < l->size; ++i) {
    std::string_view v;
    if (!bytes_like_view(l->items[i], &v))
      return raisef(ts, ts.exc_types().TypeError,
                    "sequence item {}: expected a bytes-like object, {} found", i,
                    type_name(ts, l->items[i]));
    total += v.size();
  }
  std::string out;
  out.reserve(total);
  for (int64_t i = 0; i < l->size; ++i) {
    if (i) out.append(sep);
    out.append(view_of(l->items[i]));
  }
  return make_like(ts, args[0], out);
}

bool parse_split(ThreadState& ts, const char* name, const Value* args, size_t nargs, Tuple* kwnames,
                 bool* whitespace, std::string_view* sep, int64_t* maxsplit) {
  Value a[2];
  if (!parse_args(ts, name, args + 1, nargs - 1, kwnames, {"sep", "maxsplit"}, 0, -1, a))
    return false;
  *whitespace = a[0].is_null() || a[0].is(ts.none());
  if (!*whitespace) {
    if (!need_buffer(ts, a[0], sep)) return false;
    if (sep->empty()) {
      raise(ts, ts.exc_types().ValueError, "empty separator");
      return false;
    }
  }
  *maxsplit = -1;
  if (!a[1].is_null() && !int_arg(ts, a[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

bool push(ThreadState& ts, List* l, Value self, std::string_view piece) {
  Value v = make_like(ts, self, piece);
  return !v.is_null() && list_append_steal(ts, l, v);
}

Value m_split(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  bool ws;
  std::string_view sep;
  int64_t maxsplit;
  if (!parse_split(ts, "split", args, nargs, kwnames, &ws, &sep, &maxsplit)) return Value::null();
  std::string_view v = self_view(args);
  Ref result = Ref::steal(list_new(ts, 0));
  if (!result) return Value::null();
  List* l = as_list(result.get());
  size_t pos = 0, n = v.size();
  if (!ws) {
    for (int64_t k = 0; k < maxsplit; ++k) {
      int64_t f = unicode::find_bytes(v, sep, pos);
      if (f < 0) break;
      if (!push(ts, l, args[0], v.substr(pos, static_cast<size_t>(f) - pos))) return Value::null();
      pos = static_cast<size_t>(f) + sep.size();
    }
    if (!push(ts, l, args[0], v.substr(pos))) return Value::null();
    return result.release();
  }
  int64_t splits = 0;
  while (pos < n) {
    while (pos < n && ascii_is_space(static_cast<unsigned char>(v[pos]))) ++pos;
    if (pos >= n) break;
    if (splits++ >= maxsplit) {
      if (!push(ts, l, args[0], v.substr(pos))) return Value::null();
      break;
    }
    size_t start = pos;
    while (pos < n && !ascii_is_space(static_cast<unsigned char>(v[pos]))) ++pos;
    if (!push(ts, l, args[0], v.substr(start, pos - start))) return Value::null();
  }
  return result.release();
}

Value m_rsplit(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  bool ws;
  std::string_view sep;
  int64_t maxsplit;
  if (!parse_split(ts, "rsplit", args, nargs, kwnames, &ws, &sep, &maxsplit)) return Value::null();
  std::string_view v = self_view(args);
  Ref result = Ref::steal(list_new(ts, 0));
  if (!result) return Value::null();
  List* l = as_list(result.get());
  size_t end = v.size();
  if (!ws) {
    for (int64_t k = 0; k < maxsplit; ++k) {
      int64_t f = unicode::rfind_bytes(v.substr(0, end), sep);
      if (f < 0) break;
      size_t after = static_cast<size_t>(f) + sep.size();
      if (!push(ts, l, args[0], v.substr(after, end - after))) return Value::null();
      end = static_cast<size_t>(f);
    }
    if (!push(ts, l, args[0], v.substr(0, end))) return Value::null();
  } else {
    int64_t splits = 0;
    size_t pos = end;
    while (pos > 0) {
      while (pos > 0 && ascii_is_space(static_cast<unsigned char>(v[pos - 1]))) --pos;
      if (pos == 0) break;
      if (splits++ >= maxsplit) {
        if (!push(ts, l, args[0], v.substr(0, pos))) return Value::null();
        break;
      }
      size_t stop = pos;
      while (pos > 0 && !ascii_is_space(static_cast<unsigned char>(v[pos - 1]))) --pos;
      if (!push(ts, l, args[0], v.substr(pos, stop - pos))) return Value::null();
    }
  }
  std::reverse(l->items, l->items + l->size);
  return result.release();
}

Value m_splitlines(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  if (!parse_args(ts, "splitlines", args + 1, nargs - 1, kwnames, {"keepends"}, 0, -1, a))
    return Value::null();
  bool keepends = false;
  if (!a[0].is_null()) {
    int t = truthy(ts, a[0]);
    if (t < 0) return Value::null();
    keepends = t;
  }
  std::string_view v = self_view(args);
  Ref result = Ref::steal(list_new(ts, 0));
  if (!result) return Value::null();
  List* l = as_list(result.get());
  size_t pos = 0, start = 0, n = v.size();
  while (pos < n) {
    char c = v[pos];
    if (c != '\n' && c != '\r') {
      ++pos;
      continue;
    }
    size_t eol = pos + 1;
    if (c == '\r' && eol < n && v[eol] == '\n') ++eol;
    if (!push(ts, l, args[0], v.substr(start, (keepends ? eol : pos) - start)))
      return Value::null();
    pos = start = eol;
  }
  if (start < n && !push(ts, l, args[0], v.substr(start))) return Value::null();
  return result.release();
}

Value do_strip(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, const char* name,
               bool left, bool right) {
  if (!check_positional(ts, name, nargs - 1, kwnames, 0, 1)) return Value::null();
  bool table[256] = {};
  if (nargs < 2 || args[1].is(ts.none())) {
    for (char c : std::string_view(" \t\n\r\x0b\x0c")) table[static_cast<unsigned char>(c)] = true;
  } else {
    std::string_view chars;
    if (!need_buffer(ts, args[1], &chars)) return Value::null();
    for (char c : chars) table[static_cast<unsigned char>(c)] = true;
  }
  std::string_view v = self_view(args);
  size_t b = 0, e = v.size();
  if (left)
    while (b < e && table[static_cast<unsigned char>(v[b])]) ++b;
  if (right)
    while (e > b && table[static_cast<unsigned char>(v[e - 1])]) --e;
  return same_or_make(ts, args[0], v.substr(b, e - b));
}

Value m_strip(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return do_strip(ts, a, n, k, "strip", true, true);
}
Value m_lstrip(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return do_strip(ts, a, n, k, "lstrip", true, false);
}
Value m_rstrip(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return do_strip(ts, a, n, k, "rstrip", false, true);
}

// The needle of find/count/index: bytes-like or an int byte value.
bool needle_arg(ThreadState& ts, Value v, std::string_view* out, char* byte_store) {
  if (bytes_like_view(v, out)) return true;
  if (v.is_small() || is_int_like(v)) {
    int b;
    if (!byte_value(ts, v, &b, "byte must be in range(0, 256)")) return false;
    *byte_store = static_cast<char>(b);
    *out = std::string_view(byte_store, 1);
    return true;
  }
  raisef(ts, ts.exc_types().TypeError, "argument should be integer or bytes-like object, not '{}'",
         type_name(ts, v));
  return false;
}

// -2 on error, -1 when missing, else the index.
int64_t search(ThreadState& ts, const char* name, const Value* args, size_t nargs, Tuple* kwnames,
               bool reverse, bool count) {
  if (!check_positional(ts, name, nargs - 1, kwnames, 1, 3)) return -2;
  std::string_view needle;
  char byte_store;
  if (!needle_arg(ts, args[1], &needle, &byte_store)) return -2;
  std::string_view v = self_view(args);
  int64_t lo, hi;
  if (!text_bounds(ts, nargs > 2 ? args[2] : Value::null(), nargs > 3 ? args[3] : Value::null(),
                   static_cast<int64_t>(v.size()), &lo, &hi))
    return -2;
  if (lo > hi) return count ? 0 : -1;
  std::string_view window = v.substr(static_cast<size_t>(lo), static_cast<size_t>(hi - lo));
  if (count) return unicode::count_bytes(window, needle);
  int64_t f = reverse ? unicode::rfind_bytes(window, needle) : unicode::find_bytes(window, needle);
  return f < 0 ? -1 : lo + f;
}

Value search_result(ThreadState& ts, int64_t r, bool raise_missing) {
  if (r == -2) return Value::null();
  if (r == -1 && raise_missing) return raise(ts, ts.exc_types().ValueError, "subsection not found");
  return Value::from_small(r);
}

Value m_find(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return search_result(ts, search(ts, "find", a, n, k, false, false), false);
}
Value m_rfind(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return search_result(ts, search(ts, "rfind", a, n, k, true, false), false);
}
Value m_index(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return search_result(ts, search(ts, "index", a, n, k, false, false), true);
}
Value m_rindex(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return search_result(ts, search(ts, "rindex", a, n, k, true, false), true);
}
Value m_count(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return search_result(ts, search(ts, "count", a, n, k, false, true), false);
}

Value tail_match(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, const char* name,
                 bool at_end) {
  if (!check_positional(ts, name, nargs - 1, kwnames, 1, 3)) return Value::null();
  std::string_view v = self_view(args);
  int64_t lo, hi;
  if (!text_bounds(ts, nargs > 2 ? args[2] : Value::null(), nargs > 3 ? args[3] : Value::null(),
                   static_cast<int64_t>(v.size()), &lo, &hi))
    return Value::null();
  Value prefixes = args[1];
  const Value* items = &prefixes;
  int64_t count = 1;
  if (is_tuple(prefixes)) {
    items = as_tuple(prefixes)->items;
    count = as_tuple(prefixes)->size;
  }
  for (int64_t i = 0; i < count; ++i) {
    std::string_view p;
    if (!bytes_like_view(items[i], &p)) {
      if (items == &prefixes)
        return raisef(ts, ts.exc_types().TypeError,
                      "{} first arg must be bytes or a tuple of bytes, not {}", name,
                      type_name(ts, prefixes));
      return raisef(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'",
                    type_name(ts, items[i]));
    }
    if (lo > hi) continue;
    std::string_view window = v.substr(static_cast<size_t>(lo), static_cast<size_t>(hi - lo));
    if (at_end ? window.ends_with(p) : window.starts_with(p)) return ts.bool_value(true);
  }
  return ts.bool_value(false);
}

Value m_startswith(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return tail_match(ts, a, n, k, "startswith", false);
}
Value m_endswith(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return tail_match(ts, a, n, k, "endswith", true);
}

Value m_replace(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "replace", nargs - 1, kwnames, 2, 3)) return Value::null();
  std::string_view old_v, new_v;
  if (!need_buffer(ts, args[1], &old_v) || !need_buffer(ts, args[2], &new_v)) return Value::null();
  int64_t maxcount = -1;
  if (nargs > 3 && !int_arg(ts, args[3], &maxcount)) return Value::null();
  if (maxcount < 0) maxcount = INT64_MAX;
  std::string_view v = self_view(args);
  std::string out;
  size_t pos = 0;
  int64_t done = 0;
  if (old_v.empty()) {
    for (; pos <= v.size() && done < maxcount; ++done) {
      out.append(new_v);
      if (pos < v.size()) out.push_back(v[pos]);
      ++pos;
    }
    if (pos < v.size()) out.append(v.substr(pos));
    return make_like(ts, args[0], out);
  }
  while (done < maxcount) {
    int64_t f = unicode::find_bytes(v, old_v, pos);
    if (f < 0) break;
    out.append(v.substr(pos, static_cast<size_t>(f) - pos));
    out.append(new_v);
    pos = static_cast<size_t>(f) + old_v.size();
    ++done;
  }
  if (done == 0) return same_or_make(ts, args[0], v);
  out.append(v.substr(pos));
  return make_like(ts, args[0], out);
}

Value partition(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, bool reverse) {
  if (!check_positional(ts, reverse ? "rpartition" : "partition", nargs - 1, kwnames, 1, 1))
    return Value::null();
  std::string_view sep;
  if (!need_buffer(ts, args[1], &sep)) return Value::null();
  if (sep.empty()) return raise(ts, ts.exc_types().ValueError, "empty separator");
  std::string_view v = self_view(args);
  int64_t f = reverse ? unicode::rfind_bytes(v, sep) : unicode::find_bytes(v, sep);
  Ref parts[3];
  if (f < 0) {
    parts[0] = Ref::steal(reverse ? make_like(ts, args[0], "") : same_or_make(ts, args[0], v));
    parts[1] = Ref::steal(make_like(ts, args[0], ""));
    parts[2] = Ref::steal(reverse ? same_or_make(ts, args[0], v) : make_like(ts, args[0], ""));
  } else {
    auto at = static_cast<size_t>(f);
    parts[0] = Ref::steal(make_like(ts, args[0], v.substr(0, at)));
    parts[1] = Ref::steal(make_like(ts, args[0], sep));
    parts[2] = Ref::steal(make_like(ts, args[0], v.substr(at + sep.size())));
  }
  if (!parts[0] || !parts[1] || !parts[2]) return Value::null();
  return tuple_pack(ts, {parts[0].get(), parts[1].get(), parts[2].get()});
}

Value m_partition(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return partition(ts, a, n, k, false);
}
Value m_rpartition(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return partition(ts, a, n, k, true);
}

Value remove_affix(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, bool suffix) {
  if (!check_positional(ts, suffix ? "removesuffix" : "removeprefix", nargs - 1, kwnames, 1, 1))
    return Value::null();
  std::string_view affix;
  if (!need_buffer(ts, args[1], &affix)) return Value::null();
  std::string_view v = self_view(args);
  if (!affix.empty() && (suffix ? v.ends_with(affix) : v.starts_with(affix)))
    v = suffix ? v.substr(0, v.size() - affix.size()) : v.substr(affix.size());
  return same_or_make(ts, args[0], v);
}

Value m_removeprefix(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return remove_affix(ts, a, n, k, false);
}
Value m_removesuffix(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return remove_affix(ts, a, n, k, true);
}

enum class CaseOp { Upper, Lower, Swap, Title, Capitalize };

template <CaseOp Op>
Value m_case(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  static constexpr const char* kNames[] = {"upper", "lower", "swapcase", "title", "capitalize"};
  if (!no_args(ts, args, nargs, kwnames, kNames[static_cast<int>(Op)])) return Value::null();
  std::string out(self_view(args));
  bool prev_cased = false;
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    switch (Op) {
      case CaseOp::Upper:
        out[i] = unicode::ascii_upper(c);
        break;
      case CaseOp::Lower:
        out[i] = unicode::ascii_lower(c);
        break;
      case CaseOp::Swap:
        out[i] = unicode::ascii_is_upper(c) ? unicode::ascii_lower(c) : unicode::ascii_upper(c);
        break;
      case CaseOp::Title:
        out[i] = prev_cased ? unicode::ascii_lower(c) : unicode::ascii_upper(c);
        prev_cased = unicode::ascii_is_alpha(c);
        break;
      case CaseOp::Capitalize:
        out[i] = i == 0 ? unicode::ascii_upper(c) : unicode::ascii_lower(c);
        break;
    }
  }
  return make_like(ts, args[0], out);
}

template <bool (*Pred)(unsigned char), const char* Name>
Value m_all(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_args(ts, args, nargs, kwnames, Name)) return Value::null();
  std::string_view v = self_view(args);
  if (v.empty()) return ts.bool_value(false);
  for (char c : v)
    if (!Pred(static_cast<unsigned char>(c))) return ts.bool_value(false);
  return ts.bool_value(true);
}

constexpr char kIsDigit[] = "isdigit", kIsAlpha[] = "isalpha", kIsAlnum[] = "isalnum",
               kIsSpace[] = "isspace";
bool b_digit(unsigned char c) { return unicode::ascii_is_digit(c); }
bool b_alpha(unsigned char c) { return unicode::ascii_is_alpha(c); }
bool b_alnum(unsigned char c) { return unicode::ascii_is_alpha(c) || unicode::ascii_is_digit(c); }
bool b_space(unsigned char c) { return ascii_is_space(c); }

template <bool Upper>
Value m_case_pred(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_args(ts, args, nargs, kwnames, Upper ? "isupper" : "islower")) return Value::null();
  bool cased = false;
  for (char ch : self_view(args)) {
    auto c = static_cast<unsigned char>(ch);
    if (Upper ? unicode::ascii_is_lower(c) : unicode::ascii_is_upper(c))
      return ts.bool_value(false);
    cased |= Upper ? unicode::ascii_is_upper(c) : unicode::ascii_is_lower(c);
  }
  return ts.bool_value(cased);
}

Value m_isascii(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_args(ts, args, nargs, kwnames, "isascii")) return Value::null();
  return ts.bool_value(unicode::all_ascii(self_view(args)));
}

enum class Justify { Left, Right, Center };

template <Justify How>
Value m_justify(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* name = How == Justify::Left ? "ljust" : How == Justify::Right ? "rjust" : "center";
  if (!check_positional(ts, name, nargs - 1, kwnames, 1, 2)) return Value::null();
  int64_t width;
  if (!int_arg(ts, args[1], &width)) return Value::null();
  char fill = ' ';
  if (nargs > 2) {
    std::string_view f;
    if (!bytes_like_view(args[2], &f) || f.size() != 1)
      return raisef(ts, ts.exc_types().TypeError,
                    "{}() argument 2 must be a byte string of length 1, not {}", name,
                    type_name(ts, args[2]));
    fill = f[0];
  }
  std::string_view v = self_view(args);
  int64_t extra = width - static_cast<int64_t>(v.size());
  if (extra <= 0) return same_or_make(ts, args[0], v);
  int64_t left = How == Justify::Left    ? 0
                 : How == Justify::Right ? extra
                                         : extra / 2 + (extra & width & 1);
  std::string out(static_cast<size_t>(left), fill);
  out.append(v);
  out.append(static_cast<size_t>(extra - left), fill);
  return make_like(ts, args[0], out);
}

Value m_zfill(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "zfill", nargs - 1, kwnames, 1, 1)) return Value::null();
  int64_t width;
  if (!int_arg(ts, args[1], &width)) return Value::null();
  std::string_view v = self_view(args);
  int64_t extra = width - static_cast<int64_t>(v.size());
  if (extra <= 0) return same_or_make(ts, args[0], v);
  std::string out(static_cast<size_t>(extra), '0');
  out.append(v);
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out[0] = v[0];
    out[static_cast<size_t>(extra)] = '0';
  }
  return make_like(ts, args[0], out);
}

Value m_dunder_len(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_args(ts, args, nargs, kwnames, "__len__")) return Value::null();
  return Value::from_small(static_cast<int64_t>(self_view(args).size()));
}

Value m_dunder_getitem(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__getitem__", nargs - 1, kwnames, 1, 1)) return Value::null();
  return bytes_getitem_slot(ts, args[0], args[1]);
}

// ------------------------------------------------------ bytearray methods

Value ba_append(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "append", nargs - 1, kwnames, 1, 1)) return Value::null();
  int b;
  if (!byte_value(ts, args[1], &b, "byte must be in range(0, 256)")) return Value::null();
  as_bytearray(args[0])->buf.push_back(static_cast<char>(b));
  return ts.none();
}

Value ba_extend(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "extend", nargs - 1, kwnames, 1, 1)) return Value::null();
  std::string data;
  if (is_str_like(args[1]))
    return raise(ts, ts.exc_types().TypeError, "expected iterable of integers; got: 'str'");
  Value arg = args[1];
  if (!bytes_from_source(ts, "bytearray", &arg, 1, nullptr, &data)) return Value::null();
  as_bytearray(args[0])->buf += data;
  return ts.none();
}

Value ba_pop(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "pop", nargs - 1, kwnames, 0, 1)) return Value::null();
  std::string& buf = as_bytearray(args[0])->buf;
  if (buf.empty()) return raise(ts, ts.exc_types().IndexError, "pop from empty bytearray");
  int64_t i = -1;
  if (nargs > 1 && !int_arg(ts, args[1], &i)) return Value::null();
  if (!normalize_index(i, static_cast<int64_t>(buf.size())))
    return raise(ts, ts.exc_types().IndexError, "pop index out of range");
  auto c = static_cast<unsigned char>(buf[static_cast<size_t>(i)]);
  buf.erase(static_cast<size_t>(i), 1);
  return Value::from_small(c);
}

Value ba_insert(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "insert", nargs - 1, kwnames, 2, 2)) return Value::null();
  std::string& buf = as_bytearray(args[0])->buf;
  int64_t i;
  int b;
  if (!int_arg(ts, args[1], &i) || !byte_value(ts, args[2], &b, "byte must be in range(0, 256)"))
    return Value::null();
  auto n = static_cast<int64_t>(buf.size());
  if (i < 0) i = std::max<int64_t>(i + n, 0);
  if (i > n) i = n;
  buf.insert(buf.begin() + i, static_cast<char>(b));
  return ts.none();
}

Value ba_clear(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_args(ts, args, nargs, kwnames, "clear")) return Value::null();
  as_bytearray(args[0])->buf.clear();
  return ts.none();
}

Value ba_copy(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_args(ts, args, nargs, kwnames, "copy")) return Value::null();
  return bytearray_new(ts, self_view(args));
}

Value ba_reverse(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_args(ts, args, nargs, kwnames, "reverse")) return Value::null();
  std::string& buf = as_bytearray(args[0])->buf;
  std::reverse(buf.begin(), buf.end());
  return ts.none();
}

Value ba_remove(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "remove", nargs - 1, kwnames, 1, 1)) return Value::null();
  int b;
  if (!byte_value(ts, args[1], &b, "byte must be in range(0, 256)")) return Value::null();
  std::string& buf = as_bytearray(args[0])->buf;
  size_t at = buf.find(static_cast<char>(b));
  if (at == std::string::npos)
    return raise(ts, ts.exc_types().ValueError, "value not found in bytearray");
  buf.erase(at, 1);
  return ts.none();
}

void add_shared_methods(ThreadState& ts, Type* t) {
  static const struct {
    const char* name;
    NativeFn fn;
  } kMethods[] = {
      {"decode", m_decode},
      {"hex", m_hex},
      {"join", m_join},
      {"split", m_split},
      {"rsplit", m_rsplit},
      {"splitlines", m_splitlines},
      {"strip", m_strip},
      {"lstrip", m_lstrip},
      {"rstrip", m_rstrip},
      {"find", m_find},
      {"rfind", m_rfind},
      {"index", m_index},
      {"rindex", m_rindex},
      {"count", m_count},
      {"startswith", m_startswith},
      {"endswith", m_endswith},
      {"replace", m_replace},
      {"partition", m_partition},
      {"rpartition", m_rpartition},
      {"removeprefix", m_removeprefix},
      {"removesuffix", m_removesuffix},
      {"upper", m_case<CaseOp::Upper>},
      {"lower", m_case<CaseOp::Lower>},
      {"swapcase", m_case<CaseOp::Swap>},
      {"title", m_case<CaseOp::Title>},
      {"capitalize", m_case<CaseOp::Capitalize>},
      {"isdigit", m_all<b_digit, kIsDigit>},
      {"isalpha", m_all<b_alpha, kIsAlpha>},
      {"isalnum", m_all<b_alnum, kIsAlnum>},
      {"isspace", m_all<b_space, kIsSpace>},
      {"isupper", m_case_pred<true>},
      {"islower", m_case_pred<false>},
      {"isascii", m_isascii},
      {"center", m_justify<Justify::Center>},
      {"ljust", m_justify<Justify::Left>},
      {"rjust", m_justify<Justify::Right>},
      {"zfill", m_zfill},
      {"__len__", m_dunder_len},
      {"__getitem__", m_dunder_getitem},
  };
  for (const auto& m : kMethods) add_method(ts, t, m.name, m.fn);
}

void fill_common_slots(Type* t) {
  t->slots.compare = bytes_compare_slot;
  t->slots.binary = bytes_binary_slot;
  t->slots.len = bytes_len_slot;
  t->slots.truthy = bytes_truthy_slot;
  t->slots.getitem = bytes_getitem_slot;
  t->slots.contains = bytes_contains_slot;
  t->slots.iter = bytes_iter_slot;
}

}  // namespace

void init_bytes_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "bytes", nullptr, Tag::Bytes, sizeof(Bytes));
  ts.interp->types.bytes = t;
  fill_common_slots(t);
  t->slots.repr = bytes_repr_slot;
  t->slots.hash = bytes_hash_slot;
  t->slots.construct = bytes_construct;
  add_shared_methods(ts, t);
  Value fromhex = builtin_new(ts, "fromhex", m_fromhex<false>);
  type_set_attr(ts, t, "fromhex", fromhex);
  decref(fromhex);

  Type* ba = new_builtin_type(ts, "bytearray", nullptr, Tag::ByteArray, sizeof(ByteArray));
  ts.interp->types.bytearray = ba;
  fill_common_slots(ba);
  ba->slots.dealloc = bytearray_dealloc;
  ba->slots.repr = bytearray_repr_slot;
  ba->unhashable = true;
  ba->slots.setitem = bytearray_setitem_slot;
  ba->slots.inplace = bytearray_inplace_slot;
  ba->slots.construct = bytearray_construct;
  add_shared_methods(ts, ba);
  static const struct {
    const char* name;
    NativeFn fn;
  } kMutators[] = {
      {"append", ba_append}, {"extend", ba_extend}, {"pop", ba_pop},         {"insert", ba_insert},
      {"clear", ba_clear},   {"copy", ba_copy},     {"reverse", ba_reverse}, {"remove", ba_remove},
  };
  for (const auto& m : kMutators) add_method(ts, ba, m.name, m.fn);
  Value ba_fromhex = builtin_new(ts, "fromhex", m_fromhex<true>);
  type_set_attr(ts, ba, "fromhex", ba_fromhex);
  decref(ba_fromhex);
}

}  // namespace gilvm
