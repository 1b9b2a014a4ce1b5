// The methods of str (split, join, find, upper, ...).
//
// Every method works on the UTF-8 bytes directly and converts between byte
// offsets and code-point indices only at its edges (arguments in, indices
// out), so ASCII strings pay nothing and non-ASCII strings pay one scan.
// Case mappings and predicates take an ASCII fast path before consulting
// the Unicode tables.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/codecs.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/format.h"
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

using unicode::decode_advance;

inline Str* self_str(const Value* args) { return as_str(args[0]); }

std::vector<uint32_t> decode_all(std::string_view text) {
  std::vector<uint32_t> out;
  out.reserve(text.size());
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) out.push_back(decode_advance(p));
  return out;
}

Value new_str_from(ThreadState& ts, const std::string& text, bool known_ascii) {
  if (known_ascii) return str_new_meta(ts, text, static_cast<int64_t>(text.size()), true);
  return str_new(ts, text);
}

// Returns s itself for an exact str (immutable, so sharing is safe),
// otherwise a copy as an exact str.
Value same_or_copy(ThreadState& ts, Str* s) {
  Value v = Value::from_object(s);
  if (is_str(v)) return newref(v);
  return str_new_meta(ts, s->view(), s->length, s->ascii);
}

bool require_str(ThreadState& ts, Value v, const char* prefix) {
  if (is_str_like(v)) return true;
  raisef(ts, ts.exc_types().TypeError, "{}must be str, not {}", prefix, type_name(ts, v));
  return false;
}

bool int_arg(ThreadState& ts, Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.as_small();
    return true;
  }
  return to_index(ts, v, out);
}

// Appends a piece [b, e) of s to a result list.
bool append_piece(ThreadState& ts, List* list, Str* s, size_t b, size_t e) {
  Value piece = str_substr(ts, s, b, e);
  return !piece.is_null() && list_append_steal(ts, list, piece);
}

// ------------------------------------------------------------------ join

Value str_join(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "join", nargs - 1, kwnames, 1, 1)) return Value::null();
  Str* sep = self_str(args);
  Ref holder;
  Value seq = args[1];
  if (!is_list(seq) && !is_tuple(seq)) {
    holder = Ref::steal(list_from_iterable(ts, seq));
    if (!holder) return Value::null();
    seq = holder.get();
  }
  const Value* items = is_list(seq) ? as_list(seq)->items : as_tuple(seq)->items;
  int64_t n = is_list(seq) ? as_list(seq)->size : as_tuple(seq)->size;
  if (n == 0) return newref(ts.interp->empty_str);
  if (n == 1 && is_str(items[0])) return newref(items[0]);
  int64_t nbytes = sep->nbytes * (n - 1);
  int64_t length = sep->length * (n - 1);
  bool ascii = sep->ascii;
  for (int64_t i = 0; i < n; ++i) {
    if (!is_str_like(items[i]))
      return raisef(ts, ts.exc_types().TypeError,
                    "sequence item {}: expected str instance, {} found", i,
                    type_name(ts, items[i]));
    Str* it = as_str(items[i]);
    nbytes += it->nbytes;
    length += it->length;
    ascii &= it->ascii;
  }
  Str* r = str_alloc(ts, nbytes);
  char* out = r->data;
  for (int64_t i = 0; i < n; ++i) {
    if (i && sep->nbytes) {
      std::memcpy(out, sep->data, static_cast<size_t>(sep->nbytes));
      out += sep->nbytes;
    }
    Str* it = as_str(items[i]);
    std::memcpy(out, it->data, static_cast<size_t>(it->nbytes));
    out += it->nbytes;
  }
  str_set_meta(r, length, ascii);
  return Value::from_object(r);
}

// ----------------------------------------------------------------- split

