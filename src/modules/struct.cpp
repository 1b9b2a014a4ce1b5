// The `_struct` module: packing values into bytes and back (lib/struct.py
// adds the Struct class and struct.error on top).
//
// A format is parsed into (code, count) items once per call; sizes and
// alignment follow CPython: '@' (the default) is native size and alignment,
// '=' '<' '>' '!' standard sizes with no padding. Errors are raised as
// struct.error, looked up in sys.modules when one is needed.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/builtins.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

struct Item {
  char code;
  int64_t count;  // repeat count; for 's'/'p' the byte length
  int64_t size;   // size of one element (for s/p: 1)
  int64_t offset;
};

struct Format {
  bool little = true;
  bool native = true;
  std::vector<Item> items;
  int64_t size = 0;
  int64_t nvalues = 0;
};

Value struct_error(ThreadState& ts, std::string msg) {
  Type* type = ts.exc_types().ValueError;
  Value mod = dict_get_str(ts.interp->modules, str_intern(ts, "struct"));
  if (mod && is_module(mod)) {
    Value e = dict_get_str(as_module(mod)->dict, str_intern(ts, "error"));
    if (e && has_layout(e, Tag::Type)) type = static_cast<Type*>(e.as_object());
  }
  return raise(ts, type, std::move(msg));
}

int64_t code_size(char c, bool native) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': return 2;
    case 'e': return 2;
    case 'i': case 'I': return 4;
    case 'l': case 'L': return native ? static_cast<int64_t>(sizeof(long)) : 4;
    case 'q': case 'Q': return 8;
    case 'n': case 'N': return native ? static_cast<int64_t>(sizeof(size_t)) : -1;
    case 'P': return native ? static_cast<int64_t>(sizeof(void*)) : -1;
    case 'f': return 4;
    case 'd': return 8;
    default: return -1;
  }
}

bool parse_format(ThreadState& ts, Value fmt_v, Format* out) {
  std::string_view f;
  if (is_str_like(fmt_v)) f = as_str(fmt_v)->view();
  else if (!bytes_like_view(fmt_v, &f)) {
    raisef(ts, ts.exc_types().TypeError, "Struct() argument 1 must be a str or bytes object, not {}",
           type_name(ts, fmt_v));
    return false;
  }
  size_t i = 0;
  if (!f.empty()) {
    switch (f[0]) {
      case '@': out->native = true; i = 1; break;
      case '=': out->native = false; i = 1; break;
      case '<': out->native = false; i = 1; break;
      case '>': case '!': out->native = false; out->little = false; i = 1; break;
      default: break;
    }
  }
  int64_t offset = 0;
  while (i < f.size()) {
    char c = f[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    int64_t count = 1;
    bool has_count = false;
    if (c >= '0' && c <= '9') {
      count = 0;
      while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
        count = count * 10 + (f[i] - '0');
        if (count > (int64_t{1} << 40)) {
          struct_error(ts, "total struct size too long");
          return false;
        }
        ++i;
      }
      has_count = true;
      if (i >= f.size()) {
        struct_error(ts, "repeat count given without format specifier");
        return false;
      }
      c = f[i];
    }
    int64_t size = code_size(c, out->native);
    if (size < 0) {
      struct_error(ts, "bad char in struct format");
      return false;
    }
    (void)has_count;
    if (out->native && c != 's' && c != 'p' && c != 'x' && c != 'c' && c != 'b' && c != 'B' && c != '?') {
      int64_t align = size;
      offset = (offset + align - 1) / align * align;
    }
    Item item{c, count, size, offset};
    if (c == 's' || c == 'p') {
      offset += count;
      out->nvalues += 1;
    } else if (c == 'x') {
      offset += count;
    } else {
      offset += count * size;
      out->nvalues += count;
    }
    out->items.push_back(item);
    ++i;
  }
  out->size = offset;
  return true;
}

void put_uint(char* p, uint64_t v, int64_t size, bool little) {
  for (int64_t k = 0; k < size; k++) {
    int64_t idx = little ? k : size - 1 - k;
    p[idx] = static_cast<char>((v >> (8 * k)) & 0xff);
  }
}

