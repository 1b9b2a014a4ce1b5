// The import system. A module is looked up in sys.modules, then among the
// native modules, then as NAME.py or NAME/__init__.py in each sys.path
// folder. The module object is registered in sys.modules before its body
// runs, which gives circular imports Python's semantics (the partially
// initialised module is visible).
#include "vm/import.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

#include "compiler/code.h"
#include "compiler/compiler.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/eval.h"
#include "vm/syntax_errors.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

bool is_file(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

Value sys_path(ThreadState& ts) {
  if (!ts.interp->sys_module) return Value::null();
  return dict_get_str(as_module(ts.interp->sys_module)->dict, str_intern(ts, "path"));
}

// Executes `source` as the body of `module`.
bool exec_module_source(ThreadState& ts, Value module, std::string_view source, const std::string& filename) {
  CompileResult compiled = compile_source(ts, source, filename, "exec");
  if (!compiled.code) {
    raise_syntax_error(ts, *compiled.error);
    return false;
  }
  Ref code = Ref::steal(Value::from_object(compiled.code));
  if (ts.interp->config.disassemble) std::fputs(disassemble(ts, compiled.code).c_str(), stderr);
  Dict* globals = as_module(module)->dict;
  Value r = run_code(ts, compiled.code, globals, globals);
  if (!r) return false;
  decref(r);
  return true;
}

// Finds and loads `fullname` whose parent package (if any) is loaded;
// `search` is the list of folders to look in. Returns null without an
// exception when not found.
Value load_module(ThreadState& ts, const std::string& fullname, Value search) {
  std::string leaf = fullname.substr(fullname.rfind('.') + 1);
  auto builtin = ts.interp->builtin_modules.find(fullname);
  if (builtin != ts.interp->builtin_modules.end()) {
    Value m = builtin->second(ts);
    if (!m) return m;
    if (!dict_set(ts, ts.interp->modules, Value::from_object(str_intern(ts, fullname)), m)) {
      decref(m);
      return Value::null();
    }
    return m;
  }
  if (!search || !is_list(search)) return Value::null();
  List* dirs = as_list(search);
  for (int64_t i = 0; i < dirs->size; ++i) {
    if (!is_str_like(dirs->items[i])) continue;
    std::string dir(as_str(dirs->items[i])->view());
    if (dir.empty()) {
      // '' is the current directory, named absolutely (as CPython's
      // FileFinder does) so that __file__ and error locations are absolute.
      char cwd[4096];
      dir = getcwd(cwd, sizeof cwd) ? cwd : ".";
    }
    std::string file = dir + "/" + leaf + ".py";
    std::string pkg_init = dir + "/" + leaf + "/__init__.py";
    bool is_package = false;
    std::string path;
    if (is_file(pkg_init)) {
      path = pkg_init;
      is_package = true;
    } else if (is_file(file)) {
      path = file;
    } else {
      continue;
    }
    std::string source;
    if (!read_file(path, &source)) {
      return raisef(ts, ts.exc_types().ImportError, "cannot read '{}'", path);
    }
    Value m = module_new(ts, fullname);
    if (!m) return m;
    Dict* d = as_module(m)->dict;
    Ref file_str = Ref::steal(str_new(ts, path));
    dict_set_str(ts, d, "__file__", file_str.get());
    dict_set_str(ts, d, "__builtins__", Value::from_object(ts.interp->builtins));
    if (is_package) {
      Ref pkg_path = Ref::steal(list_new(ts, 0));
      Ref folder = Ref::steal(str_new(ts, dir + "/" + leaf));
      list_append(ts, as_list(pkg_path.get()), folder.get());
      dict_set_str(ts, d, "__path__", pkg_path.get());
      Ref pkg = Ref::steal(str_new(ts, fullname));
      dict_set_str(ts, d, "__package__", pkg.get());
    } else {
      size_t dot = fullname.rfind('.');
      Ref pkg = Ref::steal(str_new(ts, dot == std::string::npos ? "" : fullname.substr(0, dot)));
      dict_set_str(ts, d, "__package__", pkg.get());
    }
    Value key = Value::from_object(str_intern(ts, fullname));
    if (!dict_set(ts, ts.interp->modules, key, m)) {
      decref(m);
      return Value::null();
    }
    as_module(m)->initializing = true;
    bool ran = exec_module_source(ts, m, source, path);
    as_module(m)->initializing = false;
    if (!ran) {
      // A module that failed to execute is removed again, as in CPython.
      Value e = ts.fetch_error();
      dict_del(ts, ts.interp->modules, key);
      ts.clear_error();
      ts.set_error(e);
      decref(m);
      return Value::null();
    }
    // The module may have replaced itself in sys.modules.
    Value final_m = dict_get(ts, ts.interp->modules, key);
    if (final_m && !final_m.is(m)) {
      decref(m);
      return newref(final_m);
    }
    return m;
  }
  return Value::null();
}

// Sets the pending ImportError's `name` (and `path`) attributes.
void set_import_error_attrs(ThreadState& ts, std::string_view name, std::string_view path) {
  if (!ts.has_error()) return;
  Value e = ts.fetch_error();
  Ref n = Ref::steal(str_new(ts, name));
  bool ok = n && set_attr(ts, e, str_intern(ts, "name"), n.get()) == 0;
  if (ok && !path.empty()) {
    Ref p = Ref::steal(str_new(ts, path));
    ok = p && set_attr(ts, e, str_intern(ts, "path"), p.get()) == 0;
  }
  if (!ok) ts.clear_error();
  ts.set_error(e);
}

Value not_found(ThreadState& ts, const std::string& name) {
  raisef(ts, ts.exc_types().ModuleNotFoundError, "No module named '{}'", name);
  set_import_error_attrs(ts, name, "");
  return Value::null();
}

// True when the pending error is the ModuleNotFoundError for `name` itself
// (not for a module that `name` imports).
bool is_missing_module(ThreadState& ts, const std::string& name) {
  if (exception_matches(ts, ts.exc, Value::from_object(ts.exc_types().ModuleNotFoundError)) != 1)
    return false;
  Value e = ts.fetch_error();  // the attribute lookup runs with no error pending
  Ref missing = Ref::steal(get_attr_optional(ts, e, str_intern(ts, "name")));
  bool same = missing && is_str_like(missing.get()) && as_str(missing.get())->view() == name;
  ts.set_error(e);  // drops whatever the lookup raised and restores the ModuleNotFoundError
  return same;
}

// Resolves a relative import against the importing module's package.
bool resolve_name(ThreadState& ts, std::string_view name, Dict* globals, int64_t level, std::string* out) {
  if (level == 0) {
    *out = std::string(name);
    return true;
  }
  Value pkg = globals ? dict_get_str(globals, str_intern(ts, "__package__")) : Value::null();
  std::string base;
  if (pkg && is_str_like(pkg)) {
    base = std::string(as_str(pkg)->view());
  } else if (globals) {
    Value modname = dict_get_str(globals, ts.names().__name__);
    if (modname && is_str_like(modname)) {
      base = std::string(as_str(modname)->view());
      if (!dict_get_str(globals, ts.names().__path__)) {
        size_t dot = base.rfind('.');
        base = dot == std::string::npos ? "" : base.substr(0, dot);
      }
    }
  }
  if (base.empty()) {
    raise(ts, ts.exc_types().ImportError, "attempted relative import with no known parent package");
    return false;
  }
  for (int64_t i = 1; i < level; ++i) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos) {
      raise(ts, ts.exc_types().ImportError, "attempted relative import beyond top-level package");
      return false;
    }
    base = base.substr(0, dot);
  }
  *out = name.empty() ? base : base + "." + std::string(name);
  return true;
}

}  // namespace

