// The `_posix` module: processes and the descriptors that connect them,
// the system calls under os.fork/os.waitpid/os.pipe and lib/multiprocessing.
//
// Every call that can wait (waitpid, poll) waits inside a BlockingRegion,
// so a thread waiting for a child never holds the GIL. The main thread
// waits in slices and gives up when a SIGINT arrives, so Ctrl-C
// interrupts a join as it interrupts a lock wait (thread.cpp).
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <vector>

#include "gil/blocking.h"
#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/fileio.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "vm/eval_breaker.h"
#include "vm/fork.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

using Clock = std::chrono::steady_clock;

// The longest a main-thread wait goes without looking for Ctrl-C.
constexpr int kInterruptSliceMs = static_cast<int>(kInterruptSliceNs / 1'000'000);

// After a wait gave up for Ctrl-C: raises KeyboardInterrupt (GIL held).
Value raise_interrupt(ThreadState& ts) {
  if (!handle_eval_breaker(ts)) return Value::null();
  return raise(ts, ts.exc_types().KeyboardInterrupt, "");
}

// timeout: None (forever) or a non-negative number of seconds.
bool timeout_arg(ThreadState& ts, Value v, double* seconds) {
  *seconds = -1;
  if (!v || v.is(ts.none())) return true;
  if (!to_double(ts, v, seconds)) return false;
  if (std::isnan(*seconds)) {
    raise(ts, ts.exc_types().ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  if (*seconds < 0) *seconds = 0;
  return true;
}

Value pair(ThreadState& ts, int64_t a, int64_t b) {
  Value x = int_from_i64(ts, a), y = int_from_i64(ts, b);
  Value t = tuple_pack(ts, {x, y});
  decref(x);
  decref(y);
  return t;
}

Value posix_fork(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "fork", nargs, kwnames, 0, 0)) return Value::null();
  pid_t pid = fork_interpreter(ts);
  if (pid < 0) return raise_os_error(ts, errno);
  return Value::from_small(pid);
}

// waitpid(pid, options) -> (pid, status), as os.waitpid. Without WNOHANG it
// blocks with the GIL released.
Value posix_waitpid(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "waitpid", nargs, kwnames, 2, 2)) return Value::null();
  int64_t pid, options;
  if (!to_index(ts, args[0], &pid) || !to_index(ts, args[1], &options)) return Value::null();
  int status = 0;
  pid_t got;
  if (options & WNOHANG) {
    got = ::waitpid(static_cast<pid_t>(pid), &status, static_cast<int>(options));
  } else {
    for (;;) {
      {
        BlockingRegion guard(ts, BlockCause::Join);
        got = ::waitpid(static_cast<pid_t>(pid), &status, static_cast<int>(options));
      }
      if (got >= 0 || errno != EINTR) break;
      if (wait_interrupted(ts)) return raise_interrupt(ts);
    }
  }
  if (got < 0) return raise_os_error(ts, errno);
  return pair(ts, got, status);
}

// wait_timeout(pid, timeout) -> (pid, status), or (0, 0) when the child is
// still running after `timeout` seconds (None: wait for as long as it takes).
// A pidfd becomes readable when its process exits, which turns a timed
// wait for a child into poll(); kernels without pidfd_open get a polling
// loop of short sleeps.
Value posix_wait_timeout(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "wait_timeout", nargs, kwnames, 2, 2)) return Value::null();
  int64_t pid;
  double timeout;
  if (!to_index(ts, args[0], &pid) || !timeout_arg(ts, args[1], &timeout)) return Value::null();
  if (pid <= 0) return raise(ts, ts.exc_types().ValueError, "wait_timeout needs a child's pid");
  const bool forever = timeout < 0;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(forever ? 0 : timeout));
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, static_cast<pid_t>(pid), 0));
  int status = 0;
  pid_t got = 0;
  int err = 0;
  bool interrupted = false;
  {
    BlockingRegion guard(ts, BlockCause::Join);
    int sleep_ms = 1;
    for (;;) {
      got = ::waitpid(static_cast<pid_t>(pid), &status, WNOHANG);
      if (got != 0) {
        if (got < 0) err = errno;
        break;
      }
      int64_t left_ms = kInterruptSliceMs * 50;
      if (!forever) {
        left_ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left_ms <= 0) break;
      }
      int slice = static_cast<int>(
          std::min<int64_t>(left_ms, &ts == ts.interp->main_thread ? kInterruptSliceMs : 1000));
      if (pidfd >= 0) {
        pollfd p{pidfd, POLLIN, 0};
        ::poll(&p, 1, slice);
      } else {
        slice = std::min(slice, sleep_ms);
        sleep_ms = std::min(sleep_ms * 2, 10);
        ::usleep(static_cast<useconds_t>(slice) * 1000);
      }
      if (wait_interrupted(ts)) {
        interrupted = true;
        break;
      }
    }
  }
  if (pidfd >= 0) ::close(pidfd);
  if (interrupted) return raise_interrupt(ts);
  if (err) return raise_os_error(ts, err);
  return pair(ts, got, status);
}

