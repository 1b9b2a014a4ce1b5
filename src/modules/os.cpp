// The `_os` module: the POSIX calls under lib/os.py.
//
// Only the system calls are native; os.py builds the Python-facing API on
// them (os.environ as a mapping, os.stat_result, makedirs, walk, os.path),
// because that layer is plain logic that reads better in Python. Calls that
// can wait on the disk (listdir, stat, mkdir, ...) release the GIL.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "gil/blocking.h"
#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/builtins.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/fileio.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "trace/trace.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

extern char** environ;

namespace gilvm {

namespace {

// A path argument: str, bytes, or an object with __fspath__.
bool path_arg(ThreadState& ts, Value v, const char* fname, std::string* out) {
  if (is_str_like(v)) {
    *out = std::string(as_str(v)->view());
  } else if (has_layout(v, Tag::Bytes)) {
    std::string_view b;
    bytes_like_view(v, &b);
    *out = std::string(b);
  } else {
    Ref fspath = Ref::steal(get_attr_optional(ts, v, str_intern(ts, "__fspath__")));
    if (!fspath) {
      if (!ts.has_error())
        raisef(ts, ts.exc_types().TypeError, "{}: path should be string, bytes or os.PathLike, not {}", fname,
               type_name(ts, v));
      return false;
    }
    Ref p = Ref::steal(call(ts, fspath.get(), nullptr, 0));
    if (!p) return false;
    if (!is_str_like(p.get())) {
      raise(ts, ts.exc_types().TypeError, "expected __fspath__() to return str or bytes");
      return false;
    }
    *out = std::string(as_str(p.get())->view());
  }
  if (out->find('\0') != std::string::npos) {
    raisef(ts, ts.exc_types().ValueError, "{}: embedded null character in path", fname);
    return false;
  }
  return true;
}

Value none(ThreadState& ts) { return newref(ts.none()); }

// For calls of the form f(path): runs `op` with the GIL released.
template <typename Op>
Value path_call(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, const char* fname, Op op) {
  if (!check_arg_range(ts, fname, nargs, kwnames, 1, 1)) return Value::null();
  std::string path;
  if (!path_arg(ts, args[0], fname, &path)) return Value::null();
  int rc;
  {
    BlockingRegion guard(ts, BlockCause::File);
    rc = op(path.c_str());
  }
  if (rc != 0) return raise_os_error(ts, errno, args[0]);
  return none(ts);
}

Value os_getpid(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(ts, "getpid", nargs, kwnames)) return Value::null();
  return Value::from_small(getpid());
}

Value os_kill(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "kill", nargs, kwnames, 2, 2)) return Value::null();
  int64_t pid, sig;
  if (!to_index(ts, args[0], &pid) || !to_index(ts, args[1], &sig)) return Value::null();
  if (::kill(static_cast<pid_t>(pid), static_cast<int>(sig)) != 0) return raise_os_error(ts, errno);
  return none(ts);
}

Value os_getppid(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(ts, "getppid", nargs, kwnames)) return Value::null();
  return Value::from_small(getppid());
}

Value os_getuid(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(ts, "getuid", nargs, kwnames)) return Value::null();
  return Value::from_small(getuid());
}

Value os_getcwd(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(ts, "getcwd", nargs, kwnames)) return Value::null();
  char buf[PATH_MAX];
  if (!getcwd(buf, sizeof buf)) return raise_os_error(ts, errno);
  return str_new(ts, buf);
}

Value os_chdir(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return path_call(ts, args, nargs, kwnames, "chdir", [](const char* p) { return chdir(p); });
}

Value os_remove(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return path_call(ts, args, nargs, kwnames, "remove", [](const char* p) { return unlink(p); });
}

Value os_rmdir(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return path_call(ts, args, nargs, kwnames, "rmdir", [](const char* p) { return rmdir(p); });
}

Value os_mkdir(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!parse_args(ts, "mkdir", args, nargs, kwnames, {"path", "mode"}, 1, -1, a)) return Value::null();
  std::string path;
  if (!path_arg(ts, a[0], "mkdir", &path)) return Value::null();
  int64_t mode = 0777;
  if (a[1] && !to_index(ts, a[1], &mode)) return Value::null();
  int rc;
  {
    BlockingRegion guard(ts, BlockCause::File);
    rc = mkdir(path.c_str(), static_cast<mode_t>(mode));
  }
  if (rc != 0) return raise_os_error(ts, errno, a[0]);
  return none(ts);
}