Value import_module(ThreadState& ts, std::string_view name) {
  std::string full(name);
  Value cached = dict_get_str(ts.interp->modules, str_intern(ts, full));
  if (cached) return newref(cached);
  // Import each parent package first.
  size_t dot = full.rfind('.');
  Value search = sys_path(ts);
  Ref parent;
  if (dot != std::string::npos) {
    parent = Ref::steal(import_module(ts, full.substr(0, dot)));
    if (!parent) return Value::null();
    // Importing the parent may have registered the child (os sets os.path).
    cached = dict_get_str(ts.interp->modules, str_intern(ts, full));
    if (cached) return newref(cached);
    // A module may have replaced itself in sys.modules with any object.
    Ref parent_path;
    if (is_module(parent.get())) {
      search = dict_get_str(as_module(parent.get())->dict, ts.names().__path__);
    } else {
      parent_path = Ref::steal(get_attr_optional(ts, parent.get(), ts.names().__path__));
      if (!parent_path && ts.has_error()) return Value::null();
      search = parent_path.get();
    }
    if (!search) {
      raisef(ts, ts.exc_types().ModuleNotFoundError, "No module named '{}'; '{}' is not a package", full,
             full.substr(0, dot));
      set_import_error_attrs(ts, full, "");
      return Value::null();
    }
  }
  Value m = load_module(ts, full, search);
  if (!m) {
    if (!ts.has_error()) not_found(ts, full);
    return Value::null();
  }
  if (parent) {
    // Bind the submodule as an attribute of its package.
    Str* leaf = str_intern(ts, full.substr(dot + 1));
    if (is_module(parent.get())) {
      dict_set(ts, as_module(parent.get())->dict, Value::from_object(leaf), m);
    } else if (set_attr(ts, parent.get(), leaf, m) < 0) {
      ts.clear_error();  // as CPython, a parent refusing the attribute does not fail the import
    }
  }
  return m;
}