bool parse_split_args(ThreadState& ts, const char* name, const Value* args, size_t nargs,
                      Tuple* kwnames, Str** sep, int64_t* maxsplit) {
  Value a[2];
  if (!kwnames && nargs <= 3) {
    // Positional arguments only (s.split(" ")): skip the generic parser.
    a[0] = nargs > 1 ? args[1] : Value::null();
    a[1] = nargs > 2 ? args[2] : Value::null();
  } else if (!parse_args(ts, name, args + 1, nargs - 1, kwnames, {"sep", "maxsplit"}, 0, -1, a)) {
    return false;
  }
  *sep = nullptr;
  *maxsplit = -1;
  if (!a[0].is_null() && !a[0].is(ts.none())) {
    if (!is_str_like(a[0])) {
      raisef(ts, ts.exc_types().TypeError, "must be str or None, not {}", type_name(ts, a[0]));
      return false;
    }
    *sep = as_str(a[0]);
    if ((*sep)->nbytes == 0) {
      raise(ts, ts.exc_types().ValueError, "empty separator");
      return false;
    }
  }
  if (!a[1].is_null() && !int_arg(ts, a[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

// Whitespace test on the code point at byte offset pos; sets its length.
inline bool space_at(const Str* s, size_t pos, size_t* len) {
  auto c = static_cast<unsigned char>(s->data[pos]);
  if (c < 0x80) {
    *len = 1;
    return unicode::is_space(c);
  }
  const char* p = s->data + pos;
  uint32_t cp = decode_advance(p);
  *len = static_cast<size_t>(p - (s->data + pos));
  return unicode::is_space(cp);
}

// Whitespace before byte offset pos (pos > 0); sets its length.
inline bool space_before(const Str* s, size_t pos, size_t* len) {
  size_t b = pos - 1;
  while (b > 0 && unicode::is_continuation(static_cast<unsigned char>(s->data[b]))) --b;
  *len = pos - b;
  if (*len == 1) return unicode::is_space(static_cast<unsigned char>(s->data[b]));
  const char* p = s->data + b;
  return unicode::is_space(decode_advance(p));
}

Value str_split(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Str* sep;
  int64_t maxsplit;
  if (!parse_split_args(ts, "split", args, nargs, kwnames, &sep, &maxsplit)) return Value::null();
  Str* s = self_str(args);
  Ref result = Ref::steal(list_new(ts, 0));
  if (!result) return Value::null();
  List* list = as_list(result.get());
  auto n = static_cast<size_t>(s->nbytes);
  if (sep) {
    std::string_view text = s->view(), needle = sep->view();
    size_t pos = 0;
    for (int64_t k = 0; k < maxsplit; ++k) {
      int64_t f = unicode::find_bytes(text, needle, pos);
      if (f < 0) break;
      if (!append_piece(ts, list, s, pos, static_cast<size_t>(f))) return Value::null();
      pos = static_cast<size_t>(f) + needle.size();
    }
    if (pos == 0 && is_str(args[0])) {
      if (!list_append(ts, list, args[0])) return Value::null();
    } else if (!append_piece(ts, list, s, pos, n)) {
      return Value::null();
    }
    return result.release();
  }
  size_t pos = 0, len = 0;
  int64_t splits = 0;
  while (pos < n) {
    while (pos < n && space_at(s, pos, &len)) pos += len;
    if (pos >= n) break;
    if (splits++ >= maxsplit) {
      // The remainder keeps its trailing whitespace, as in CPython.
      if (!append_piece(ts, list, s, pos, n)) return Value::null();
      break;
    }
    size_t start = pos;
    while (pos < n && !space_at(s, pos, &len)) pos += len;
    if (!append_piece(ts, list, s, start, pos)) return Value::null();
  }
  return result.release();
}

Value reverse_list(Ref& result) {
  List* l = as_list(result.get());
  std::reverse(l->items, l->items + l->size);
  return result.release();
}

Value str_rsplit(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Str* sep;
  int64_t maxsplit;
  if (!parse_split_args(ts, "rsplit", args, nargs, kwnames, &sep, &maxsplit)) return Value::null();
  Str* s = self_str(args);
  Ref result = Ref::steal(list_new(ts, 0));
  if (!result) return Value::null();
  List* list = as_list(result.get());
  auto n = static_cast<size_t>(s->nbytes);
  if (sep) {
    std::string_view text = s->view(), needle = sep->view();
    size_t end = n;
    for (int64_t k = 0; k < maxsplit; ++k) {
      int64_t f = unicode::rfind_bytes(text.substr(0, end), needle);
      if (f < 0) break;
      if (!append_piece(ts, list, s, static_cast<size_t>(f) + needle.size(), end))
        return Value::null();
      end = static_cast<size_t>(f);
    }
    if (!append_piece(ts, list, s, 0, end)) return Value::null();
    return reverse_list(result);
  }
  size_t pos = n, len = 0;
  int64_t splits = 0;
  while (pos > 0) {
    while (pos > 0 && space_before(s, pos, &len)) pos -= len;
    if (pos == 0) break;
    if (splits++ >= maxsplit) {
      if (!append_piece(ts, list, s, 0, pos)) return Value::null();
      break;
    }
    size_t end = pos;
    while (pos > 0 && !space_before(s, pos, &len)) pos -= len;
    if (!append_piece(ts, list, s, pos, end)) return Value::null();
  }
  return reverse_list(result);
}

Value str_splitlines(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  if (!parse_args(ts, "splitlines", args + 1, nargs - 1, kwnames, {"keepends"}, 0, -1, a))
    return Value::null();
  bool keepends = false;
  if (!a[0].is_null()) {
    int t = truthy(ts, a[0]);
    if (t < 0) return Value::null();
    keepends = t;
  }
  Str* s = self_str(args);
  Ref result = Ref::steal(list_new(ts, 0));
  if (!result) return Value::null();
  List* list = as_list(result.get());
  auto n = static_cast<size_t>(s->nbytes);
  size_t pos = 0, line_start = 0;
  while (pos < n) {
    const char* p = s->data + pos;
    uint32_t cp = decode_advance(p);
    size_t next = static_cast<size_t>(p - s->data);
    if (!unicode::is_linebreak(cp)) {
      pos = next;
      continue;
    }
    size_t eol = next;
    if (cp == '\r' && eol < n && s->data[eol] == '\n') ++eol;
    if (!append_piece(ts, list, s, line_start, keepends ? eol : pos)) return Value::null();
    pos = line_start = eol;
  }
  if (line_start < n && !append_piece(ts, list, s, line_start, n)) return Value::null();
  return result.release();
}

// ---------------------------------------------------------------- strip

enum StripSide { kLeft = 1, kRight = 2, kBoth = 3 };

Value do_strip(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, const char* name,
               int side) {
  if (!check_positional(ts, name, nargs - 1, kwnames, 0, 1)) return Value::null();
  Str* s = self_str(args);
  Value chars = nargs > 1 ? args[1] : Value::null();
  if (!chars.is_null() && !chars.is(ts.none()) && !is_str_like(chars))
    return raisef(ts, ts.exc_types().TypeError, "{} arg must be None or str", name);
  const char* data = s->data;
  size_t b = 0, e = static_cast<size_t>(s->nbytes);
  bool whitespace = chars.is_null() || chars.is(ts.none());
  if (!whitespace && as_str(chars)->ascii) {
    // Byte table: non-ASCII bytes of s never match an ASCII set.
    bool table[256] = {};
    for (char c : as_str(chars)->view()) table[static_cast<unsigned char>(c)] = true;
    if (side & kLeft)
      while (b < e && table[static_cast<unsigned char>(data[b])]) ++b;
    if (side & kRight)
      while (e > b && table[static_cast<unsigned char>(data[e - 1])]) --e;
  } else {
    std::vector<uint32_t> set;
    if (!whitespace) set = decode_all(as_str(chars)->view());
    auto matches = [&](uint32_t cp) {
      return whitespace ? unicode::is_space(cp)
                        : std::find(set.begin(), set.end(), cp) != set.end();
    };
    if (side & kLeft) {
      while (b < e) {
        const char* p = data + b;
        if (!matches(decode_advance(p))) break;
        b = static_cast<size_t>(p - data);
      }
    }
    if (side & kRight) {
      while (e > b) {
        size_t k = e - 1;
        while (k > b && unicode::is_continuation(static_cast<unsigned char>(data[k]))) --k;
        const char* p = data + k;
        if (!matches(decode_advance(p))) break;
        e = k;
      }
    }
  }
  if (b == 0 && e == static_cast<size_t>(s->nbytes)) return same_or_copy(ts, s);
  return str_substr(ts, s, b, e);
}

Value str_strip(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return do_strip(ts, a, n, k, "strip", kBoth);
}
Value str_lstrip(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return do_strip(ts, a, n, k, "lstrip", kLeft);
}
Value str_rstrip(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return do_strip(ts, a, n, k, "rstrip", kRight);
}

// --------------------------------------------------------------- search

// Parses (sub, [start, [end]]) and resolves the byte window to search.
struct SearchArgs {
  Str* sub;
  int64_t lo, hi;   // code-point bounds; lo > hi means "no match possible"
  size_t blo, bhi;  // byte bounds when lo <= hi
};

bool parse_search(ThreadState& ts, const char* name, const Value* args, size_t nargs,
                  Tuple* kwnames, SearchArgs* out) {
  if (!check_positional(ts, name, nargs - 1, kwnames, 1, 3)) return false;
  if (!require_str(ts, args[1], "")) return false;
  Str* s = self_str(args);
  out->sub = as_str(args[1]);
  if (!text_bounds(ts, nargs > 2 ? args[2] : Value::null(), nargs > 3 ? args[3] : Value::null(),
                   s->length, &out->lo, &out->hi))
    return false;
  if (out->lo <= out->hi) {
    out->blo = str_byte_offset(s, out->lo);
    out->bhi = out->hi == s->length ? static_cast<size_t>(s->nbytes) : str_byte_offset(s, out->hi);
  }
  return true;
}

// Forward (or reverse) search; returns the code-point index or -1, or -2
// on error.
int64_t search(ThreadState& ts, const char* name, const Value* args, size_t nargs, Tuple* kwnames,
               bool reverse) {
  SearchArgs sa;
  if (!parse_search(ts, name, args, nargs, kwnames, &sa)) return -2;
  if (sa.lo > sa.hi) return -1;
  Str* s = self_str(args);
  std::string_view window(s->data + sa.blo, sa.bhi - sa.blo);
  int64_t f = reverse ? unicode::rfind_bytes(window, sa.sub->view())
                      : unicode::find_bytes(window, sa.sub->view());
  if (f < 0) return -1;
  if (s->ascii) return sa.lo + f;
  return sa.lo + unicode::count_code_points(window.substr(0, static_cast<size_t>(f)));
}

Value search_result(ThreadState& ts, int64_t r, bool raise_missing) {
  if (r == -2) return Value::null();
  if (r == -1 && raise_missing) return raise(ts, ts.exc_types().ValueError, "substring not found");
  return Value::from_small(r);
}

Value str_find(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return search_result(ts, search(ts, "find", a, n, k, false), false);
}
Value str_rfind(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return search_result(ts, search(ts, "rfind", a, n, k, true), false);
}
Value str_index(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return search_result(ts, search(ts, "index", a, n, k, false), true);
}
Value str_rindex(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return search_result(ts, search(ts, "rindex", a, n, k, true), true);
}

Value str_count(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SearchArgs sa;
  if (!parse_search(ts, "count", args, nargs, kwnames, &sa)) return Value::null();
  if (sa.lo > sa.hi) return Value::from_small(0);
  if (sa.sub->nbytes == 0) return Value::from_small(sa.hi - sa.lo + 1);
  Str* s = self_str(args);
  std::string_view window(s->data + sa.blo, sa.bhi - sa.blo);
  return Value::from_small(unicode::count_bytes(window, sa.sub->view()));
}

Value tail_match(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, const char* name,
                 bool at_end) {
  if (!check_positional(ts, name, nargs - 1, kwnames, 1, 3)) return Value::null();
  Str* s = self_str(args);
  int64_t lo, hi;
  if (!text_bounds(ts, nargs > 2 ? args[2] : Value::null(), nargs > 3 ? args[3] : Value::null(),
                   s->length, &lo, &hi))
    return Value::null();
  Value prefixes = args[1];
  const Value* items = &prefixes;
  int64_t count = 1;
  if (is_tuple(prefixes)) {
    items = as_tuple(prefixes)->items;
    count = as_tuple(prefixes)->size;
  } else if (!is_str_like(prefixes)) {
    return raisef(ts, ts.exc_types().TypeError,
                  "{} first arg must be str or a tuple of str, not {}", name,
                  type_name(ts, prefixes));
  }
  if (lo > hi) {
    // CPython still type-checks tuple items before giving up.
    for (int64_t i = 0; i < count; ++i)
      if (!is_str_like(items[i]))
        return raisef(ts, ts.exc_types().TypeError, "tuple for {} must only contain str, not {}",
                      name, type_name(ts, items[i]));
    return ts.bool_value(false);
  }
  size_t blo = str_byte_offset(s, lo);
  size_t bhi = hi == s->length ? static_cast<size_t>(s->nbytes) : str_byte_offset(s, hi);
  std::string_view window(s->data + blo, bhi - blo);
  for (int64_t i = 0; i < count; ++i) {
    if (!is_str_like(items[i]))
      return raisef(ts, ts.exc_types().TypeError, "tuple for {} must only contain str, not {}",
                    name, type_name(ts, items[i]));
    std::string_view p = as_str(items[i])->view();
    if (at_end ? window.ends_with(p) : window.starts_with(p)) return ts.bool_value(true);
  }
  return ts.bool_value(false);
}

Value str_startswith(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return tail_match(ts, a, n, k, "startswith", false);
}
Value str_endswith(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return tail_match(ts, a, n, k, "endswith", true);
}

Value str_replace(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "replace", nargs - 1, kwnames, 2, 3)) return Value::null();
  for (int i = 1; i <= 2; ++i)
    if (!is_str_like(args[i]))
      return raisef(ts, ts.exc_types().TypeError, "replace() argument {} must be str, not {}", i,
                    type_name(ts, args[i]));
  int64_t maxcount = -1;
  if (nargs > 3 && !int_arg(ts, args[3], &maxcount)) return Value::null();
  Str* s = self_str(args);
  Str* old_s = as_str(args[1]);
  Str* new_s = as_str(args[2]);
  std::string_view text = s->view(), old_v = old_s->view(), new_v = new_s->view();
  if (maxcount < 0) maxcount = INT64_MAX;
  int64_t n;
  if (old_v.empty())
    n = std::min(maxcount, s->length + 1);
  else
    n = unicode::count_bytes(text, old_v, maxcount);
  if (n == 0) return same_or_copy(ts, s);
  int64_t nbytes = s->nbytes + n * (new_s->nbytes - old_s->nbytes);
  Str* r = str_alloc(ts, nbytes);
  char* out = r->data;
  size_t pos = 0;
  for (int64_t k = 0; k < n; ++k) {
    size_t f;
    if (old_v.empty()) {
      // Insert before each code point (and at the end).
      f = pos;
    } else {
      f = static_cast<size_t>(unicode::find_bytes(text, old_v, pos));
    }
    std::memcpy(out, text.data() + pos, f - pos);
    out += f - pos;
    std::memcpy(out, new_v.data(), new_v.size());
    out += new_v.size();
    pos = f + old_v.size();
    if (old_v.empty() && pos < text.size()) {
      auto len = static_cast<size_t>(unicode::seq_length(static_cast<unsigned char>(text[pos])));
      std::memcpy(out, text.data() + pos, len);
      out += len;
      pos += len;
    }
  }
  std::memcpy(out, text.data() + pos, text.size() - pos);
  str_set_meta(r, s->length + n * (new_s->length - old_s->length), s->ascii && new_s->ascii);
  return Value::from_object(r);
}

Value partition(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, bool reverse) {
  if (!check_positional(ts, reverse ? "rpartition" : "partition", nargs - 1, kwnames, 1, 1))
    return Value::null();
  if (!require_str(ts, args[1], "")) return Value::null();
  Str* s = self_str(args);
  Str* sep = as_str(args[1]);
  if (sep->nbytes == 0) return raise(ts, ts.exc_types().ValueError, "empty separator");
  int64_t f = reverse ? unicode::rfind_bytes(s->view(), sep->view())
                      : unicode::find_bytes(s->view(), sep->view());
  Value empty = ts.interp->empty_str;
  if (f < 0) {
    Ref whole = Ref::steal(same_or_copy(ts, s));
    return reverse ? tuple_pack(ts, {empty, empty, whole.get()})
                   : tuple_pack(ts, {whole.get(), empty, empty});
  }
  Ref head = Ref::steal(str_substr(ts, s, 0, static_cast<size_t>(f)));
  Ref tail = Ref::steal(
      str_substr(ts, s, static_cast<size_t>(f + sep->nbytes), static_cast<size_t>(s->nbytes)));
  if (!head || !tail) return Value::null();
  Ref sep_copy = Ref::steal(same_or_copy(ts, sep));
  return tuple_pack(ts, {head.get(), sep_copy.get(), tail.get()});
}

Value str_partition(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return partition(ts, a, n, k, false);
}
Value str_rpartition(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return partition(ts, a, n, k, true);
}

Value remove_affix(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, bool suffix) {
  const char* name = suffix ? "removesuffix" : "removeprefix";
  if (!check_positional(ts, name, nargs - 1, kwnames, 1, 1)) return Value::null();
  if (!is_str_like(args[1]))
    return raisef(ts, ts.exc_types().TypeError, "{}() argument must be str, not {}", name,
                  type_name(ts, args[1]));
  Str* s = self_str(args);
  std::string_view text = s->view(), affix = as_str(args[1])->view();
  if (affix.empty() || !(suffix ? text.ends_with(affix) : text.starts_with(affix)))
    return same_or_copy(ts, s);
  return suffix ? str_substr(ts, s, 0, text.size() - affix.size())
                : str_substr(ts, s, affix.size(), text.size());
}

Value str_removeprefix(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return remove_affix(ts, a, n, k, false);
}
Value str_removesuffix(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return remove_affix(ts, a, n, k, true);
}

// ------------------------------------------------------------------ case

// lower() of Σ depends on its neighbours (final sigma, Unicode 3.13 rule).
uint32_t lower_sigma(const std::vector<uint32_t>& cps, size_t i) {
  size_t j = i;
  while (j > 0 && unicode::is_case_ignorable(cps[j - 1])) --j;
  bool final_sigma = j > 0 && unicode::is_cased(cps[j - 1]);
  if (final_sigma) {
    size_t k = i + 1;
    while (k < cps.size() && unicode::is_case_ignorable(cps[k])) ++k;
    final_sigma = k == cps.size() || !unicode::is_cased(cps[k]);
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

void append_lower_at(std::string& out, const std::vector<uint32_t>& cps, size_t i) {
  if (cps[i] == 0x3A3)
    utf8_append(out, lower_sigma(cps, i));
  else
    unicode::append_lower(out, cps[i]);
}

enum class CaseOp { Upper, Lower, Fold, Swap, Title, Capitalize };

Value change_case(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames,
                  const char* name, CaseOp op) {
  if (!check_positional(ts, name, nargs - 1, kwnames, 0, 0)) return Value::null();
  Str* s = self_str(args);
  if (s->ascii) {
    Str* r = str_alloc(ts, s->nbytes);
    const char* in = s->data;
    char* out = r->data;
    int64_t n = s->nbytes;
    bool prev_cased = false;
    for (int64_t i = 0; i < n; ++i) {
      auto c = static_cast<unsigned char>(in[i]);
      switch (op) {
        case CaseOp::Upper:
          out[i] = unicode::ascii_upper(c);
          break;
        case CaseOp::Lower:
        case CaseOp::Fold:
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
    str_set_meta(r, n, true);
    return Value::from_object(r);
  }
  std::vector<uint32_t> cps = decode_all(s->view());
  std::string out;
  out.reserve(static_cast<size_t>(s->nbytes) + 8);
  bool prev_cased = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    uint32_t c = cps[i];
    switch (op) {
      case CaseOp::Upper:
        unicode::append_upper(out, c);
        break;
      case CaseOp::Lower:
        append_lower_at(out, cps, i);
        break;
      case CaseOp::Fold:
        unicode::append_casefold(out, c);
        break;
      case CaseOp::Swap:
        if (unicode::is_upper(c))
          append_lower_at(out, cps, i);
        else if (unicode::is_lower(c))
          unicode::append_upper(out, c);
        else
          utf8_append(out, c);
        break;
      case CaseOp::Title:
        if (prev_cased)
          append_lower_at(out, cps, i);
        else
          unicode::append_title(out, c);
        prev_cased = unicode::is_cased(c);
        break;
      case CaseOp::Capitalize:
        if (i == 0)
          unicode::append_title(out, c);
        else
          append_lower_at(out, cps, i);
        break;
    }
  }
  return str_new(ts, out);
}

Value str_upper(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return change_case(ts, a, n, k, "str.upper", CaseOp::Upper);
}
Value str_lower(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return change_case(ts, a, n, k, "str.lower", CaseOp::Lower);
}
Value str_casefold(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return change_case(ts, a, n, k, "str.casefold", CaseOp::Fold);
}
Value str_swapcase(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return change_case(ts, a, n, k, "str.swapcase", CaseOp::Swap);
}
Value str_title(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return change_case(ts, a, n, k, "str.title", CaseOp::Title);
}
Value str_capitalize(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return change_case(ts, a, n, k, "str.capitalize", CaseOp::Capitalize);
}

// ------------------------------------------------------------ predicates

template <bool (*Pred)(uint32_t), bool (*AsciiPred)(unsigned char)>
Value all_chars(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames,
                const char* name) {
  if (!check_positional(ts, name, nargs - 1, kwnames, 0, 0)) return Value::null();
  Str* s = self_str(args);
  if (s->nbytes == 0) return ts.bool_value(false);
  if (s->ascii) {
    for (int64_t i = 0; i < s->nbytes; ++i)
      if (!AsciiPred(static_cast<unsigned char>(s->data[i]))) return ts.bool_value(false);
    return ts.bool_value(true);
  }
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end)
    if (!Pred(decode_advance(p))) return ts.bool_value(false);
  return ts.bool_value(true);
}

bool ascii_digit(unsigned char c) { return unicode::ascii_is_digit(c); }
bool ascii_alpha(unsigned char c) { return unicode::ascii_is_alpha(c); }
bool ascii_alnum(unsigned char c) {
  return unicode::ascii_is_alpha(c) || unicode::ascii_is_digit(c);
}
bool ascii_space(unsigned char c) { return unicode::is_space(c); }

Value str_isdigit(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return all_chars<unicode::is_digit, ascii_digit>(ts, a, n, k, "str.isdigit");
}
Value str_isdecimal(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return all_chars<unicode::is_decimal, ascii_digit>(ts, a, n, k, "str.isdecimal");
}
Value str_isnumeric(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return all_chars<unicode::is_numeric, ascii_digit>(ts, a, n, k, "str.isnumeric");
}
Value str_isalpha(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return all_chars<unicode::is_alpha, ascii_alpha>(ts, a, n, k, "str.isalpha");
}
Value str_isalnum(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return all_chars<unicode::is_alnum, ascii_alnum>(ts, a, n, k, "str.isalnum");
}
Value str_isspace(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return all_chars<unicode::is_space, ascii_space>(ts, a, n, k, "str.isspace");
}

Value str_isprintable(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "str.isprintable", nargs - 1, kwnames, 0, 0)) return Value::null();
  Str* s = self_str(args);
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end)
    if (!unicode::is_printable(decode_advance(p))) return ts.bool_value(false);
  return ts.bool_value(true);
}

Value str_isascii(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "str.isascii", nargs - 1, kwnames, 0, 0)) return Value::null();
  return ts.bool_value(self_str(args)->ascii);
}

