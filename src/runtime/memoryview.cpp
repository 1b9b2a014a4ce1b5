// memoryview: a one-dimensional view of unsigned bytes ('B' format) over a
// bytes or bytearray object, possibly strided by slicing.
//
// The view reads its exporter's buffer at every access rather than keeping
// a pointer, so a bytearray that grows or shrinks under it cannot leave it
// dangling (CPython forbids the resize instead; here an index past the
// exporter's current end raises IndexError).
#include "runtime/memoryview.h"

#include <algorithm>
#include <cstring>
#include <string>

#include <fmt/core.h>

#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/int.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

struct MemoryView : Object {
  Value obj;       // owned: the exporter (bytes or bytearray); null once released
  int64_t start;   // first byte in the exporter
  int64_t step;    // distance between items
  int64_t length;  // number of items
  bool readonly;
};

MemoryView* as_mv(Value v) { return static_cast<MemoryView*>(v.as_object()); }

void mv_dealloc(Object* self) { decref(static_cast<MemoryView*>(self)->obj); }

bool released(ThreadState& ts, MemoryView* m) {
  if (m->obj) return false;
  raise(ts, ts.exc_types().ValueError, "operation forbidden on released memoryview object");
  return true;
}

// The exporter's bytes; the view's items are data[start + i * step].
std::string_view exporter_data(MemoryView* m) {
  std::string_view data;
  bytes_like_view(m->obj, &data);
  return data;
}

bool item_offset(ThreadState& ts, MemoryView* m, int64_t index, size_t* out) {
  if (index < 0) index += m->length;
  if (index < 0 || index >= m->length) {
    raise(ts, ts.exc_types().IndexError, "index out of bounds on dimension 1");
    return false;
  }
  int64_t off = m->start + index * m->step;
  if (off < 0 || static_cast<size_t>(off) >= exporter_data(m).size()) {
    raise(ts, ts.exc_types().IndexError, "index out of bounds on dimension 1");
    return false;
  }
  *out = static_cast<size_t>(off);
  return true;
}

std::string contents(MemoryView* m) {
  std::string_view data = exporter_data(m);
  std::string out;
  out.reserve(static_cast<size_t>(m->length));
  for (int64_t i = 0; i < m->length; i++) {
    int64_t off = m->start + i * m->step;
    if (off >= 0 && static_cast<size_t>(off) < data.size()) out.push_back(data[static_cast<size_t>(off)]);
  }
  return out;
}

Value mv_make(ThreadState& ts, Type* type, Value obj, int64_t start, int64_t step, int64_t length, bool readonly) {
  MemoryView* m = alloc<MemoryView>(ts, type, Tag::Other);
  m->obj = newref(obj);
  m->start = start;
  m->step = step;
  m->length = length;
  m->readonly = readonly;
  return Value::from_object(m);
}

Value mv_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1] = {};
  if (!parse_args(ts, "memoryview", args, nargs, kwnames, {"object"}, 1, 1, a)) return Value::null();
  Value obj = a[0];
  if (is_memoryview(obj)) {
    MemoryView* src = as_mv(obj);
    if (released(ts, src)) return Value::null();
    return mv_make(ts, type, src->obj, src->start, src->step, src->length, src->readonly);
  }
  std::string_view data;
  if (!bytes_like_view(obj, &data))
    return raisef(ts, ts.exc_types().TypeError, "memoryview: a bytes-like object is required, not '{}'",
                  type_name(ts, obj));
  return mv_make(ts, type, obj, 0, 1, static_cast<int64_t>(data.size()), !has_layout(obj, Tag::ByteArray));
}

Value mv_repr(ThreadState& ts, Value self) {
  const char* what = as_mv(self)->obj ? "memory" : "released memory";
  return str_new(ts, fmt::format("<{} at {}>", what, static_cast<const void*>(self.as_object())));
}

int64_t mv_len(ThreadState& ts, Value self) {
  MemoryView* m = as_mv(self);
  if (released(ts, m)) return -1;
  return m->length;
}

Value mv_getitem(ThreadState& ts, Value self, Value key) {
  MemoryView* m = as_mv(self);
  if (released(ts, m)) return Value::null();
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, as_slice(key), m->length, &start, &stop, &step, &n)) return Value::null();
    return mv_make(ts, type_of(ts, self), m->obj, m->start + start * m->step, m->step * step, n, m->readonly);
  }
  int64_t index;
  if (!to_index(ts, key, &index)) {
    ts.clear_error();
    return raise(ts, ts.exc_types().TypeError, "memoryview: invalid slice key");
  }
  size_t off;
  if (!item_offset(ts, m, index, &off)) return Value::null();
  return Value::from_small(static_cast<unsigned char>(exporter_data(m)[off]));
}