uint64_t get_uint(const unsigned char* p, int64_t size, bool little) {
  uint64_t v = 0;
  for (int64_t k = 0; k < size; k++) {
    int64_t idx = little ? k : size - 1 - k;
    v |= static_cast<uint64_t>(p[idx]) << (8 * k);
  }
  return v;
}

bool is_signed_code(char c) { return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n'; }

std::string mpz_string(const mpz_t z) {
  char* c = mpz_get_str(nullptr, 10, z);
  std::string out(c);
  void (*freefn)(void*, size_t);
  mp_get_memory_functions(nullptr, nullptr, &freefn);
  freefn(c, std::strlen(c) + 1);
  return out;
}

bool pack_int(ThreadState& ts, const Format& fm, const Item& it, Value v, char* p) {
  if (!is_int_like(v)) {
    Ref idx = Ref::steal(get_attr_optional(ts, v, str_intern(ts, "__index__")));
    if (!idx || has_layout(v, Tag::Float)) {
      if (ts.has_error()) return false;
      struct_error(ts, "required argument is not an integer");
      return false;
    }
    Ref r = Ref::steal(call(ts, idx.get(), nullptr, 0));
    if (!r) return false;
    return pack_int(ts, fm, it, r.get(), p);
  }
  bool is_signed = is_signed_code(it.code);
  int64_t bits = it.size * 8;
  mpz_t z, lo, hi;
  mpz_inits(z, lo, hi, nullptr);
  int_to_mpz(v, z);
  if (is_signed) {
    mpz_ui_pow_ui(hi, 2, static_cast<unsigned long>(bits - 1));
    mpz_neg(lo, hi);
    mpz_sub_ui(hi, hi, 1);
  } else {
    mpz_set_ui(lo, 0);
    mpz_ui_pow_ui(hi, 2, static_cast<unsigned long>(bits));
    mpz_sub_ui(hi, hi, 1);
  }
  if (mpz_cmp(z, lo) < 0 || mpz_cmp(z, hi) > 0) {
    // CPython's wording varies with the code; huge or negative-unsigned
    // values overflow before the range check.
    std::string msg;
    const char* named = nullptr;
    switch (it.code) {
      case 'b': named = "byte"; break;
      case 'B': named = "ubyte"; break;
      case 'h': named = "short"; break;
      case 'H': named = "ushort"; break;
      default: break;
    }
    bool fits64 = mpz_sizeinbase(z, 2) <= 63;
    if (!named && (!fits64 || (!is_signed && mpz_sgn(z) < 0))) {
      msg = "argument out of range";
    } else {
      std::string what = named ? std::string(named) : fmt::format("'{}'", it.code);
      if (is_signed) msg = fmt::format("{} format requires {} <= number <= {}", what, mpz_string(lo), mpz_string(hi));
      else msg = fmt::format("{} format requires 0 <= number <= {}", what, mpz_string(hi));
    }
    mpz_clears(z, lo, hi, nullptr);
    struct_error(ts, msg);
    return false;
  }
  if (mpz_sgn(z) < 0) {
    mpz_t m;  // two's complement within 64 bits
    mpz_init(m);
    mpz_ui_pow_ui(m, 2, 64);
    mpz_add(z, z, m);
    mpz_clear(m);
  }
  uint64_t u = 0;
  size_t count = 0;
  mpz_export(&u, &count, -1, sizeof(uint64_t), 0, 0, z);
  mpz_clears(z, lo, hi, nullptr);
  put_uint(p, u, it.size, fm.little);
  return true;
}

// IEEE 754 half precision, round half to even.
uint16_t double_to_half(double x) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  x = std::fabs(x);
  if (std::isnan(x)) return sign | 0x7e00;
  if (std::isinf(x) || x >= 65520.0) return sign | 0x7c00;
  if (x < 6.103515625e-05) {  // subnormal
    double m = std::nearbyint(x / 5.9604644775390625e-08);
    return sign | static_cast<uint16_t>(m);
  }
  int e;
  double f = std::frexp(x, &e);  // x = f * 2^e, f in [0.5, 1)
  double m = std::nearbyint((f * 2 - 1) * 1024);
  int exp = e - 1 + 15;
  if (m >= 1024) {
    m = 0;
    ++exp;
  }
  if (exp >= 31) return sign | 0x7c00;
  return sign | static_cast<uint16_t>(exp << 10) | static_cast<uint16_t>(m);
}