// The decoding of a wait status, as os.waitstatus_to_exitcode: the exit
// code, or minus the number of the signal that killed the process.
Value posix_waitstatus_to_exitcode(ThreadState& ts, const Value* args, size_t nargs,
                                   Tuple* kwnames) {
  if (!check_positional(ts, "waitstatus_to_exitcode", nargs, kwnames, 1, 1)) return Value::null();
  int64_t status;
  if (!to_index(ts, args[0], &status)) return Value::null();
  int s = static_cast<int>(status);
  if (WIFEXITED(s)) return Value::from_small(WEXITSTATUS(s));
  if (WIFSIGNALED(s)) return Value::from_small(-WTERMSIG(s));
  return raisef(ts, ts.exc_types().ValueError, "invalid wait status: {}", status);
}

template <int (*Decode)(int)>
Value status_fn(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "status", nargs, kwnames, 1, 1)) return Value::null();
  int64_t status;
  if (!to_index(ts, args[0], &status)) return Value::null();
  return Value::from_small(Decode(static_cast<int>(status)));
}
int decode_wifexited(int s) { return WIFEXITED(s); }
int decode_wexitstatus(int s) { return WEXITSTATUS(s); }
int decode_wifsignaled(int s) { return WIFSIGNALED(s); }
int decode_wtermsig(int s) { return WTERMSIG(s); }

template <int (*Decode)(int)>
Value status_bool(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value v = status_fn<Decode>(ts, args, nargs, kwnames);
  if (!v) return v;
  return newref(ts.bool_value(v.as_small() != 0));
}

// pipe() -> (read_fd, write_fd), close-on-exec like os.pipe (fork keeps them).
Value posix_pipe(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "pipe", nargs, kwnames, 0, 0)) return Value::null();
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return raise_os_error(ts, errno);
  return pair(ts, fds[0], fds[1]);
}

// socketpair() -> (fd, fd): a connected pair of Unix stream sockets, the
// two ends of a duplex multiprocessing.Pipe.
Value posix_socketpair(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "socketpair", nargs, kwnames, 0, 0)) return Value::null();
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    return raise_os_error(ts, errno);
  return pair(ts, fds[0], fds[1]);
}

// poll(fds, timeout) -> the fds that are readable, at end of file or in
// error (a read will not block), waiting up to `timeout` seconds (None:
// forever) with the GIL released.
Value posix_poll(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "poll", nargs, kwnames, 2, 2)) return Value::null();
  double timeout;
  if (!timeout_arg(ts, args[1], &timeout)) return Value::null();
  Ref seq = Ref::steal(list_from_iterable(ts, args[0]));
  if (!seq) return Value::null();
  List* l = as_list(seq.get());
  std::vector<pollfd> fds;
  for (int64_t i = 0; i < l->size; ++i) {
    int64_t fd;
    if (!to_index(ts, l->items[i], &fd)) return Value::null();
    if (fd < 0 || fd > INT32_MAX)
      return raisef(ts, ts.exc_types().ValueError, "invalid file descriptor: {}", fd);
    fds.push_back(pollfd{static_cast<int>(fd), POLLIN, 0});
  }
  const bool forever = timeout < 0;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(forever ? 0 : timeout));
  int n = 0;
  int err = 0;
  bool interrupted = false;
  {
    BlockingRegion guard(ts, BlockCause::Other);
    for (;;) {
      int64_t left_ms = 1000;
      if (!forever) {
        auto left = deadline - Clock::now();
        // Round up: poll(0) for a timeout of 0.0001 s would spin.
        left_ms = std::chrono::duration_cast<std::chrono::microseconds>(left).count();
        left_ms = left_ms <= 0 ? 0 : (left_ms + 999) / 1000;
      }
      int slice = static_cast<int>(
          std::min<int64_t>(left_ms, &ts == ts.interp->main_thread ? kInterruptSliceMs : 1000));
      n = ::poll(fds.data(), fds.size(), slice);
      if (n < 0 && errno != EINTR) {
        err = errno;
        break;
      }
      if (n > 0) break;
      if (wait_interrupted(ts)) {
        interrupted = true;
        break;
      }
      if (!forever && Clock::now() >= deadline) break;
    }
  }
  if (interrupted) return raise_interrupt(ts);
  if (err) return raise_os_error(ts, err);
  Ref ready = Ref::steal(list_new(ts));
  if (!ready) return Value::null();
  for (const pollfd& p : fds) {
    if (p.revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) {
      if (!list_append_steal(ts, as_list(ready.get()), Value::from_small(p.fd)))
        return Value::null();
    }
  }
  return ready.release();
}

}  // namespace

Value make_posix_module(ThreadState& ts) {
  Value m = module_new(ts, "_posix");
  if (!m) return m;
  Dict* d = as_module(m)->dict;
  add_function(ts, d, "fork", posix_fork);
  add_function(ts, d, "waitpid", posix_waitpid);
  add_function(ts, d, "wait_timeout", posix_wait_timeout);
  add_function(ts, d, "waitstatus_to_exitcode", posix_waitstatus_to_exitcode);
  add_function(ts, d, "WIFEXITED", status_bool<decode_wifexited>);
  add_function(ts, d, "WEXITSTATUS", status_fn<decode_wexitstatus>);
  add_function(ts, d, "WIFSIGNALED", status_bool<decode_wifsignaled>);
  add_function(ts, d, "WTERMSIG", status_fn<decode_wtermsig>);
  add_function(ts, d, "pipe", posix_pipe);
  add_function(ts, d, "socketpair", posix_socketpair);
  add_function(ts, d, "poll", posix_poll);
  dict_set_str(ts, d, "WNOHANG", Value::from_small(WNOHANG));
  return m;
}

}  // namespace gilvm