int mv_setitem(ThreadState& ts, Value self, Value key, Value value) {
  MemoryView* m = as_mv(self);
  if (released(ts, m)) return -1;
  if (m->readonly) {
    raise(ts, ts.exc_types().TypeError, "cannot modify read-only memory");
    return -1;
  }
  if (!value) {
    raise(ts, ts.exc_types().TypeError, "cannot delete memory");
    return -1;
  }
  std::string& buf = as_bytearray(m->obj)->buf;
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, as_slice(key), m->length, &start, &stop, &step, &n)) return -1;
    std::string src;
    std::string_view v;
    if (is_memoryview(value)) {
      if (released(ts, as_mv(value))) return -1;
      src = contents(as_mv(value));
    } else if (bytes_like_view(value, &v)) {
      src = std::string(v);
    } else {
      raisef(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'", type_name(ts, value));
      return -1;
    }
    if (static_cast<int64_t>(src.size()) != n) {
      raise(ts, ts.exc_types().ValueError, "memoryview assignment: lvalue and rvalue have different structures");
      return -1;
    }
    for (int64_t i = 0; i < n; i++) {
      size_t off;
      if (!item_offset(ts, m, start + i * step, &off)) return -1;
      buf[off] = src[static_cast<size_t>(i)];
    }
    return 0;
  }
  int64_t index;
  if (!to_index(ts, key, &index)) {
    ts.clear_error();
    raise(ts, ts.exc_types().TypeError, "memoryview: invalid slice key");
    return -1;
  }
  if (!is_int_like(value)) {
    raisef(ts, ts.exc_types().TypeError, "memoryview: invalid type for format 'B'");
    return -1;
  }
  int64_t byte;
  if (!to_index(ts, value, &byte)) return -1;
  if (byte < 0 || byte > 255) {
    raise(ts, ts.exc_types().ValueError, "memoryview: invalid value for format 'B'");
    return -1;
  }
  size_t off;
  if (!item_offset(ts, m, index, &off)) return -1;
  buf[off] = static_cast<char>(byte);
  return 0;
}

Value mv_iter_next(ThreadState& ts, NativeIter* it) {
  MemoryView* m = as_mv(it->source);
  if (!m->obj || it->index >= m->length) return Value::null();
  size_t off;
  if (!item_offset(ts, m, it->index++, &off)) return Value::null();
  return Value::from_small(static_cast<unsigned char>(exporter_data(m)[off]));
}

Value mv_iter(ThreadState& ts, Value self) {
  if (released(ts, as_mv(self))) return Value::null();
  return native_iter_new(ts, "memoryview_iterator", mv_iter_next, self);
}

Value mv_compare(ThreadState& ts, Value self, Value other, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return newref(ts.interp->not_implemented);
  MemoryView* m = as_mv(self);
  bool eq;
  if (self.is(other)) {
    eq = true;
  } else if (!m->obj) {
    eq = false;
  } else {
    std::string mine = contents(m);
    std::string_view theirs;
    std::string tmp;
    if (is_memoryview(other)) {
      if (!as_mv(other)->obj) return newref(ts.bool_value(op == CompareOp::Ne));
      tmp = contents(as_mv(other));
      theirs = tmp;
    } else if (!bytes_like_view(other, &theirs)) {
      return newref(ts.interp->not_implemented);
    }
    eq = mine == theirs;
  }
  return newref(ts.bool_value(op == CompareOp::Eq ? eq : !eq));
}

int64_t mv_hash(ThreadState& ts, Value self) {
  MemoryView* m = as_mv(self);
  if (released(ts, m)) return -1;
  if (!m->readonly) {
    raise(ts, ts.exc_types().ValueError, "cannot hash writable memoryview object");
    return -1;
  }
  Ref b = Ref::steal(bytes_new(ts, contents(m)));
  if (!b) return -1;
  return hash(ts, b.get());
}

MemoryView* self_mv(ThreadState& ts, const Value* args) {
  MemoryView* m = as_mv(args[0]);
  return released(ts, m) ? nullptr : m;
}

Value m_tobytes(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1] = {};
  if (!parse_args(ts, "tobytes", args + 1, nargs - 1, kwnames, {"order"}, 0, 1, a)) return Value::null();
  MemoryView* m = self_mv(ts, args);
  return m ? bytes_new(ts, contents(m)) : Value::null();
}

Value m_tolist(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "tolist", nargs - 1, kwnames, 0, 0)) return Value::null();
  MemoryView* m = self_mv(ts, args);
  if (!m) return Value::null();
  std::string data = contents(m);
  Ref list = Ref::steal(list_new(ts, 0));
  if (!list) return Value::null();
  for (char c : data)
    if (!list_append(ts, as_list(list.get()), Value::from_small(static_cast<unsigned char>(c))))
      return Value::null();
  return list.release();
}

Value m_hex(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "hex", nargs - 1, kwnames, 0, 0)) return Value::null();
  MemoryView* m = self_mv(ts, args);
  if (!m) return Value::null();
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (char c : contents(m)) {
    out.push_back(kDigits[(static_cast<unsigned char>(c) >> 4) & 15]);
    out.push_back(kDigits[static_cast<unsigned char>(c) & 15]);
  }
  return str_new(ts, out);
}