Value str_isidentifier(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "str.isidentifier", nargs - 1, kwnames, 0, 0)) return Value::null();
  Str* s = self_str(args);
  if (s->nbytes == 0) return ts.bool_value(false);
  const char* p = s->data;
  const char* end = p + s->nbytes;
  if (!unicode::is_xid_start(decode_advance(p))) return ts.bool_value(false);
  while (p < end)
    if (!unicode::is_xid_continue(decode_advance(p))) return ts.bool_value(false);
  return ts.bool_value(true);
}

// isupper/islower: every cased character has the case, and one exists.
Value case_predicate(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames,
                     const char* name, bool upper) {
  if (!check_positional(ts, name, nargs - 1, kwnames, 0, 0)) return Value::null();
  Str* s = self_str(args);
  const char* p = s->data;
  const char* end = p + s->nbytes;
  bool cased = false;
  while (p < end) {
    uint32_t c = decode_advance(p);
    bool is_up = unicode::is_upper(c), is_low = unicode::is_lower(c);
    if ((upper ? is_low : is_up) || unicode::is_title(c)) return ts.bool_value(false);
    cased |= upper ? is_up : is_low;
  }
  return ts.bool_value(cased);
}

Value str_isupper(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return case_predicate(ts, a, n, k, "str.isupper", true);
}
Value str_islower(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return case_predicate(ts, a, n, k, "str.islower", false);
}