Value os_rename(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "rename", nargs, kwnames, 2, 2)) return Value::null();
  std::string src, dst;
  if (!path_arg(ts, args[0], "rename", &src) || !path_arg(ts, args[1], "rename", &dst)) return Value::null();
  int rc;
  {
    BlockingRegion guard(ts, BlockCause::File);
    rc = rename(src.c_str(), dst.c_str());
  }
  if (rc != 0) return raise_os_error(ts, errno, args[0]);
  return none(ts);
}

Value os_listdir(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "listdir", nargs, kwnames, 0, 1)) return Value::null();
  std::string path = ".";
  if (nargs == 1 && !args[0].is(ts.none()) && !path_arg(ts, args[0], "listdir", &path)) return Value::null();
  std::vector<std::string> names;
  int err = 0;
  {
    BlockingRegion guard(ts, BlockCause::File);
    DIR* dir = opendir(path.c_str());
    if (!dir) {
      err = errno;
    } else {
      while (dirent* e = readdir(dir)) {
        if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
        names.emplace_back(e->d_name);
      }
      closedir(dir);
    }
  }
  if (err) {
    if (nargs == 1) return raise_os_error(ts, err, args[0]);
    return raise_os_error_path(ts, err, path);
  }
  bool as_bytes = nargs == 1 && has_layout(args[0], Tag::Bytes);
  Ref list = Ref::steal(list_new(ts));
  if (!list) return Value::null();
  for (const std::string& n : names) {
    Value s = as_bytes ? bytes_new(ts, n) : str_new(ts, n);
    if (!s || !list_append_steal(ts, as_list(list.get()), s)) return Value::null();
  }
  return list.release();
}

// stat(path, follow_symlinks) -> a 10-tuple in CPython's stat_result order,
// then the float times: (mode, ino, dev, nlink, uid, gid, size, atime,
// mtime, ctime, atime_f, mtime_f, ctime_f). os.py wraps it.
Value stat_tuple(ThreadState& ts, const struct stat& st) {
  auto ts_float = [](const timespec& t) { return static_cast<double>(t.tv_sec) + t.tv_nsec * 1e-9; };
  Value items[13] = {
      int_from_i64(ts, st.st_mode),          int_from_i64(ts, static_cast<int64_t>(st.st_ino)),
      int_from_i64(ts, static_cast<int64_t>(st.st_dev)), int_from_i64(ts, static_cast<int64_t>(st.st_nlink)),
      int_from_i64(ts, st.st_uid),           int_from_i64(ts, st.st_gid),
      int_from_i64(ts, st.st_size),          int_from_i64(ts, st.st_atim.tv_sec),
      int_from_i64(ts, st.st_mtim.tv_sec),   int_from_i64(ts, st.st_ctim.tv_sec),
      float_new(ts, ts_float(st.st_atim)),   float_new(ts, ts_float(st.st_mtim)),
      float_new(ts, ts_float(st.st_ctim))};
  Value t = tuple_from_array(ts, items, 13);
  for (Value v : items) decref(v);
  return t;
}

Value os_stat(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!parse_args(ts, "stat", args, nargs, kwnames, {"path", "follow_symlinks"}, 1, -1, a)) return Value::null();
  bool follow = true;
  if (a[1]) {
    int t = truthy(ts, a[1]);
    if (t < 0) return Value::null();
    follow = t;
  }
  struct stat st;
  int rc;
  if (is_int_like(a[0]) && !has_layout(a[0], Tag::Bool)) {
    int64_t fd;
    if (!to_index(ts, a[0], &fd)) return Value::null();
    rc = fstat(static_cast<int>(fd), &st);
  } else {
    std::string path;
    if (!path_arg(ts, a[0], "stat", &path)) return Value::null();
    BlockingRegion guard(ts, BlockCause::File);
    rc = follow ? stat(path.c_str(), &st) : lstat(path.c_str(), &st);
  }
  if (rc != 0) return raise_os_error(ts, errno, a[0]);
  return stat_tuple(ts, st);
}

Value os_access(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "access", nargs, kwnames, 2, 2)) return Value::null();
  std::string path;
  int64_t mode;
  if (!path_arg(ts, args[0], "access", &path) || !to_index(ts, args[1], &mode)) return Value::null();
  return ts.bool_value(access(path.c_str(), static_cast<int>(mode)) == 0);
}

