// Binding call arguments to a Python function's parameters, with CPython's
// error messages. The common case (exactly the positional parameters, no
// keywords) is a straight copy; everything else goes through the general
// binder below.
#include "vm/call.h"

#include <fmt/core.h>

#include <string>

#include "compiler/code.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "vm/frame.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

std::string qualname_of(Function* fn) { return std::string(fn->qualname->view()); }

std::string join_names(const std::vector<std::string>& names) {
  // 'a', 'a' and 'b', 'a', 'b', and 'c'
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      if (names.size() == 2) {
        out += " and ";
      } else if (i + 1 == names.size()) {
        out += ", and ";
      } else {
        out += ", ";
      }
    }
    out += "'" + names[i] + "'";
  }
  return out;
}

bool missing_error(ThreadState& ts, Function* fn, const std::vector<std::string>& names,
                   const char* kind) {
  raisef(ts, ts.exc_types().TypeError, "{}() missing {} required {} argument{}: {}", qualname_of(fn),
         names.size(), kind, names.size() == 1 ? "" : "s", join_names(names));
  return false;
}

}  // namespace

bool bind_arguments(ThreadState& ts, Function* fn, Value* locals, const Value* args, size_t nargs,
                    Tuple* kwnames) {
  Code* code = fn->code;
  const size_t argcount = static_cast<size_t>(code->argcount);
  const size_t kwonly = static_cast<size_t>(code->kwonlyargcount);
  const bool has_varargs = code->flags & kCodeVarargs;
  const bool has_varkw = code->flags & kCodeVarkw;
  const size_t nkw = kwnames ? static_cast<size_t>(kwnames->size) : 0;
  const size_t npos = nargs;  // keyword values follow at args[nargs..]

  // Positional arguments.
  size_t ncopy = npos < argcount ? npos : argcount;
  for (size_t i = 0; i < ncopy; ++i) locals[i] = newref(args[i]);
  size_t var_slot = argcount + kwonly;  // *args, then **kwargs
  if (has_varargs) {
    size_t extra = npos > argcount ? npos - argcount : 0;
    // No extra arguments: `args` may be null, and null plus an offset is
    // undefined (clang's UBSan, found by the fuzz target).
    Value t = tuple_from_array(ts, extra ? args + argcount : nullptr, static_cast<int64_t>(extra));
    if (!t) return false;
    locals[var_slot] = t;
  } else if (npos > argcount) {
    size_t ndefaults = fn->defaults ? static_cast<size_t>(fn->defaults->size) : 0;
    size_t kw_given = 0;
    for (size_t i = 0; i < nkw; ++i) {
      Str* name = as_str(kwnames->items[i]);
      for (size_t j = argcount; j < argcount + kwonly; ++j) {
        if (str_equal(name, code->varnames[j])) ++kw_given;
      }
    }
    std::string takes;
    if (ndefaults > 0) {
      takes = fmt::format("from {} to {} positional arguments", argcount - ndefaults, argcount);
    } else {
      takes = fmt::format("{} positional argument{}", argcount, argcount == 1 ? "" : "s");
    }
    std::string given = fmt::format("{} {} given", npos, npos == 1 ? "was" : "were");
    if (kw_given) {
      given = fmt::format("{} positional argument{} (and {} keyword-only argument{}) were given", npos,
                          npos == 1 ? "" : "s", kw_given, kw_given == 1 ? "" : "s");
      raisef(ts, ts.exc_types().TypeError, "{}() takes {} but {}", qualname_of(fn), takes, given);
    } else {
      raisef(ts, ts.exc_types().TypeError, "{}() takes {} but {}", qualname_of(fn), takes, given);
    }
    return false;
  }

  // Keyword arguments.
  Dict* kwdict = nullptr;
  if (has_varkw) {
    Value d = dict_new(ts);
    if (!d) return false;
    kwdict = as_dict(d);
    locals[var_slot + (has_varargs ? 1 : 0)] = d;
  }
  std::vector<std::string> posonly_as_kw;
  for (size_t i = 0; i < nkw; ++i) {
    Str* name = as_str(kwnames->items[i]);
    Value value = args[npos + i];
    size_t total = argcount + kwonly;
    size_t j = static_cast<size_t>(code->posonlyargcount);
    // Interned names make the pointer test hit almost always.
    for (; j < total; ++j) {
      if (code->varnames[j] == name) break;
    }
    if (j == total) {
      for (j = static_cast<size_t>(code->posonlyargcount); j < total; ++j) {
        if (str_equal(code->varnames[j], name)) break;
      }
    }
    if (j == total) {
      if (kwdict) {
        if (!dict_set(ts, kwdict, kwnames->items[i], value)) return false;
        continue;
      }
      for (size_t p = 0; p < static_cast<size_t>(code->posonlyargcount); ++p) {
        if (str_equal(code->varnames[p], name)) {
          posonly_as_kw.emplace_back(name->view());
          break;
        }
      }
      if (!posonly_as_kw.empty()) continue;
      raisef(ts, ts.exc_types().TypeError, "{}() got an unexpected keyword argument '{}'",
             qualname_of(fn), name->view());
      return false;
    }
    if (locals[j]) {
      raisef(ts, ts.exc_types().TypeError, "{}() got multiple values for argument '{}'", qualname_of(fn),
             name->view());
      return false;
    }
    locals[j] = newref(value);
  }
  if (!posonly_as_kw.empty()) {
    std::string names;
    for (size_t i = 0; i < posonly_as_kw.size(); ++i) names += (i ? ", " : "") + posonly_as_kw[i];
    raisef(ts, ts.exc_types().TypeError,
           "{}() got some positional-only arguments passed as keyword arguments: '{}'", qualname_of(fn),
           names);
    return false;
  }

  // Defaults for missing positional parameters.
  if (npos < argcount) {
    size_t ndefaults = fn->defaults ? static_cast<size_t>(fn->defaults->size) : 0;
    size_t first_default = argcount - ndefaults;
    std::vector<std::string> missing;
    for (size_t i = npos; i < argcount; ++i) {
      if (locals[i]) continue;
      if (i >= first_default) {
        locals[i] = newref(fn->defaults->items[i - first_default]);
      } else {
        missing.emplace_back(code->varnames[i]->view());
      }
    }
    if (!missing.empty()) return missing_error(ts, fn, missing, "positional");
  }
  // Keyword-only defaults.
  if (kwonly) {
    std::vector<std::string> missing;
    for (size_t i = argcount; i < argcount + kwonly; ++i) {
      if (locals[i]) continue;
      Value def = fn->kwdefaults ? dict_get_str(fn->kwdefaults, code->varnames[i]) : Value::null();
      if (def) {
        locals[i] = newref(def);
      } else {
        missing.emplace_back(code->varnames[i]->view());
      }
    }
    if (!missing.empty()) return missing_error(ts, fn, missing, "keyword-only");
  }
  return true;
}

void init_cells(ThreadState& ts, Frame* f) {
  Code* code = f->code;
  Value* cells = f->cells();
  size_t ncell = code->cellvars.size();
  for (size_t i = 0; i < ncell; ++i) {
    int32_t param = code->cell_param[i];
    Value initial = Value::null();
    if (param >= 0) {
      // The parameter's value moves into its cell: the body reaches it
      // only through the cell.
      initial = f->localsplus[param];
      f->localsplus[param] = Value::null();
    }
    cells[i] = cell_new(ts, initial);
    decref(initial);
  }
  if (!code->freevars.empty() && f->func && f->func->closure) {
    Tuple* closure = f->func->closure;
    for (int64_t i = 0; i < closure->size; ++i) cells[ncell + i] = newref(closure->items[i]);
  }
}

}  // namespace gilvm