Value str_istitle(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "str.istitle", nargs - 1, kwnames, 0, 0)) return Value::null();
  Str* s = self_str(args);
  const char* p = s->data;
  const char* end = p + s->nbytes;
  bool cased = false, prev_cased = false;
  while (p < end) {
    uint32_t c = decode_advance(p);
    if (unicode::is_upper(c) || unicode::is_title(c)) {
      if (prev_cased) return ts.bool_value(false);
      prev_cased = cased = true;
    } else if (unicode::is_lower(c)) {
      if (!prev_cased) return ts.bool_value(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return ts.bool_value(cased);
}

// --------------------------------------------------------------- padding

// Parses a fill character argument (default ' ') into its UTF-8 bytes.
bool fill_char(ThreadState& ts, Value v, std::string_view* out, bool* ascii) {
  if (v.is_null()) {
    *out = " ";
    *ascii = true;
    return true;
  }
  if (!is_str_like(v)) {
    raisef(ts, ts.exc_types().TypeError, "The fill character must be a unicode character, not {}",
           type_name(ts, v));
    return false;
  }
  if (as_str(v)->length != 1) {
    raise(ts, ts.exc_types().TypeError, "The fill character must be exactly one character long");
    return false;
  }
  *out = as_str(v)->view();
  *ascii = as_str(v)->ascii;
  return true;
}

Value pad(ThreadState& ts, Str* s, int64_t left, int64_t right, std::string_view fill,
          bool fill_ascii) {
  if (left <= 0 && right <= 0) return same_or_copy(ts, s);
  left = std::max<int64_t>(left, 0);
  right = std::max<int64_t>(right, 0);
  auto fw = static_cast<int64_t>(fill.size());
  // A width like 2**62 would overflow the size computation (and abort in
  // the allocator): refuse it as CPython does, with MemoryError. Same bound
  // as str * n.
  if (left > (INT64_MAX / 4 - s->nbytes) / fw - right) return raise(ts, ts.exc_types().MemoryError, "");
  Str* r = str_alloc(ts, s->nbytes + (left + right) * fw);
  char* out = r->data;
  auto put_fill = [&](int64_t n) {
    if (fw == 1) {
      std::memset(out, fill[0], static_cast<size_t>(n));
      out += n;
    } else {
      for (int64_t i = 0; i < n; ++i, out += fw) std::memcpy(out, fill.data(), fill.size());
    }
  };
  put_fill(left);
  std::memcpy(out, s->data, static_cast<size_t>(s->nbytes));
  out += s->nbytes;
  put_fill(right);
  str_set_meta(r, s->length + left + right, s->ascii && fill_ascii);
  return Value::from_object(r);
}

enum class Justify { Left, Right, Center };

Value justify(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, const char* name,
              Justify how) {
  if (!check_positional(ts, name, nargs - 1, kwnames, 1, 2)) return Value::null();
  int64_t width;
  if (!int_arg(ts, args[1], &width)) return Value::null();
  std::string_view fill;
  bool fill_ascii;
  if (!fill_char(ts, nargs > 2 ? args[2] : Value::null(), &fill, &fill_ascii)) return Value::null();
  Str* s = self_str(args);
  int64_t extra = width - s->length;
  if (extra <= 0) return same_or_copy(ts, s);
  switch (how) {
    case Justify::Left:
      return pad(ts, s, 0, extra, fill, fill_ascii);
    case Justify::Right:
      return pad(ts, s, extra, 0, fill, fill_ascii);
    case Justify::Center: {
      // CPython's rounding: the odd pad goes left when width is odd.
      int64_t left = extra / 2 + (extra & width & 1);
      return pad(ts, s, left, extra - left, fill, fill_ascii);
    }
  }
  return Value::null();
}

Value str_center(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return justify(ts, a, n, k, "center", Justify::Center);
}
Value str_ljust(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return justify(ts, a, n, k, "ljust", Justify::Left);
}
Value str_rjust(ThreadState& ts, const Value* a, size_t n, Tuple* k) {
  return justify(ts, a, n, k, "rjust", Justify::Right);
}

Value str_zfill(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "zfill", nargs - 1, kwnames, 1, 1)) return Value::null();
  int64_t width;
  if (!int_arg(ts, args[1], &width)) return Value::null();
  Str* s = self_str(args);
  int64_t extra = width - s->length;
  if (extra <= 0) return same_or_copy(ts, s);
  Value padded = pad(ts, s, extra, 0, "0", true);
  if (padded.is_null()) return padded;
  Str* r = as_str(padded);
  // A sign moves in front of the zeros.
  if (s->nbytes && (s->data[0] == '+' || s->data[0] == '-')) {
    r->data[0] = s->data[0];
    r->data[extra] = '0';
  }
  return padded;
}