Value os_environ_items(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(ts, "_environ", nargs, kwnames)) return Value::null();
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return Value::null();
  for (char** e = environ; e && *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (!eq) continue;
    Ref k = Ref::steal(str_new(ts, std::string_view(*e, static_cast<size_t>(eq - *e))));
    Ref v = Ref::steal(str_new(ts, eq + 1));
    if (!k || !v || !dict_set(ts, as_dict(d.get()), k.get(), v.get())) return Value::null();
  }
  return d.release();
}

Value os_putenv(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "putenv", nargs, kwnames, 2, 2)) return Value::null();
  if (!is_str_like(args[0]) || !is_str_like(args[1]))
    return raise(ts, ts.exc_types().TypeError, "str expected");
  std::string k(as_str(args[0])->view()), v(as_str(args[1])->view());
  if (k.empty() || k.find('=') != std::string::npos)
    return raise(ts, ts.exc_types().ValueError, "illegal environment variable name");
  if (setenv(k.c_str(), v.c_str(), 1) != 0) return raise_os_error(ts, errno);
  return none(ts);
}

Value os_unsetenv(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "unsetenv", nargs, kwnames)) return Value::null();
  if (!is_str_like(args[0])) return raise(ts, ts.exc_types().TypeError, "str expected");
  std::string k(as_str(args[0])->view());
  if (unsetenv(k.c_str()) != 0) return raise_os_error(ts, errno);
  return none(ts);
}

Value os_cpu_count(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args(ts, "cpu_count", nargs, kwnames)) return Value::null();
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) return none(ts);
  return Value::from_small(n);
}

Value os_urandom(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "urandom", nargs, kwnames)) return Value::null();
  int64_t n;
  if (!to_index(ts, args[0], &n)) return Value::null();
  if (n < 0) return raise(ts, ts.exc_types().ValueError, "negative argument not allowed");
  std::string buf(static_cast<size_t>(n), '\0');
  size_t got = 0;
  while (got < buf.size()) {
    ssize_t r = getrandom(buf.data() + got, buf.size() - got, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      return raise_os_error(ts, errno);
    }
    got += static_cast<size_t>(r);
  }
  return bytes_new(ts, buf);
}

Value os_exit(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "_exit", nargs, kwnames)) return Value::null();
  int64_t code;
  if (!to_index(ts, args[0], &code)) return Value::null();
  // A traced program that leaves through os._exit still gets its trace
  // (forked children have no recorder: see after_fork_child).
  if (ts.interp->trace) ts.interp->trace->write(*ts.interp, ts);
  _exit(static_cast<int>(code));
}

Value os_system(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "system", nargs, kwnames)) return Value::null();
  if (!is_str_like(args[0])) return raise(ts, ts.exc_types().TypeError, "system() argument must be str");
  std::string cmd(as_str(args[0])->view());
  std::fflush(nullptr);
  int rc;
  {
    BlockingRegion guard(ts, BlockCause::Other);
    rc = system(cmd.c_str());
  }
  return Value::from_small(rc);
}

Value os_strerror(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "strerror", nargs, kwnames)) return Value::null();
  int64_t code;
  if (!to_index(ts, args[0], &code)) return Value::null();
  return str_new(ts, std::strerror(static_cast<int>(code)));
}

Value os_isatty(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "isatty", nargs, kwnames)) return Value::null();
  int64_t fd;
  if (!to_index(ts, args[0], &fd)) return Value::null();
  return ts.bool_value(isatty(static_cast<int>(fd)));
}

Value os_realpath(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "_realpath", nargs, kwnames)) return Value::null();
  std::string path;
  if (!path_arg(ts, args[0], "realpath", &path)) return Value::null();
  char* r = realpath(path.c_str(), nullptr);
  if (!r) return none(ts);  // os.py falls back to a lexical resolution
  Value s = str_new(ts, r);
  std::free(r);
  return s;
}

// Low-level descriptors: open/close/read/write (tempfile.mkstemp needs them).
Value os_open(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  if (!parse_args(ts, "open", args, nargs, kwnames, {"path", "flags", "mode"}, 2, -1, a)) return Value::null();
  std::string path;
  int64_t flags, mode = 0777;
  if (!path_arg(ts, a[0], "open", &path) || !to_index(ts, a[1], &flags)) return Value::null();
  if (a[2] && !to_index(ts, a[2], &mode)) return Value::null();
  int fd;
  {
    BlockingRegion guard(ts, BlockCause::File);
    fd = ::open(path.c_str(), static_cast<int>(flags) | O_CLOEXEC, static_cast<mode_t>(mode));
  }
  if (fd < 0) return raise_os_error(ts, errno, a[0]);
  return Value::from_small(fd);
}

