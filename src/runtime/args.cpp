// Argument parsing for native functions.
//
// One table-free routine instead of CPython's Argument Clinic: each call
// walks the keyword names linearly, which is cheaper than hashing for the
// handful of parameters built-ins take. Messages follow CPython's wording.
#include "runtime/args.h"

#include <cstring>
#include <string_view>

#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

const char* plural(size_t n) { return n == 1 ? "" : "s"; }

}  // namespace

bool parse_args(ThreadState& ts, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                std::initializer_list<const char*> names, size_t min_args, int max_positional,
                Value* out) {
  size_t nnames = names.size();
  size_t max_pos = max_positional < 0 ? nnames : static_cast<size_t>(max_positional);
  for (size_t i = 0; i < nnames; ++i) out[i] = Value::null();
  if (nargs > max_pos) {
    if (max_pos < nnames) {
      raisef(ts, ts.exc_types().TypeError, "{}() takes at most {} positional argument{} ({} given)",
             fname, max_pos, plural(max_pos), nargs);
    } else if (min_args == max_pos) {
      raisef(ts, ts.exc_types().TypeError, "{}() takes exactly {} argument{} ({} given)", fname,
             max_pos, plural(max_pos), nargs);
    } else {
      raisef(ts, ts.exc_types().TypeError, "{}() takes at most {} argument{} ({} given)", fname,
             max_pos, plural(max_pos), nargs);
    }
    return false;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  if (kwnames) {
    for (int64_t k = 0; k < kwnames->size; ++k) {
      std::string_view key = as_str(kwnames->items[k])->view();
      size_t slot = nnames;
      size_t i = 0;
      for (const char* name : names) {
        // Empty names are positional-only and never match a keyword.
        if (*name && key == name) {
          slot = i;
          break;
        }
        ++i;
      }
      if (slot == nnames) {
        raisef(ts, ts.exc_types().TypeError, "{}() got an unexpected keyword argument '{}'", fname,
               key);
        return false;
      }
      if (!out[slot].is_null()) {
        raisef(ts, ts.exc_types().TypeError, "{}() got multiple values for argument '{}'", fname,
               key);
        return false;
      }
      out[slot] = args[nargs + k];
    }
  }
  size_t i = 0;
  for (const char* name : names) {
    if (i >= min_args) break;
    if (out[i].is_null()) {
      if (*name) {
        raisef(ts, ts.exc_types().TypeError, "{}() missing required argument '{}' (pos {})", fname,
               name, i + 1);
      } else {
        raisef(ts, ts.exc_types().TypeError,
               "{}() takes at least {} positional argument{} ({} given)", fname, min_args,
               plural(min_args), nargs);
      }
      return false;
    }
    ++i;
  }
  return true;
}

bool check_positional(ThreadState& ts, const char* fname, size_t nargs, Tuple* kwnames,
                      size_t min_args, size_t max_args) {
  if (kwnames && kwnames->size > 0) {
    raisef(ts, ts.exc_types().TypeError, "{}() takes no keyword arguments", fname);
    return false;
  }
  if (nargs >= min_args && nargs <= max_args) return true;
  // The wordings of CPython's METH_NOARGS / METH_O / PyArg_UnpackTuple.
  if (max_args == 0) {
    raisef(ts, ts.exc_types().TypeError, "{}() takes no arguments ({} given)", fname, nargs);
  } else if (min_args == 1 && max_args == 1) {
    raisef(ts, ts.exc_types().TypeError, "{}() takes exactly one argument ({} given)", fname,
           nargs);
  } else if (min_args == max_args) {
    raisef(ts, ts.exc_types().TypeError, "{} expected {} argument{}, got {}", fname, min_args,
           plural(min_args), nargs);
  } else if (nargs > max_args) {
    raisef(ts, ts.exc_types().TypeError, "{} expected at most {} argument{}, got {}", fname,
           max_args, plural(max_args), nargs);
  } else {
    raisef(ts, ts.exc_types().TypeError, "{} expected at least {} argument{}, got {}", fname,
           min_args, plural(min_args), nargs);
  }
  return false;
}

}  // namespace gilvm