Value str_expandtabs(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  if (!parse_args(ts, "expandtabs", args + 1, nargs - 1, kwnames, {"tabsize"}, 0, -1, a))
    return Value::null();
  int64_t tabsize = 8;
  if (!a[0].is_null() && !int_arg(ts, a[0], &tabsize)) return Value::null();
  Str* s = self_str(args);
  if (!std::memchr(s->data, '\t', static_cast<size_t>(s->nbytes))) return same_or_copy(ts, s);
  std::string out;
  int64_t column = 0;
  for (int64_t i = 0; i < s->nbytes; ++i) {
    char c = s->data[i];
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        out.append(static_cast<size_t>(spaces), ' ');
        column += spaces;
      }
    } else {
      out.push_back(c);
      if (c == '\n' || c == '\r')
        column = 0;
      else if (!unicode::is_continuation(static_cast<unsigned char>(c)))
        ++column;
    }
  }
  return new_str_from(ts, out, s->ascii);
}

// ------------------------------------------------------ encode / format

Value str_encode_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!parse_args(ts, "encode", args + 1, nargs - 1, kwnames, {"encoding", "errors"}, 0, -1, a))
    return Value::null();
  std::string_view encoding, errors;
  if (!str_arg_view(ts, a[0], "encode", "encoding", "utf-8", &encoding) ||
      !str_arg_view(ts, a[1], "encode", "errors", "strict", &errors))
    return Value::null();
  return text_encode(ts, self_str(args), encoding, errors);
}