double half_to_double(uint16_t h) {
  int exp = (h >> 10) & 0x1f;
  int mant = h & 0x3ff;
  double v;
  if (exp == 0) v = std::ldexp(mant, -24);
  else if (exp == 31) v = mant ? NAN : INFINITY;
  else v = std::ldexp(mant + 1024, exp - 25);
  return (h & 0x8000) ? -v : v;
}

bool pack_one(ThreadState& ts, const Format& fm, const Item& it, Value v, char* p) {
  switch (it.code) {
    case 'c': {
      std::string_view b;
      if (!has_layout(v, Tag::Str) && bytes_like_view(v, &b) && b.size() == 1) {
        *p = b[0];
        return true;
      }
      struct_error(ts, "char format requires a bytes object of length 1");
      return false;
    }
    case '?': {
      int t = truthy(ts, v);
      if (t < 0) return false;
      *p = static_cast<char>(t);
      return true;
    }
    case 'e': case 'f': case 'd': {
      double d;
      if (!(has_layout(v, Tag::Float) || is_int_like(v))) {
        struct_error(ts, "required argument is not a float");
        return false;
      }
      if (!to_double(ts, v, &d)) return false;
      if (it.code == 'd') {
        uint64_t u;
        std::memcpy(&u, &d, 8);
        put_uint(p, u, 8, fm.little);
      } else if (it.code == 'f') {
        float f = static_cast<float>(d);
        if (std::isinf(f) && !std::isinf(d)) {
          raise(ts, ts.exc_types().OverflowError, "float too large to pack with f format");
          return false;
        }
        uint32_t u;
        std::memcpy(&u, &f, 4);
        put_uint(p, u, 4, fm.little);
      } else {
        put_uint(p, double_to_half(d), 2, fm.little);
      }
      return true;
    }
    default:
      return pack_int(ts, fm, it, v, p);
  }
}

Value unpack_one(ThreadState& ts, const Format& fm, const Item& it, const unsigned char* p) {
  switch (it.code) {
    case 'c': return bytes_new(ts, std::string_view(reinterpret_cast<const char*>(p), 1));
    case '?': return newref(ts.bool_value(*p != 0));
    case 'd': {
      uint64_t u = get_uint(p, 8, fm.little);
      double d;
      std::memcpy(&d, &u, 8);
      return float_new(ts, d);
    }
    case 'f': {
      uint32_t u = static_cast<uint32_t>(get_uint(p, 4, fm.little));
      float f;
      std::memcpy(&f, &u, 4);
      return float_new(ts, f);
    }
    case 'e': return float_new(ts, half_to_double(static_cast<uint16_t>(get_uint(p, 2, fm.little))));
    default: {
      uint64_t u = get_uint(p, it.size, fm.little);
      if (is_signed_code(it.code)) {
        int64_t bits = it.size * 8;
        int64_t sv = bits == 64 ? static_cast<int64_t>(u)
                                : (static_cast<int64_t>(u << (64 - bits)) >> (64 - bits));
        return int_from_i64(ts, sv);
      }
      return int_from_u64(ts, u);
    }
  }
}