Value m_release(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "release", nargs - 1, kwnames, 0, 0)) return Value::null();
  MemoryView* m = as_mv(args[0]);
  Value obj = m->obj;
  m->obj = Value::null();
  decref(obj);
  return newref(ts.none());
}

Value m_enter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__enter__", nargs - 1, kwnames, 0, 0)) return Value::null();
  if (released(ts, as_mv(args[0]))) return Value::null();
  return newref(args[0]);
}

Value m_exit(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
  return m_release(ts, args, 1, nullptr);
}

Value mv_getattr(ThreadState& ts, Value self, Str* name) {
  MemoryView* m = as_mv(self);
  std::string_view n = name->view();
  if (n == "obj" || n == "readonly" || n == "nbytes" || n == "format" || n == "itemsize" || n == "ndim" ||
      n == "shape" || n == "strides" || n == "contiguous" || n == "c_contiguous") {
    if (released(ts, m)) return Value::null();
    if (n == "obj") return newref(m->obj);
    if (n == "readonly") return newref(ts.bool_value(m->readonly));
    if (n == "nbytes") return Value::from_small(m->length);
    if (n == "format") return str_new(ts, "B");
    if (n == "itemsize" || n == "ndim") return Value::from_small(1);
    if (n == "shape") return tuple_pack(ts, {Value::from_small(m->length)});
    if (n == "strides") return tuple_pack(ts, {Value::from_small(m->step)});
    return newref(ts.bool_value(m->step == 1));
  }
  return generic_getattr(ts, self, name);
}

}  // namespace

bool is_memoryview(Value v) {
  return v.is_object() && has_tag(v, Tag::Other) && v.as_object()->type->slots.dealloc == mv_dealloc;
}

bool memoryview_contiguous_view(Value v, std::string_view* out) {
  if (!is_memoryview(v)) return false;
  MemoryView* m = as_mv(v);
  if (!m->obj || (m->step != 1 && m->length > 1)) return false;
  std::string_view data = exporter_data(m);
  if (m->length == 0) {
    *out = std::string_view();
    return true;
  }
  if (m->start < 0 || static_cast<size_t>(m->start + m->length) > data.size()) return false;
  *out = data.substr(static_cast<size_t>(m->start), static_cast<size_t>(m->length));
  return true;
}

bool memoryview_contents(Value v, std::string* out) {
  if (!is_memoryview(v) || !as_mv(v)->obj) return false;
  *out = contents(as_mv(v));
  return true;
}

bool writable_buffer(ThreadState& ts, Value v, const char* fname, const char* which, int64_t* len) {
  bool ok = has_layout(v, Tag::ByteArray);
  if (!ok && is_memoryview(v)) {
    Ref ro = Ref::steal(get_attr(ts, v, "readonly"));
    if (!ro) return false;
    ok = ro.get().is(ts.interp->false_);
  }
  if (!ok) {
    raisef(ts, ts.exc_types().TypeError, "{}() {} must be read-write bytes-like object, not {}", fname, which,
           type_name(ts, v));
    return false;
  }
  *len = length(ts, v);
  return *len >= 0;
}

bool fill_buffer(ThreadState& ts, Value target, const char* data, size_t n) {
  if (n == 0) return true;
  if (has_layout(target, Tag::ByteArray)) {
    std::string& buf = as_bytearray(target)->buf;
    std::memcpy(buf.data(), data, std::min(n, buf.size()));
    return true;
  }
  Ref chunk = Ref::steal(bytes_new(ts, {data, n}));
  Ref stop = Ref::steal(int_from_i64(ts, static_cast<int64_t>(n)));
  if (!chunk || !stop) return false;
  Ref slice = Ref::steal(slice_new(ts, Value::from_small(0), stop.get(), Value::null()));
  return slice && set_item(ts, target, slice.get(), chunk.get()) == 0;
}

void init_memoryview_type(ThreadState& ts, Dict* builtins) {
  Type* t = new_builtin_type(ts, "memoryview", nullptr, Tag::Other, sizeof(MemoryView));
  t->slots.dealloc = mv_dealloc;
  t->slots.construct = mv_construct;
  t->slots.repr = mv_repr;
  t->slots.len = mv_len;
  t->slots.getitem = mv_getitem;
  t->slots.setitem = mv_setitem;
  t->slots.iter = mv_iter;
  t->slots.compare = mv_compare;
  t->slots.hash = mv_hash;
  t->slots.getattr = mv_getattr;
  add_method(ts, t, "tobytes", m_tobytes);
  add_method(ts, t, "tolist", m_tolist);
  add_method(ts, t, "hex", m_hex);
  add_method(ts, t, "release", m_release);
  add_method(ts, t, "__enter__", m_enter);
  add_method(ts, t, "__exit__", m_exit);
  dict_set_str(ts, builtins, "memoryview", Value::from_object(t));
}

}  // namespace gilvm