Value import_name(ThreadState& ts, Str* name, Dict* globals, Value fromlist, int64_t level) {
  std::string full;
  if (!resolve_name(ts, name->view(), globals, level, &full)) return Value::null();
  Value leaf = import_module(ts, full);
  if (!leaf) return leaf;
  bool want_leaf = fromlist && !fromlist.is(ts.none());
  if (want_leaf || full.find('.') == std::string::npos) {
    // `from pkg import sub`: try importing submodules named in the fromlist.
    // (Only a real package module: an object standing in sys.modules for
    // one has no submodules to load.)
    if (want_leaf && is_tuple(fromlist) && is_module(leaf) &&
        dict_get_str(as_module(leaf)->dict, ts.names().__path__)) {
      Tuple* names = as_tuple(fromlist);
      for (int64_t i = 0; i < names->size; ++i) {
        if (!is_str_like(names->items[i])) continue;
        Str* item = as_str(names->items[i]);
        if (item->view() == "*" || dict_get_str(as_module(leaf)->dict, item)) continue;
        std::string subname = full + "." + std::string(item->view());
        Value sub = import_module(ts, subname);
        if (!sub) {
          // Only the submodule itself being missing is left for IMPORT_FROM
          // to report as a missing name; an error inside it (a module it
          // imports is missing, or it raised) propagates, as in CPython's
          // _handle_fromlist.
          if (!is_missing_module(ts, subname)) return Value::null();
          ts.clear_error();
        } else {
          decref(sub);
        }
      }
    }
    return leaf;
  }
  decref(leaf);
  std::string top = full.substr(0, full.find('.'));
  Value m = dict_get_str(ts.interp->modules, str_intern(ts, top));
  return m ? newref(m) : import_module(ts, top);
}

Value import_from(ThreadState& ts, Value module, Str* name) {
  Value v = get_attr_optional(ts, module, name);
  if (v || ts.has_error()) return v;
  std::string modname = "<unknown module name>";
  std::string location;
  if (is_module(module)) {
    modname = std::string(as_module(module)->name->view());
    Value file = dict_get_str(as_module(module)->dict, ts.names().__file__);
    if (file && is_str_like(file)) location = std::string(as_str(file)->view());
    // A submodule imported meanwhile (circular import) lives in sys.modules.
    Value sub = dict_get_str(ts.interp->modules, str_intern(ts, modname + "." + std::string(name->view())));
    if (sub) return newref(sub);
  }
  if (is_module(module) && as_module(module)->initializing) {
    raisef(ts, ts.exc_types().ImportError,
           "cannot import name '{}' from partially initialized module '{}' (most likely due to a "
           "circular import) ({})",
           name->view(), modname, location.empty() ? "unknown location" : location);
  } else if (location.empty()) {
    raisef(ts, ts.exc_types().ImportError, "cannot import name '{}' from '{}' (unknown location)",
           name->view(), modname);
  } else {
    raisef(ts, ts.exc_types().ImportError, "cannot import name '{}' from '{}' ({})", name->view(),
           modname, location);
  }
  set_import_error_attrs(ts, modname, location);
  return Value::null();
}