// Packs args into `out` (already sized fm.size, zeroed).
bool pack_into_buffer(ThreadState& ts, const Format& fm, const Value* args, size_t nargs, char* out,
                      const char* fname) {
  if (static_cast<int64_t>(nargs) != fm.nvalues) {
    struct_error(ts, fmt::format("{} expected {} items for packing (got {})", fname, fm.nvalues, nargs));
    return false;
  }
  size_t k = 0;
  for (const Item& it : fm.items) {
    char* p = out + it.offset;
    if (it.code == 'x') continue;
    if (it.code == 's' || it.code == 'p') {
      Value v = args[k++];
      std::string_view b;
      if (has_layout(v, Tag::Str) || !bytes_like_view(v, &b)) {
        struct_error(ts, fmt::format("argument for '{}' must be a bytes object", it.code));
        return false;
      }
      if (it.code == 's') {
        size_t n = std::min(b.size(), static_cast<size_t>(it.count));
        std::memcpy(p, b.data(), n);
      } else if (it.count > 0) {
        size_t n = std::min(b.size(), static_cast<size_t>(it.count - 1));
        n = std::min<size_t>(n, 255);
        p[0] = static_cast<char>(n);
        std::memcpy(p + 1, b.data(), n);
      }
      continue;
    }
    for (int64_t r = 0; r < it.count; r++) {
      if (!pack_one(ts, fm, it, args[k++], p + r * it.size)) return false;
    }
  }
  return true;
}

Value unpack_buffer(ThreadState& ts, const Format& fm, const unsigned char* data) {
  Value t = tuple_new(ts, fm.nvalues);
  if (!t) return t;
  Tuple* tp = as_tuple(t);
  int64_t k = 0;
  for (const Item& it : fm.items) {
    const unsigned char* p = data + it.offset;
    if (it.code == 'x') continue;
    Value v;
    if (it.code == 's') {
      v = bytes_new(ts, std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(it.count)));
    } else if (it.code == 'p') {
      size_t n = it.count > 0 ? std::min<size_t>(p[0], static_cast<size_t>(it.count - 1)) : 0;
      v = bytes_new(ts, std::string_view(reinterpret_cast<const char*>(p + 1), n));
    } else {
      for (int64_t r = 0; r < it.count; r++) {
        v = unpack_one(ts, fm, it, p + r * it.size);
        if (!v) {
          for (int64_t j = k; j < fm.nvalues; j++) tp->items[j] = Value::from_small(0);
          decref(t);
          return v;
        }
        tp->items[k++] = v;
      }
      continue;
    }
    if (!v) {
      for (int64_t j = k; j < fm.nvalues; j++) tp->items[j] = Value::from_small(0);
      decref(t);
      return v;
    }
    tp->items[k++] = v;
  }
  return t;
}

Value struct_pack(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && as_tuple(Value::from_object(kwnames))->size)
    return raise(ts, ts.exc_types().TypeError, "pack() takes no keyword arguments");
  if (nargs < 1) return raise(ts, ts.exc_types().TypeError, "pack expected at least 1 argument, got 0");
  Format fm;
  if (!parse_format(ts, args[0], &fm)) return Value::null();
  std::string out(static_cast<size_t>(fm.size), '\0');
  if (!pack_into_buffer(ts, fm, args + 1, nargs - 1, out.data(), "pack")) return Value::null();
  return bytes_new(ts, out);
}

Value struct_pack_into(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 3) return raisef(ts, ts.exc_types().TypeError, "pack_into expected at least 3 arguments, got {}", nargs);
  Format fm;
  if (!parse_format(ts, args[0], &fm)) return Value::null();
  if (!is_bytearray(args[1]))
    return raisef(ts, ts.exc_types().TypeError, "argument must be read-write bytes-like object, not {}",
                  type_name(ts, args[1]));
  ByteArray* ba = as_bytearray(args[1]);
  int64_t offset;
  if (!to_index(ts, args[2], &offset)) return Value::null();
  std::string_view view;
  bytes_like_view(args[1], &view);
  int64_t size = static_cast<int64_t>(view.size());
  if (offset < 0) offset += size;
  if (offset < 0 || size - offset < fm.size)
    return struct_error(ts, fmt::format("pack_into requires a buffer of at least {} bytes for packing {} bytes at "
                                        "offset {} (actual buffer size is {})",
                                        fm.size + offset, fm.size, offset, size));
  std::string out(static_cast<size_t>(fm.size), '\0');
  if (!pack_into_buffer(ts, fm, args + 3, nargs - 3, out.data(), "pack_into")) return Value::null();
  (void)ba;
  std::memcpy(const_cast<char*>(view.data()) + offset, out.data(), out.size());
  return newref(ts.none());
}