Value str_format_method(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return str_format(ts, self_str(args), args + 1, nargs - 1, kwnames);
}

Value str_format_map(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "format_map", nargs - 1, kwnames, 1, 1)) return Value::null();
  // Passes the mapping's items as keyword arguments; a non-dict mapping is
  // first copied into a dict (so __missing__ hooks are not consulted).
  Ref mapping = Ref::borrow(args[1]);
  if (!is_dict(args[1])) {
    Value m = args[1];
    mapping = Ref::steal(call(ts, Value::from_object(ts.types().dict), &m, 1));
    if (!mapping) return Value::null();
  }
  Dict* d = as_dict(mapping.get());
  if (d->used == 0) return str_format(ts, self_str(args), nullptr, 0, nullptr);
  std::vector<Value> values;
  Ref names = Ref::steal(tuple_new(ts, d->used));
  if (!names) return Value::null();
  Value k, v;
  int64_t i = 0;
  for (int64_t pos = 0; dict_next(d, &pos, &k, &v);) {
    if (!is_str_like(k)) return raise(ts, ts.exc_types().TypeError, "keywords must be strings");
    as_tuple(names.get())->items[i++] = newref(k);
    values.push_back(v);
  }
  return str_format(ts, self_str(args), values.data(), 0, as_tuple(names.get()));
}