bool import_star(ThreadState& ts, Value module, Dict* target) {
  // __all__ names what to copy; without it, the public names of the
  // module's dict. Any object may stand in sys.modules, so both are looked
  // up as attributes when `module` is not a module.
  Ref all;
  Ref dict;
  if (is_module(module)) {
    if (Value a = dict_get_str(as_module(module)->dict, ts.names().__all__)) all = Ref::borrow(a);
    dict = Ref::borrow(Value::from_object(as_module(module)->dict));
  } else {
    all = Ref::steal(get_attr_optional(ts, module, ts.names().__all__));
    if (!all) {
      if (ts.has_error()) return false;
      dict = Ref::steal(get_attr_optional(ts, module, str_intern(ts, "__dict__")));
      if (!dict) {
        if (!ts.has_error())
          raise(ts, ts.exc_types().ImportError, "from-import-* object has no __dict__ and no __all__");
        return false;
      }
    }
  }
  if (all) {
    Ref it = Ref::steal(get_iter(ts, all.get()));
    if (!it) return false;
    while (Value name = iter_next(ts, it.get())) {
      Ref n = Ref::steal(name);
      if (!is_str_like(name)) {
        std::string modname;
        if (is_module(module)) {
          modname = std::string(as_module(module)->name->view());
        } else {
          Ref n = Ref::steal(get_attr(ts, module, ts.names().__name__));
          if (!n || !str_utf8(ts, n.get(), &modname)) return false;
        }
        raisef(ts, ts.exc_types().TypeError, "Item in {}.__all__ must be str, not {}", modname, type_name(ts, name));
        return false;
      }
      Ref v = Ref::steal(get_attr(ts, module, as_str(name)));
      if (!v || !dict_set(ts, target, name, v.get())) return false;
    }
    return !ts.has_error();
  }
  if (!is_dict(dict.get())) {
    // A mapping other than a dict: its keys, then each value by subscript.
    Ref keys = Ref::steal(call_method(ts, dict.get(), "keys", nullptr, 0));
    if (!keys) return false;
    Ref it = Ref::steal(get_iter(ts, keys.get()));
    if (!it) return false;
    while (Value k = iter_next(ts, it.get())) {
      Ref key = Ref::steal(k);
      if (is_str_like(k) && as_str(k)->nbytes > 0 && as_str(k)->data[0] == '_') continue;
      Ref v = Ref::steal(get_item(ts, dict.get(), k));
      if (!v || !dict_set(ts, target, k, v.get())) return false;
    }
    return !ts.has_error();
  }
  Dict* d = as_dict(dict.get());
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) {
    if (is_str_like(k) && as_str(k)->nbytes > 0 && as_str(k)->data[0] == '_') continue;
    if (!dict_set(ts, target, k, v)) return false;
  }
  return true;
}

bool run_main(ThreadState& ts, std::string_view source, const std::string& filename) {
  Value m = module_new(ts, "__main__");
  if (!m) return false;
  Ref module = Ref::steal(m);
  Dict* d = as_module(m)->dict;
  Ref file = Ref::steal(str_new(ts, filename));
  dict_set_str(ts, d, "__file__", file.get());
  dict_set_str(ts, d, "__builtins__", Value::from_object(ts.interp->builtins));
  dict_set(ts, ts.interp->modules, Value::from_object(str_intern(ts, "__main__")), m);
  return exec_module_source(ts, m, source, filename);
}

}  // namespace gilvm