Value struct_unpack(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "unpack", nargs, kwnames, 2, 2)) return Value::null();
  Format fm;
  if (!parse_format(ts, args[0], &fm)) return Value::null();
  std::string_view data;
  if (!bytes_like_view(args[1], &data))
    return raisef(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'", type_name(ts, args[1]));
  if (static_cast<int64_t>(data.size()) != fm.size)
    return struct_error(ts, fmt::format("unpack requires a buffer of {} bytes", fm.size));
  return unpack_buffer(ts, fm, reinterpret_cast<const unsigned char*>(data.data()));
}

Value struct_unpack_from(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  if (!parse_args(ts, "unpack_from", args, nargs, kwnames, {"format", "buffer", "offset"}, 2, -1, a))
    return Value::null();
  Format fm;
  if (!parse_format(ts, a[0], &fm)) return Value::null();
  std::string_view data;
  if (!bytes_like_view(a[1], &data))
    return raisef(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'", type_name(ts, a[1]));
  int64_t offset = 0;
  if (a[2] && !to_index(ts, a[2], &offset)) return Value::null();
  int64_t size = static_cast<int64_t>(data.size());
  if (offset < 0) {
    if (offset + size < 0) return struct_error(ts, fmt::format("offset {} out of range for {}-byte buffer", offset, size));
    offset += size;
  }
  if (size - offset < fm.size) {
    if (offset > size)
      return struct_error(ts, fmt::format("offset {} out of range for {}-byte buffer", offset, size));
    return struct_error(ts, fmt::format("unpack_from requires a buffer of at least {} bytes for unpacking {} "
                                        "bytes at offset {} (actual buffer size is {})",
                                        fm.size + offset, fm.size, offset, size));
  }
  return unpack_buffer(ts, fm, reinterpret_cast<const unsigned char*>(data.data()) + offset);
}

Value struct_iter_unpack(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "iter_unpack", nargs, kwnames, 2, 2)) return Value::null();
  Format fm;
  if (!parse_format(ts, args[0], &fm)) return Value::null();
  if (fm.size == 0) return struct_error(ts, "cannot iteratively unpack with a struct of length 0");
  std::string_view data;
  if (!bytes_like_view(args[1], &data))
    return raisef(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'", type_name(ts, args[1]));
  if (static_cast<int64_t>(data.size()) % fm.size != 0)
    return struct_error(ts, fmt::format("iterative unpacking requires a buffer of a multiple of {} bytes", fm.size));
  Ref list = Ref::steal(list_new(ts));
  if (!list) return Value::null();
  for (size_t off = 0; off < data.size(); off += static_cast<size_t>(fm.size)) {
    Value t = unpack_buffer(ts, fm, reinterpret_cast<const unsigned char*>(data.data()) + off);
    if (!t || !list_append_steal(ts, as_list(list.get()), t)) return Value::null();
  }
  return get_iter(ts, list.get());
}

Value struct_calcsize(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "calcsize", nargs, kwnames)) return Value::null();
  Format fm;
  if (!parse_format(ts, args[0], &fm)) return Value::null();
  return int_from_i64(ts, fm.size);
}

}  // namespace

Value make_struct_native_module(ThreadState& ts) {
  Value m = module_new(ts, "_struct");
  if (!m) return Value::null();
  Dict* d = as_module(m)->dict;
  add_function(ts, d, "pack", struct_pack);
  add_function(ts, d, "pack_into", struct_pack_into);
  add_function(ts, d, "unpack", struct_unpack);
  add_function(ts, d, "unpack_from", struct_unpack_from);
  add_function(ts, d, "iter_unpack", struct_iter_unpack);
  add_function(ts, d, "calcsize", struct_calcsize);
  return m;
}

}  // namespace gilvm
