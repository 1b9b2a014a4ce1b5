// The `_subprocess` module: fork_exec, the spawner under lib/subprocess.py.
//
// os.fork (vm/fork.cpp) prepares a child that goes on running Python; a
// child that is about to exec needs the opposite: nothing of the
// interpreter, only a few system calls. So fork_exec forks raw and the
// child runs only async-signal-safe calls between fork and exec — no
// malloc, no Python object, no lock — because another thread may have
// held any of those at the instant of the fork and will never release it
// in the child. Everything the child needs (argv, envp, the candidate
// paths, the descriptors to keep) is built as plain C arrays before the
// fork.
//
// The child reports a failure (chdir, dup2, exec) through an error pipe
// opened close-on-exec: a successful exec closes it and the parent reads
// end of file; a failure writes {errno, stage} and exits. The parent reads
// the pipe with the GIL released, so a slow exec never stalls other
// threads, and raises CPython's OSError subclass itself
// ("[Errno 2] No such file or directory: 'cmd'").
//
// The trade-off: fork() rather than vfork()/posix_spawn. fork copies the
// page tables of the whole interpreter, which costs a little per spawn,
// but the child has memory of its own, so a signal handler that runs in
// it before exec cannot scribble on the parent, and none of the vfork
// rules (blocked signals, no stack writes) are needed.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <vector>

#include "gil/blocking.h"
#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/fileio.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/thread_state.h"

extern char** environ;

namespace gilvm {

namespace {

// Where in the child a failure happened: a failed chdir names the cwd in
// the parent's error, anything else names the executable (as CPython).
enum class ChildStage : int { Fds, Chdir, Session, Exec };

// What a failing child writes to the error pipe: 8 bytes, below PIPE_BUF,
// so the write is atomic and the parent reads all of it or nothing.
struct ChildError {
  int err;
  ChildStage stage;
};

// A NUL-terminated array of C strings over owned storage, built before the
// fork so the child only reads it.
struct CStrings {
  std::vector<std::string> storage;
  std::vector<char*> pointers;