Value str_dunder_format(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "__format__", nargs - 1, kwnames, 1, 1)) return Value::null();
  if (!is_str_like(args[1]))
    return raisef(ts, ts.exc_types().TypeError, "__format__() argument must be str, not {}",
                  type_name(ts, args[1]));
  return format_value(ts, args[0], as_str(args[1])->view());
}

// ------------------------------------------------------------ translate

Value str_translate(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "translate", nargs - 1, kwnames, 1, 1)) return Value::null();
  Str* s = self_str(args);
  Value table = args[1];
  // Results for ASCII characters are cached: most tables map few
  // characters and strings repeat them.
  enum : uint8_t { kUnknown, kKeep, kDelete, kMapped };
  uint8_t state[128] = {};
  std::string mapped[128];
  std::string out;
  out.reserve(static_cast<size_t>(s->nbytes));
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end) {
    const char* start = p;
    uint32_t cp = decode_advance(p);
    if (cp < 128 && state[cp] != kUnknown) {
      if (state[cp] == kKeep)
        out.push_back(static_cast<char>(cp));
      else if (state[cp] == kMapped)
        out += mapped[cp];
      continue;
    }
    Value key = Value::from_small(cp);
    Value r = get_item(ts, table, key);
    std::string repl;
    uint8_t st;
    if (r.is_null()) {
      Value exc = ts.exc;
      if (!is_instance(ts, exc, ts.exc_types().LookupError)) return Value::null();
      ts.clear_error();
      st = kKeep;
      repl.assign(start, static_cast<size_t>(p - start));
    } else {
      Ref owned = Ref::steal(r);
      if (r.is(ts.none())) {
        st = kDelete;
      } else if (is_int_like(r)) {
        int64_t c;
        if (!int_to_i64(r, &c) || c < 0 || c > 0x10FFFF)
          return raise(ts, ts.exc_types().ValueError,
                       "character mapping must be in range(0x110000)");
        st = kMapped;
        utf8_append(repl, static_cast<uint32_t>(c));
      } else if (is_str_like(r)) {
        st = kMapped;
        repl = as_str(r)->view();
      } else {
        return raise(ts, ts.exc_types().TypeError,
                     "character mapping must return integer, None or str");
      }
    }
    if (cp < 128) {
      state[cp] = st;
      mapped[cp] = repl;
    }
    if (st != kDelete) out += repl;
  }
  return str_new(ts, out);
}