Value os_close(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_one_arg(ts, "close", nargs, kwnames)) return Value::null();
  int64_t fd;
  if (!to_index(ts, args[0], &fd)) return Value::null();
  if (::close(static_cast<int>(fd)) != 0) return raise_os_error(ts, errno);
  return none(ts);
}

Value os_read(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "read", nargs, kwnames, 2, 2)) return Value::null();
  int64_t fd, n;
  if (!to_index(ts, args[0], &fd) || !to_index(ts, args[1], &n)) return Value::null();
  if (n < 0) return raise(ts, ts.exc_types().ValueError, "negative length");
  std::string buf(static_cast<size_t>(n), '\0');
  ssize_t got;
  {
    BlockingRegion guard(ts, BlockCause::File);
    got = ::read(static_cast<int>(fd), buf.data(), buf.size());
  }
  if (got < 0) return raise_os_error(ts, errno);
  buf.resize(static_cast<size_t>(got));
  return bytes_new(ts, buf);
}

Value os_write(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_arg_range(ts, "write", nargs, kwnames, 2, 2)) return Value::null();
  int64_t fd;
  if (!to_index(ts, args[0], &fd)) return Value::null();
  std::string_view data;
  if (!bytes_like_view(args[1], &data))
    return raisef(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'", type_name(ts, args[1]));
  std::string copy(data);  // the object may change while the GIL is released
  ssize_t n;
  {
    BlockingRegion guard(ts, BlockCause::File);
    n = ::write(static_cast<int>(fd), copy.data(), copy.size());
  }
  if (n < 0) return raise_os_error(ts, errno);
  return int_from_i64(ts, n);
}

}  // namespace

Value make_os_native_module(ThreadState& ts) {
  Value m = module_new(ts, "_os");
  if (!m) return Value::null();
  Dict* d = as_module(m)->dict;
  add_function(ts, d, "getpid", os_getpid);
  add_function(ts, d, "kill", os_kill);
  add_function(ts, d, "getppid", os_getppid);
  add_function(ts, d, "getuid", os_getuid);
  add_function(ts, d, "getcwd", os_getcwd);
  add_function(ts, d, "chdir", os_chdir);
  add_function(ts, d, "remove", os_remove);
  add_function(ts, d, "unlink", os_remove);
  add_function(ts, d, "rmdir", os_rmdir);
  add_function(ts, d, "mkdir", os_mkdir);
  add_function(ts, d, "rename", os_rename);
  add_function(ts, d, "replace", os_rename);
  add_function(ts, d, "listdir", os_listdir);
  add_function(ts, d, "stat", os_stat);
  add_function(ts, d, "access", os_access);
  add_function(ts, d, "_environ", os_environ_items);
  add_function(ts, d, "putenv", os_putenv);
  add_function(ts, d, "unsetenv", os_unsetenv);
  add_function(ts, d, "cpu_count", os_cpu_count);
  add_function(ts, d, "urandom", os_urandom);
  add_function(ts, d, "_exit", os_exit);
  add_function(ts, d, "system", os_system);
  add_function(ts, d, "strerror", os_strerror);
  add_function(ts, d, "isatty", os_isatty);
  add_function(ts, d, "_realpath", os_realpath);
  add_function(ts, d, "open", os_open);
  add_function(ts, d, "close", os_close);
  add_function(ts, d, "read", os_read);
  add_function(ts, d, "write", os_write);
  struct IntConst {
    const char* name;
    int64_t value;
  };
  const IntConst consts[] = {{"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
                             {"O_CREAT", O_CREAT},   {"O_EXCL", O_EXCL},     {"O_TRUNC", O_TRUNC},
                             {"O_APPEND", O_APPEND}, {"F_OK", F_OK},         {"R_OK", R_OK},
                             {"W_OK", W_OK},         {"X_OK", X_OK},         {"SEEK_SET", SEEK_SET},
                             {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END}};
  for (const IntConst& c : consts) dict_set_str(ts, d, c.name, Value::from_small(c.value));
  return m;
}

}  // namespace gilvm