  void seal() {
    pointers.clear();
    for (std::string& s : storage) pointers.push_back(s.data());
    pointers.push_back(nullptr);
  }
  char** data() { return pointers.data(); }
};

// Everything the child does, decided before the fork.
struct ChildPlan {
  CStrings argv;
  CStrings executables;  // candidate paths, tried in order
  CStrings env;
  bool inherit_env = true;
  std::string cwd;
  bool change_dir = false;
  int std_fds[3] = {-1, -1, -1};  // the child's stdin/stdout/stderr; -1 inherits
  std::vector<int> keep_fds;      // pass_fds, sorted, all >= 3
  bool close_fds = true;
  bool new_session = false;
  int max_fd = 0;  // for closing descriptors where close_range is missing
  sigset_t no_signals;
};

// ------------------------------------------------------------ the child

// Ends the child without running anything of the parent's: the system
// call itself, because ThreadSanitizer's _exit() flushes stdio first, which
// would print the parent's unwritten output a second time.
[[noreturn]] void child_exit() {
  for (;;) ::syscall(SYS_exit_group, 255);
}

[[noreturn]] void child_fail(int errpipe, int err, ChildStage stage) {
  ChildError report{err, stage};
  ssize_t n;
  do n = ::write(errpipe, &report, sizeof report);
  while (n < 0 && errno == EINTR);
  child_exit();
}

int dup2_retry(int from, int to) {
  int r;
  do r = ::dup2(from, to);
  while (r < 0 && errno == EINTR);
  return r;
}

bool set_inheritable(int fd) {
  int flags = ::fcntl(fd, F_GETFD);
  return flags >= 0 && ::fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) == 0;
}

// Closes every descriptor in [lo, hi]. close_range does it in one call;
// older kernels get the loop, bounded by the descriptor limit the parent
// read before the fork.
void close_span(int lo, int hi, int max_fd) {
  if (lo > hi) return;
  if (::syscall(SYS_close_range, static_cast<unsigned>(lo), static_cast<unsigned>(hi), 0u) == 0)
    return;
  for (int fd = lo; fd <= std::min(hi, max_fd); ++fd) ::close(fd);
}

// Closes every descriptor from 3 up except those in the sorted `keep` and
// `also` (the error pipe, which must stay open until exec closes it).
void close_all_but(const std::vector<int>& keep, int also, int max_fd) {
  int lo = 3;
  size_t k = 0;
  bool also_pending = also >= 3;
  for (;;) {
    int next;
    if (also_pending && (k == keep.size() || also <= keep[k])) {
      next = also;
      also_pending = false;
    } else if (k < keep.size()) {
      next = keep[k++];
    } else {
      break;
    }
    close_span(lo, next - 1, max_fd);
    lo = std::max(lo, next + 1);
  }
  close_span(lo, INT32_MAX, max_fd);
}

// Runs in the forked child; only async-signal-safe calls from here on.
[[noreturn]] void run_child(ChildPlan& plan, int errpipe) {
  // The error pipe and the descriptors about to become 0, 1 and 2 must
  // not sit on 0..2 themselves, or one dup2 would overwrite another's
  // source (stdout=0, stdin=1, or a parent started with 0..2 closed).
  if (errpipe < 3) {
    int moved = ::fcntl(errpipe, F_DUPFD_CLOEXEC, 3);
    if (moved < 0) child_exit();
    errpipe = moved;
  }
  int src[3];
  for (int i = 0; i < 3; ++i) {
    src[i] = plan.std_fds[i];
    if (src[i] >= 0 && src[i] < 3 && src[i] != i) {
      src[i] = ::fcntl(src[i], F_DUPFD_CLOEXEC, 3);
      if (src[i] < 0) child_fail(errpipe, errno, ChildStage::Fds);
    }
  }
  for (int i = 0; i < 3; ++i) {
    if (src[i] < 0) continue;
    // dup2 onto itself is a no-op that would leave close-on-exec set.
    bool ok = src[i] == i ? set_inheritable(i) : dup2_retry(src[i], i) >= 0;
    if (!ok) child_fail(errpipe, errno, ChildStage::Fds);
  }

  // The sources above 2 are not the child's business any more (close_fds
  // closes them below anyway), unless the caller also passes them.
  if (!plan.close_fds) {
    for (int i = 0; i < 3; ++i) {
      bool first = src[i] > 2 && (i < 1 || src[i] != src[0]) && (i < 2 || src[i] != src[1]);
      bool kept = std::binary_search(plan.keep_fds.begin(), plan.keep_fds.end(), src[i]);
      if (first && !kept) ::close(src[i]);
    }
  }

  if (plan.change_dir && ::chdir(plan.cwd.c_str()) < 0)
    child_fail(errpipe, errno, ChildStage::Chdir);

  // gilvm ignores SIGPIPE (writes get EPIPE instead); an ignored signal
  // stays ignored across exec, and `yes | head` relies on SIGPIPE killing
  // `yes`. A thread other than the main one blocks SIGINT, and the mask
  // is inherited too.
  ::signal(SIGPIPE, SIG_DFL);
  ::signal(SIGXFSZ, SIG_DFL);
  ::sigprocmask(SIG_SETMASK, &plan.no_signals, nullptr);

  if (plan.new_session && ::setsid() < 0) child_fail(errpipe, errno, ChildStage::Session);

  if (plan.close_fds) close_all_but(plan.keep_fds, errpipe, plan.max_fd);
  for (int fd : plan.keep_fds) {
    if (fd != errpipe && !set_inheritable(fd)) child_fail(errpipe, errno, ChildStage::Fds);
  }

  // As execvp: the first error that is not "not found here" wins, since
  // "permission denied" on /usr/bin/x says more than "no such file" on
  // the PATH entries after it.
  char** envp = plan.inherit_env ? environ : plan.env.data();
  int first_err = 0, last_err = ENOENT;
  for (char** path = plan.executables.data(); *path; ++path) {
    ::execve(*path, plan.argv.data(), envp);
    last_err = errno;
    if (first_err == 0 && errno != ENOENT && errno != ENOTDIR) first_err = errno;
  }
  child_fail(errpipe, first_err ? first_err : last_err, ChildStage::Exec);
}

// ------------------------------------------------------------ the parent

// A str or bytes argument as a C string (no NUL inside).
bool c_string_arg(ThreadState& ts, Value v, std::string* out) {
  std::string_view view;
  if (is_str_like(v)) {
    view = as_str(v)->view();
  } else if (has_layout(v, Tag::Bytes)) {
    bytes_like_view(v, &view);
  } else {
    raisef(ts, ts.exc_types().TypeError, "expected str, bytes or os.PathLike object, not {}",
           type_name(ts, v));
    return false;
  }
  if (view.find('\0') != std::string_view::npos) {
    raise(ts, ts.exc_types().ValueError, "embedded null byte");
    return false;
  }
  out->assign(view);
  return true;
}

bool strings_arg(ThreadState& ts, Value seq, CStrings* out) {
  Ref list = Ref::steal(list_from_iterable(ts, seq));
  if (!list) return false;
  List* l = as_list(list.get());
  out->storage.resize(static_cast<size_t>(l->size));
  for (int64_t i = 0; i < l->size; ++i)
    if (!c_string_arg(ts, l->items[i], &out->storage[static_cast<size_t>(i)])) return false;
  out->seal();
  return true;
}

bool fd_arg(ThreadState& ts, Value v, int* out) {
  int64_t fd;
  if (!to_index(ts, v, &fd)) return false;
  if (fd < -1 || fd > INT32_MAX) {
    raisef(ts, ts.exc_types().ValueError, "invalid file descriptor: {}", fd);
    return false;
  }
  *out = static_cast<int>(fd);
  return true;
}

bool bool_arg(ThreadState& ts, Value v, bool* out) {
  int t = truthy(ts, v);
  if (t < 0) return false;
  *out = t != 0;
  return true;
}

// Reads the child's report: true with `report` filled when the child
// failed, false when exec succeeded (end of file). Waits without the GIL.
bool read_child_error(ThreadState& ts, int fd, ChildError* report) {
  size_t got = 0;
  BlockingRegion guard(ts, BlockCause::Join);
  while (got < sizeof *report) {
    ssize_t n = ::read(fd, reinterpret_cast<char*>(report) + got, sizeof *report - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  return got == sizeof *report;
}

void reap(ThreadState& ts, pid_t pid) {
  BlockingRegion guard(ts, BlockCause::Join);
  int status;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
}

// fork_exec(args, executables, env, cwd, stdin, stdout, stderr, pass_fds,
//           close_fds, start_new_session, error_name) -> pid
//
// args: the child's argv; executables: the paths to try in order; env:
// None (inherit) or a list of b'KEY=VALUE'; cwd: None or a path; stdin,
// stdout, stderr: descriptors for 0, 1, 2 (-1 inherits); pass_fds:
// descriptors kept open (and made inheritable); error_name: the filename
// an exec failure reports.
Value subprocess_fork_exec(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[11];
  if (!parse_args(ts, "fork_exec", args, nargs, kwnames,
                  {"args", "executables", "env", "cwd", "stdin", "stdout", "stderr", "pass_fds",
                   "close_fds", "start_new_session", "error_name"},
                  11, -1, a))
    return Value::null();
  ChildPlan plan;
  if (!strings_arg(ts, a[0], &plan.argv) || !strings_arg(ts, a[1], &plan.executables))
    return Value::null();
  if (plan.argv.storage.empty())
    return raise(ts, ts.exc_types().ValueError, "args must not be empty");
  plan.inherit_env = a[2].is(ts.none());
  if (!plan.inherit_env && !strings_arg(ts, a[2], &plan.env)) return Value::null();
  plan.change_dir = !a[3].is(ts.none());
  if (plan.change_dir && !c_string_arg(ts, a[3], &plan.cwd)) return Value::null();
  for (int i = 0; i < 3; ++i)
    if (!fd_arg(ts, a[4 + i], &plan.std_fds[i])) return Value::null();
  {
    Ref keep = Ref::steal(list_from_iterable(ts, a[7]));
    if (!keep) return Value::null();
    List* l = as_list(keep.get());
    for (int64_t i = 0; i < l->size; ++i) {
      int fd;
      if (!fd_arg(ts, l->items[i], &fd)) return Value::null();
      if (fd < 3) return raise(ts, ts.exc_types().ValueError, "bad value(s) in fds_to_keep");
      plan.keep_fds.push_back(fd);
    }
  }
  std::sort(plan.keep_fds.begin(), plan.keep_fds.end());
  plan.keep_fds.erase(std::unique(plan.keep_fds.begin(), plan.keep_fds.end()), plan.keep_fds.end());
  if (!bool_arg(ts, a[8], &plan.close_fds) || !bool_arg(ts, a[9], &plan.new_session))
    return Value::null();
  rlimit limit{};
  plan.max_fd = 1024;
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    plan.max_fd = static_cast<int>(std::min<rlim_t>(limit.rlim_cur, 1 << 20));
  sigemptyset(&plan.no_signals);

  // The GIL is held from the pipe's creation to the parent closing its
  // write end, so no os.fork from another thread can carry that end into
  // a child that would keep it open (and the parent's read below waiting).
  int errpipe[2];
  if (::pipe2(errpipe, O_CLOEXEC) != 0) return raise_os_error(ts, errno);
  pid_t pid = ::fork();
  if (pid == 0) run_child(plan, errpipe[1]);
  int fork_err = errno;
  ::close(errpipe[1]);
  if (pid < 0) {
    ::close(errpipe[0]);
    return raise_os_error(ts, fork_err);
  }
  ChildError report{};
  bool failed = read_child_error(ts, errpipe[0], &report);
  ::close(errpipe[0]);
  if (!failed) return int_from_i64(ts, pid);
  reap(ts, pid);
  return raise_os_error(ts, report.err, report.stage == ChildStage::Chdir ? a[3] : a[10]);
}

}  // namespace

Value make_subprocess_native_module(ThreadState& ts) {
  Value m = module_new(ts, "_subprocess");
  if (!m) return m;
  add_function(ts, as_module(m)->dict, "fork_exec", subprocess_fork_exec);
  return m;
}

}  // namespace gilvm