Value str_maketrans(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "maketrans", nargs, kwnames, 1, 3)) return Value::null();
  Ref result = Ref::steal(dict_new(ts));
  if (!result) return Value::null();
  Dict* d = as_dict(result.get());
  if (nargs == 1) {
    if (!is_dict(args[0]))
      return raise(ts, ts.exc_types().TypeError,
                   "if you give only one argument to maketrans it must be a dict");
    Value k, v;
    for (int64_t pos = 0; dict_next(as_dict(args[0]), &pos, &k, &v);) {
      Value key;
      if (is_str_like(k)) {
        if (as_str(k)->length != 1)
          return raise(ts, ts.exc_types().ValueError,
                       "string keys in translate table must be of length 1");
        const char* p = as_str(k)->data;
        key = Value::from_small(decode_advance(p));
      } else if (is_int_like(k)) {
        key = k;
      } else {
        return raise(ts, ts.exc_types().TypeError,
                     "keys in translate table must be strings or integers");
      }
      if (!dict_set(ts, d, key, v)) return Value::null();
    }
    return result.release();
  }
  for (size_t i = 0; i < nargs; ++i)
    if (!is_str_like(args[i]))
      return raisef(ts, ts.exc_types().TypeError, "maketrans() argument {} must be str, not {}",
                    i + 1, type_name(ts, args[i]));
  if (as_str(args[0])->length != as_str(args[1])->length)
    return raise(ts, ts.exc_types().ValueError,
                 "the first two maketrans arguments must have equal length");
  std::vector<uint32_t> from = decode_all(as_str(args[0])->view());
  std::vector<uint32_t> to = decode_all(as_str(args[1])->view());
  for (size_t i = 0; i < from.size(); ++i)
    if (!dict_set(ts, d, Value::from_small(from[i]), Value::from_small(to[i])))
      return Value::null();
  if (nargs == 3) {
    for (uint32_t c : decode_all(as_str(args[2])->view()))
      if (!dict_set(ts, d, Value::from_small(c), ts.none())) return Value::null();
  }
  return result.release();
}

}  // namespace

void init_str_methods(ThreadState& ts, Type* t) {
  static const struct {
    const char* name;
    NativeFn fn;
  } kMethods[] = {
      {"join", str_join},
      {"split", str_split},
      {"rsplit", str_rsplit},
      {"splitlines", str_splitlines},
      {"strip", str_strip},
      {"lstrip", str_lstrip},
      {"rstrip", str_rstrip},
      {"find", str_find},
      {"rfind", str_rfind},
      {"index", str_index},
      {"rindex", str_rindex},
      {"count", str_count},
      {"startswith", str_startswith},
      {"endswith", str_endswith},
      {"replace", str_replace},
      {"partition", str_partition},
      {"rpartition", str_rpartition},
      {"removeprefix", str_removeprefix},
      {"removesuffix", str_removesuffix},
      {"upper", str_upper},
      {"lower", str_lower},
      {"casefold", str_casefold},
      {"swapcase", str_swapcase},
      {"title", str_title},
      {"capitalize", str_capitalize},
      {"isdigit", str_isdigit},
      {"isdecimal", str_isdecimal},
      {"isnumeric", str_isnumeric},
      {"isalpha", str_isalpha},
      {"isalnum", str_isalnum},
      {"isspace", str_isspace},
      {"isprintable", str_isprintable},
      {"isascii", str_isascii},
      {"isidentifier", str_isidentifier},
      {"isupper", str_isupper},
      {"islower", str_islower},
      {"istitle", str_istitle},
      {"center", str_center},
      {"ljust", str_ljust},
      {"rjust", str_rjust},
      {"zfill", str_zfill},
      {"expandtabs", str_expandtabs},
      {"encode", str_encode_method},
      {"format", str_format_method},
      {"format_map", str_format_map},
      {"__format__", str_dunder_format},
      {"translate", str_translate},
  };
  for (const auto& m : kMethods) add_method(ts, t, m.name, m.fn);
  // A static method: stored as a plain builtin, which does not bind.
  Value maketrans = builtin_new(ts, "maketrans", str_maketrans);
  type_set_attr(ts, t, "maketrans", maketrans);
  decref(maketrans);
}

}  // namespace gilvm
