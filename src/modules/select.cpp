// The `select` module: select(), poll objects and epoll objects, the waits
// under lib/selectors.py (and so under every event loop a Python programmer
// writes over pipes and sockets).
//
// Every wait runs inside a BlockingRegion, so a thread waiting for a
// descriptor never holds the GIL. Python objects are never touched with
// the GIL released: each call first gathers the descriptors it waits on
// into a plain C array (fd_set, pollfd[], epoll_event[]) and builds its
// result objects only after the guard has re-taken the GIL. The price is a
// copy per call, which is small next to the system call. An epoll object's
// own descriptor is a call's resource like a file's stream: epoll.poll()
// holds it in flight (runtime/in_flight.h), so a close() by another thread
// leaves it open until the wait ends.
//
// Waits follow PEP 475: an EINTR retries with what is left of the timeout.
// The main thread waits in slices of 20 ms so that Ctrl-C raises
// KeyboardInterrupt promptly, as a lock wait does (thread.cpp).
#include <errno.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "gil/blocking.h"
#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/fileio.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/in_flight.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/eval_breaker.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

using Clock = std::chrono::steady_clock;

// CPython's default masks for poll.register and epoll.register.
constexpr int64_t kPollDefaultMask = POLLIN | POLLPRI | POLLOUT;
constexpr int64_t kEpollDefaultMask = EPOLLIN | EPOLLPRI | EPOLLOUT;
// epoll.poll's event buffer holds at most this many: a huge maxevents must
// not become a huge allocation, and returning fewer events than are ready
// is allowed (the rest are reported by the next call).
constexpr int64_t kMaxEventsPerPoll = 1 << 16;

// ------------------------------------------------------------ arguments

// A descriptor as CPython's PyObject_AsFileDescriptor reads one: an int, or
// an object whose fileno() returns an int; never negative.
bool fd_arg(ThreadState& ts, Value v, int* fd) {
  Ref from_fileno;
  if (!is_int_like(v)) {
    Value method = get_attr_optional(ts, v, str_intern(ts, "fileno"));
    if (!method) {
      if (ts.has_error()) return false;
      raise(ts, ts.exc_types().TypeError, "argument must be an int, or have a fileno() method.");
      return false;
    }
    from_fileno = Ref::steal(call(ts, method, nullptr, 0));
    decref(method);
    if (!from_fileno) return false;
    v = from_fileno.get();
    if (!is_int_like(v)) {
      raise(ts, ts.exc_types().TypeError, "fileno() returned a non-integer");
      return false;
    }
  }
  int64_t n;
  if (!int_to_i64(v, &n) || n > INT_MAX || n < INT_MIN) {
    raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
    return false;
  }
  if (n < 0) {
    raisef(ts, ts.exc_types().ValueError, "file descriptor cannot be a negative integer ({})", n);
    return false;
  }
  *fd = static_cast<int>(n);
  return true;
}

// A timeout given as a number (int or float) of some unit; `type_error` is
// CPython's message for anything else. None (or a missing argument) gives
// -1 with *forever set.
bool timeout_arg(ThreadState& ts, Value v, const char* type_error, double* out, bool* forever) {
  *forever = !v || v.is(ts.none());
  if (*forever) return true;
  if (has_layout(v, Tag::Float)) {
    *out = float_value(v);
  } else if (is_int_like(v)) {
    if (!to_double(ts, v, out)) return false;
  } else {
    raise(ts, ts.exc_types().TypeError, type_error);
    return false;
  }
  if (std::isnan(*out)) {
    raise(ts, ts.exc_types().ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  return true;
}

// poll() and epoll.poll() wait in whole milliseconds, rounded up (so a
// 0.1 ms wait does not become a busy poll(0)); negative means forever.
// `value` is in units of `unit_ns` nanoseconds; like CPython, it becomes
// nanoseconds first, then milliseconds.
bool milliseconds_timeout(ThreadState& ts, double value, double unit_ns, bool* forever,
                          int64_t* ns) {
  if (*forever || value < 0) {
    *forever = true;
    return true;
  }
  double ms = std::ceil(std::ceil(value * unit_ns) / 1e6);
  if (ms > INT_MAX) {
    raise(ts, ts.exc_types().OverflowError, "timeout is too large");
    return false;
  }
  *ns = static_cast<int64_t>(ms) * 1'000'000;
  return true;
}

// An event mask; `bits` is 16 for poll's unsigned short, 32 for epoll's
// unsigned int (which, as in CPython, takes negative masks bitwise).
bool mask_arg(ThreadState& ts, Value v, int bits, int64_t fallback, uint32_t* mask) {
  if (!v) {
    *mask = static_cast<uint32_t>(fallback);
    return true;
  }
  int64_t m;
  if (bits == 16) {
    if (!is_int_like(v)) {
      raise(ts, ts.exc_types().TypeError, "an integer is required");
      return false;
    }
    if (!int_to_i64(v, &m) || m > 0xffff) {
      raise(ts, ts.exc_types().OverflowError, "Python int too large for C unsigned short");
      return false;
    }
    if (m < 0) {
      raise(ts, ts.exc_types().ValueError, "value must be positive");
      return false;
    }
  } else if (!to_index(ts, v, &m)) {
    return false;
  }
  *mask = static_cast<uint32_t>(m);
  return true;
}

// The `self` of a method of one of this module's types, checked: called
// unbound (select.epoll.close(3)), args[0] may be anything.
Object* native_self(ThreadState& ts, const Value* args, size_t nargs, std::string_view qualname,
                    const char* method) {
  auto& types = ts.interp->native_types;
  auto t = types.find(std::string(qualname));
  if (nargs > 0 && t != types.end() && is_instance(ts, args[0], t->second))
    return args[0].as_object();
  if (nargs == 0) {
    raisef(ts, ts.exc_types().TypeError, "unbound method {}.{}() needs an argument",
           qualname.substr(qualname.find('.') + 1), method);
  } else {
    raisef(ts, ts.exc_types().TypeError,
           "descriptor '{}' for '{}' objects doesn't apply to a '{}' object", method, qualname,
           type_name(ts, args[0]));
  }
  return nullptr;
}

// ------------------------------------------------------------ waiting

// Waits with the GIL released. `attempt(slice_ns)` makes one system call
// waiting at most slice_ns (-1: no limit) and returns its result: > 0
// ready, 0 timed out, < 0 failed with errno. On return *n holds the last
// result (> 0 ready, 0 the timeout expired, < 0 failed with *err set).
// Returns false, with KeyboardInterrupt pending, after Ctrl-C.
template <typename Attempt>
bool wait_for_events(ThreadState& ts, bool forever, int64_t timeout_ns, Attempt attempt, int* n,
                     int* err) {
  const bool interruptible = waits_are_interruptible(ts);
  const auto deadline = Clock::now() + std::chrono::nanoseconds(forever ? 0 : timeout_ns);
  *err = 0;
  for (;;) {
    bool interrupted = false;
    {
      BlockingRegion guard(ts, BlockCause::Socket);
      for (;;) {
        int64_t slice = -1;
        if (!forever) {
          slice =
              std::chrono::duration_cast<std::chrono::nanoseconds>(deadline - Clock::now()).count();
          if (slice < 0) slice = 0;
        }
        if (interruptible && (slice < 0 || slice > kInterruptSliceNs)) slice = kInterruptSliceNs;
        *n = attempt(slice);
        if (*n > 0) break;
        if (*n < 0 && errno != EINTR) {
          *err = errno;
          break;
        }
        if (wait_interrupted(ts)) {
          interrupted = true;
          break;
        }
        if (!forever && Clock::now() >= deadline) {
          *n = 0;
          break;
        }
      }
    }
    if (!interrupted) return true;
    // Ctrl-C raises; any other reason to stop leaves the rest of the
    // timeout to wait (PEP 475).
    if (!handle_eval_breaker(ts)) return false;
  }
}

int slice_ms(int64_t slice_ns) {
  return slice_ns < 0 ? -1 : static_cast<int>((slice_ns + 999'999) / 1'000'000);
}

// ------------------------------------------------------------ select()

// One of select()'s three lists: the caller's objects, their descriptors
// in the same order, and the fd_set built from them.
struct SelectList {
  Ref objects;  // a list
  std::vector<int> fds;
  fd_set set;
};

bool gather_select_list(ThreadState& ts, Value arg, SelectList* out, int* max_fd) {
  Ref it = Ref::steal(get_iter(ts, arg));
  if (!it) {
    if (exception_matches(ts, ts.exc, Value::from_object(ts.exc_types().TypeError)) == 1) {
      ts.clear_error();
      raise(ts, ts.exc_types().TypeError, "arguments 1-3 must be sequences");
    }
    return false;
  }
  out->objects = Ref::steal(list_from_iterable(ts, it.get()));
  if (!out->objects) return false;
  FD_ZERO(&out->set);
  List* l = as_list(out->objects.get());
  for (int64_t i = 0; i < l->size; ++i) {
    int fd;
    if (!fd_arg(ts, l->items[i], &fd)) return false;
    if (fd >= FD_SETSIZE) {
      raise(ts, ts.exc_types().ValueError, "filedescriptor out of range in select()");
      return false;
    }
    FD_SET(fd, &out->set);
    out->fds.push_back(fd);
    if (fd > *max_fd) *max_fd = fd;
  }
  return true;
}

// The objects of `list` whose descriptor is in `ready`, in the caller's order.
Value ready_objects(ThreadState& ts, const SelectList& list, const fd_set& ready) {
  Ref result = Ref::steal(list_new(ts));
  if (!result) return Value::null();
  List* objects = as_list(list.objects.get());
  for (size_t i = 0; i < list.fds.size(); ++i) {
    if (FD_ISSET(list.fds[i], &ready) && !list_append(ts, as_list(result.get()), objects->items[i]))
      return Value::null();
  }
  return result.release();
}

// select(rlist, wlist, xlist[, timeout]) -> (readable, writable, exceptional)
Value select_select(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size > 0)
    return raise(ts, ts.exc_types().TypeError, "select.select() takes no keyword arguments");
  if (nargs < 3 || nargs > 4)
    return raisef(ts, ts.exc_types().TypeError, "select expected at {} {} arguments, got {}",
                  nargs < 3 ? "least" : "most", nargs < 3 ? 3 : 4, nargs);
  double seconds = 0;
  bool forever;
  if (!timeout_arg(ts, nargs > 3 ? args[3] : Value::null(), "timeout must be a float or None",
                   &seconds, &forever))
    return Value::null();
  int64_t timeout_ns = 0;
  if (!forever) {
    if (seconds < 0) return raise(ts, ts.exc_types().ValueError, "timeout must be non-negative");
    if (seconds * 1e9 >= 9.2e18)
      return raise(ts, ts.exc_types().OverflowError,
                   "timestamp too large to convert to C _PyTime_t");
    timeout_ns = static_cast<int64_t>(std::ceil(seconds * 1e9));
  }
  SelectList lists[3];
  int max_fd = -1;
  for (int i = 0; i < 3; ++i)
    if (!gather_select_list(ts, args[i], &lists[i], &max_fd)) return Value::null();
  fd_set ready[3];
  auto attempt = [&](int64_t slice_ns) {
    // select() overwrites its sets: each attempt starts from the gathered ones.
    for (int i = 0; i < 3; ++i) ready[i] = lists[i].set;
    timeval tv;
    if (slice_ns >= 0) {
      int64_t us = (slice_ns + 999) / 1000;
      tv.tv_sec = static_cast<time_t>(us / 1'000'000);
      tv.tv_usec = static_cast<suseconds_t>(us % 1'000'000);
    }
    return ::select(max_fd + 1, &ready[0], &ready[1], &ready[2], slice_ns >= 0 ? &tv : nullptr);
  };
  int n, err;
  if (!wait_for_events(ts, forever, timeout_ns, attempt, &n, &err)) return Value::null();
  if (err) return raise_os_error(ts, err);
  // A wait that timed out after an EINTR left the last sets unspecified.
  if (n == 0)
    for (fd_set& s : ready) FD_ZERO(&s);
  Ref r = Ref::steal(ready_objects(ts, lists[0], ready[0]));
  if (!r) return Value::null();
  Ref w = Ref::steal(ready_objects(ts, lists[1], ready[1]));
  if (!w) return Value::null();
  Ref x = Ref::steal(ready_objects(ts, lists[2], ready[2]));
  if (!x) return Value::null();
  return tuple_pack(ts, {r.get(), w.get(), x.get()});
}

// Builds [(fd, events), ...] with the GIL held, after a wait.
template <typename Each>
Value event_list(ThreadState& ts, int count, Each each) {
  Ref result = Ref::steal(list_new(ts));
  if (!result) return Value::null();
  for (int i = 0; i < count; ++i) {
    int fd;
    uint32_t events;
    if (!each(i, &fd, &events)) continue;
    Value e = int_from_u64(ts, events);
    Value pair = tuple_pack(ts, {Value::from_small(fd), e});
    decref(e);
    if (!pair || !list_append_steal(ts, as_list(result.get()), pair)) return Value::null();
  }
  return result.release();
}

// ------------------------------------------------------------ poll objects

// The registered descriptors live in a C++ vector in registration order
// (re-registering keeps a descriptor's place, as CPython's dict does), so
// poll() only copies it. Guarded by the GIL.
struct PollObject : Object {
  std::vector<pollfd>* fds;
  bool polling;  // a poll() is waiting on a copy; another is refused
};

PollObject* self_poll(ThreadState& ts, const Value* args, size_t nargs, const char* method) {
  return static_cast<PollObject*>(native_self(ts, args, nargs, "select.poll", method));
}

pollfd* find_pollfd(PollObject* p, int fd) {
  for (pollfd& entry : *p->fds)
    if (entry.fd == fd) return &entry;
  return nullptr;
}

void poll_dealloc(Object* o) { delete static_cast<PollObject*>(o)->fds; }

Value make_poll_object(ThreadState& ts, Type* type) {
  auto* p = alloc<PollObject>(ts, type, Tag::Other);
  p->fds = new std::vector<pollfd>();
  p->polling = false;
  return Value::from_object(p);
}

// register(fd, eventmask=POLLIN|POLLPRI|POLLOUT, /)
Value poll_register(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  PollObject* p = self_poll(ts, args, nargs, "register");
  if (!p || !check_positional(ts, "register", nargs - 1, kwnames, 1, 2)) return Value::null();
  int fd;
  uint32_t mask;
  if (!fd_arg(ts, args[1], &fd) ||
      !mask_arg(ts, nargs > 2 ? args[2] : Value::null(), 16, kPollDefaultMask, &mask))
    return Value::null();
  if (pollfd* entry = find_pollfd(p, fd))
    entry->events = static_cast<short>(mask);
  else
    p->fds->push_back(pollfd{fd, static_cast<short>(mask), 0});
  return newref(ts.none());
}

// modify(fd, eventmask, /): FileNotFoundError when fd is not registered.
Value poll_modify(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  PollObject* p = self_poll(ts, args, nargs, "modify");
  if (!p || !check_positional(ts, "modify", nargs - 1, kwnames, 2, 2)) return Value::null();
  int fd;
  uint32_t mask;
  if (!fd_arg(ts, args[1], &fd) || !mask_arg(ts, args[2], 16, 0, &mask)) return Value::null();
  pollfd* entry = find_pollfd(p, fd);
  if (!entry) return raise_os_error(ts, ENOENT);
  entry->events = static_cast<short>(mask);
  return newref(ts.none());
}

// unregister(fd, /): KeyError(fd) when fd is not registered.
Value poll_unregister(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  PollObject* p = self_poll(ts, args, nargs, "unregister");
  if (!p || !check_positional(ts, "unregister", nargs - 1, kwnames, 1, 1)) return Value::null();
  int fd;
  if (!fd_arg(ts, args[1], &fd)) return Value::null();
  pollfd* entry = find_pollfd(p, fd);
  if (!entry) {
    Value key = Value::from_small(fd);
    Value exc = exception_new(ts, ts.exc_types().KeyError, &key, 1);
    if (!exc) return Value::null();
    raise_value(ts, exc);
    decref(exc);
    return Value::null();
  }
  p->fds->erase(p->fds->begin() + (entry - p->fds->data()));
  return newref(ts.none());
}

// poll(timeout=None, /) -> [(fd, events), ...]; timeout in milliseconds.
Value poll_poll(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  PollObject* p = self_poll(ts, args, nargs, "poll");
  if (!p || !check_positional(ts, "poll", nargs - 1, kwnames, 0, 1)) return Value::null();
  double ms = 0;
  bool forever;
  int64_t timeout_ns = 0;
  if (!timeout_arg(ts, nargs > 1 ? args[1] : Value::null(), "timeout must be an integer or None",
                   &ms, &forever) ||
      !milliseconds_timeout(ts, ms, 1e6, &forever, &timeout_ns))
    return Value::null();
  if (p->polling) return raise(ts, ts.exc_types().RuntimeError, "concurrent poll() invocation");
  // The copy is what the kernel sees: another thread may register or
  // unregister while this one waits without the GIL.
  std::vector<pollfd> fds(*p->fds);
  auto attempt = [&](int64_t slice_ns) {
    return ::poll(fds.data(), fds.size(), slice_ms(slice_ns));
  };
  int n, err;
  p->polling = true;
  bool ok = wait_for_events(ts, forever, timeout_ns, attempt, &n, &err);
  p->polling = false;
  if (!ok) return Value::null();
  if (err) return raise_os_error(ts, err);
  if (n == 0) return list_new(ts);
  return event_list(ts, static_cast<int>(fds.size()), [&](int i, int* fd, uint32_t* events) {
    *fd = fds[i].fd;
    *events = static_cast<uint16_t>(fds[i].revents);
    return fds[i].revents != 0;
  });
}

Type* make_poll_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "poll", nullptr, Tag::Other, sizeof(PollObject));
  t->slots.dealloc = poll_dealloc;
  type_set_attr(ts, t, "__module__", Value::from_object(str_intern(ts, "select")));
  add_method(ts, t, "register", poll_register);
  add_method(ts, t, "modify", poll_modify);
  add_method(ts, t, "unregister", poll_unregister);
  add_method(ts, t, "poll", poll_poll);
  ts.interp->native_types["select.poll"] = t;
  return t;
}

// select.poll() -> a new poll object (the type itself is not exported, as
// in CPython).
Value select_poll(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size > 0)
    return raise(ts, ts.exc_types().TypeError, "select.poll() takes no keyword arguments");
  if (nargs != 0)
    return raisef(ts, ts.exc_types().TypeError, "select.poll() takes no arguments ({} given)",
                  nargs);
  auto& types = ts.interp->native_types;
  auto found = types.find("select.poll");
  return make_poll_object(ts, found != types.end() ? found->second : make_poll_type(ts));
}

// ------------------------------------------------------------ epoll objects

struct EpollObject : Object {
  int epfd;                 // what Python sees: -1 once closed
  int closing;              // the descriptor close() left to the last poll() in flight, or -1
  InFlightCalls in_flight;  // poll() calls waiting on the descriptor (in_flight.h)
};

// The release close() defers while poll() calls are in flight.
void release_closing_epoll(ThreadState&, Object* o) {
  auto* e = static_cast<EpollObject*>(o);
  ::close(e->closing);
  e->closing = -1;
}

void epoll_dealloc(Object* o) {
  auto* e = static_cast<EpollObject*>(o);
  if (e->epfd >= 0) ::close(e->epfd);
}

EpollObject* self_epoll(ThreadState& ts, const Value* args, size_t nargs, const char* method) {
  return static_cast<EpollObject*>(native_self(ts, args, nargs, "select.epoll", method));
}

// The epoll object of a method call that needs it open.
EpollObject* open_epoll(ThreadState& ts, EpollObject* e) {
  if (e && e->epfd < 0) {
    raise(ts, ts.exc_types().ValueError, "I/O operation on closed epoll object");
    return nullptr;
  }
  return e;
}

Value new_epoll_object(ThreadState& ts, Type* type, int epfd) {
  auto* e = alloc<EpollObject>(ts, type, Tag::Other);
  e->epfd = epfd;
  e->closing = -1;
  return Value::from_object(e);
}

// epoll(sizehint=-1, flags=0): the descriptor is always close-on-exec.
Value epoll_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs,
                      Tuple* kwnames) {
  Value a[2];
  if (!parse_args(ts, "epoll", args, nargs, kwnames, {"sizehint", "flags"}, 0, -1, a))
    return Value::null();
  int64_t sizehint = -1, flags = 0;
  if ((a[0] && !to_index(ts, a[0], &sizehint)) || (a[1] && !to_index(ts, a[1], &flags)))
    return Value::null();
  if (sizehint != -1 && sizehint <= 0)
    return raise(ts, ts.exc_types().ValueError, "negative sizehint");
  if (flags != 0 && flags != EPOLL_CLOEXEC)
    return raise(ts, ts.exc_types().OSError, "invalid flags");
  int epfd = ::epoll_create1(EPOLL_CLOEXEC);
  if (epfd < 0) return raise_os_error(ts, errno);
  return new_epoll_object(ts, type, epfd);
}

// epoll.fromfd(fd): wraps an existing epoll descriptor, which the new
// object then owns (-1, as in CPython, makes a new one).
Value epoll_fromfd(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "epoll.fromfd", nargs - 1, kwnames, 1, 1)) return Value::null();
  int64_t fd;
  if (!to_index(ts, args[1], &fd)) return Value::null();
  if (fd > INT_MAX || fd < INT_MIN)
    return raise(ts, ts.exc_types().OverflowError, "Python int too large to convert to C int");
  if (fd == -1) {
    fd = ::epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0) return raise_os_error(ts, errno);
  }
  return new_epoll_object(ts, static_cast<Type*>(args[0].as_object()), static_cast<int>(fd));
}

// register/modify/unregister: one epoll_ctl each.
Value epoll_control(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames, int op,
                    const char* name) {
  EpollObject* e = self_epoll(ts, args, nargs, name);
  if (!e) return Value::null();
  Value a[2];
  if (op == EPOLL_CTL_DEL) {
    if (!parse_args(ts, name, args + 1, nargs - 1, kwnames, {"fd"}, 1, -1, a)) return Value::null();
  } else if (!parse_args(ts, name, args + 1, nargs - 1, kwnames, {"fd", "eventmask"},
                         op == EPOLL_CTL_ADD ? 1 : 2, -1, a)) {
    return Value::null();
  }
  int fd;
  uint32_t mask = 0;
  if (!fd_arg(ts, a[0], &fd)) return Value::null();
  if (op != EPOLL_CTL_DEL && !mask_arg(ts, a[1], 32, kEpollDefaultMask, &mask))
    return Value::null();
  if (!open_epoll(ts, e)) return Value::null();
  epoll_event ev{};
  ev.events = mask;
  ev.data.fd = fd;
  if (::epoll_ctl(e->epfd, op, fd, &ev) != 0) return raise_os_error(ts, errno);
  return newref(ts.none());
}

Value epoll_register(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return epoll_control(ts, args, nargs, kwnames, EPOLL_CTL_ADD, "register");
}
Value epoll_modify(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return epoll_control(ts, args, nargs, kwnames, EPOLL_CTL_MOD, "modify");
}
Value epoll_unregister(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  return epoll_control(ts, args, nargs, kwnames, EPOLL_CTL_DEL, "unregister");
}

// poll(timeout=None, maxevents=-1) -> [(fd, events), ...]; timeout in
// seconds, None or negative for ever.
Value epoll_poll(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  EpollObject* e = self_epoll(ts, args, nargs, "poll");
  if (!e) return Value::null();
  Value a[2];
  if (!parse_args(ts, "poll", args + 1, nargs - 1, kwnames, {"timeout", "maxevents"}, 0, -1, a))
    return Value::null();
  double seconds = 0;
  bool forever;
  int64_t timeout_ns = 0;
  if (!timeout_arg(ts, a[0], "timeout must be an integer or None", &seconds, &forever) ||
      !milliseconds_timeout(ts, seconds, 1e9, &forever, &timeout_ns))
    return Value::null();
  int64_t maxevents = -1;
  if (a[1] && !to_index(ts, a[1], &maxevents)) return Value::null();
  if (maxevents == -1) {
    maxevents = FD_SETSIZE - 1;
  } else if (maxevents < 1 || maxevents > INT_MAX) {
    return raisef(ts, ts.exc_types().ValueError, "maxevents must be greater than 0, got {}",
                  maxevents);
  }
  if (!open_epoll(ts, e)) return Value::null();
  InFlight use(ts, e, e->in_flight);
  const int epfd = e->epfd;
  maxevents = std::min(maxevents, kMaxEventsPerPoll);
  std::vector<epoll_event> events(static_cast<size_t>(maxevents));
  auto attempt = [&](int64_t slice_ns) {
    return ::epoll_wait(epfd, events.data(), static_cast<int>(maxevents), slice_ms(slice_ns));
  };
  int n, err;
  if (!wait_for_events(ts, forever, timeout_ns, attempt, &n, &err)) return Value::null();
  if (err) return raise_os_error(ts, err);
  return event_list(ts, n, [&](int i, int* fd, uint32_t* mask) {
    *fd = events[i].data.fd;
    *mask = events[i].events;
    return true;
  });
}

Value epoll_close(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  EpollObject* e = self_epoll(ts, args, nargs, "close");
  if (!e || !check_positional(ts, "close", nargs - 1, kwnames, 0, 0)) return Value::null();
  int fd = e->epfd;
  e->epfd = -1;
  if (fd >= 0 && !release_now_or_defer(e->in_flight, release_closing_epoll)) {
    e->closing = fd;
    return newref(ts.none());
  }
  if (fd >= 0 && ::close(fd) != 0) return raise_os_error(ts, errno);
  return newref(ts.none());
}

Value epoll_fileno(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  EpollObject* e = open_epoll(ts, self_epoll(ts, args, nargs, "fileno"));
  if (!e || !check_positional(ts, "fileno", nargs - 1, kwnames, 0, 0)) return Value::null();
  return Value::from_small(e->epfd);
}

Value epoll_enter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  EpollObject* e = open_epoll(ts, self_epoll(ts, args, nargs, "__enter__"));
  if (!e || !check_positional(ts, "__enter__", nargs - 1, kwnames, 0, 0)) return Value::null();
  return newref(args[0]);
}

Value epoll_exit(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!self_epoll(ts, args, nargs, "__exit__") ||
      !check_positional(ts, "__exit__", nargs - 1, kwnames, 0, 3))
    return Value::null();
  return epoll_close(ts, args, 1, nullptr);
}

Value epoll_getattr(ThreadState& ts, Value self, Str* name) {
  if (name->view() == "closed")
    return newref(ts.bool_value(static_cast<EpollObject*>(self.as_object())->epfd < 0));
  return generic_getattr(ts, self, name);
}

Type* make_epoll_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "epoll", nullptr, Tag::Other, sizeof(EpollObject));
  t->slots.dealloc = epoll_dealloc;
  t->slots.construct = epoll_construct;
  t->slots.getattr = epoll_getattr;
  type_set_attr(ts, t, "__module__", Value::from_object(str_intern(ts, "select")));
  add_method(ts, t, "register", epoll_register);
  add_method(ts, t, "modify", epoll_modify);
  add_method(ts, t, "unregister", epoll_unregister);
  add_method(ts, t, "poll", epoll_poll);
  add_method(ts, t, "close", epoll_close);
  add_method(ts, t, "fileno", epoll_fileno);
  add_method(ts, t, "__enter__", epoll_enter);
  add_method(ts, t, "__exit__", epoll_exit);
  Value fn = builtin_new(ts, "fromfd", epoll_fromfd);
  Value cm = call(ts, Value::from_object(ts.types().classmethod), &fn, 1);
  decref(fn);
  if (cm) {
    type_set_attr(ts, t, "fromfd", cm);
    decref(cm);
  }
  ts.interp->native_types["select.epoll"] = t;
  return t;
}

}  // namespace

Value make_select_module(ThreadState& ts) {
  Value m = module_new(ts, "select");
  if (!m) return m;
  Dict* d = as_module(m)->dict;
  add_function(ts, d, "select", select_select);
  add_function(ts, d, "poll", select_poll);
  auto& types = ts.interp->native_types;
  auto found = types.find("select.epoll");
  Type* epoll = found != types.end() ? found->second : make_epoll_type(ts);
  dict_set_str(ts, d, "epoll", Value::from_object(epoll));
  dict_set_str(ts, d, "error", Value::from_object(ts.exc_types().OSError));
  const struct {
    const char* name;
    int64_t value;
  } constants[] = {
      {"POLLIN", POLLIN},
      {"POLLPRI", POLLPRI},
      {"POLLOUT", POLLOUT},
      {"POLLERR", POLLERR},
      {"POLLHUP", POLLHUP},
      {"POLLNVAL", POLLNVAL},
      {"POLLRDNORM", POLLRDNORM},
      {"POLLRDBAND", POLLRDBAND},
      {"POLLWRNORM", POLLWRNORM},
      {"POLLWRBAND", POLLWRBAND},
      {"POLLMSG", POLLMSG},
      {"POLLRDHUP", POLLRDHUP},
      {"EPOLLIN", EPOLLIN},
      {"EPOLLOUT", EPOLLOUT},
      {"EPOLLPRI", EPOLLPRI},
      {"EPOLLERR", EPOLLERR},
      {"EPOLLHUP", EPOLLHUP},
      {"EPOLLET", EPOLLET},
      {"EPOLLONESHOT", EPOLLONESHOT},
      {"EPOLLRDHUP", EPOLLRDHUP},
      {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE},
      {"EPOLLRDNORM", EPOLLRDNORM},
      {"EPOLLRDBAND", EPOLLRDBAND},
      {"EPOLLWRNORM", EPOLLWRNORM},
      {"EPOLLWRBAND", EPOLLWRBAND},
      {"EPOLLMSG", EPOLLMSG},
      {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
      {"PIPE_BUF", PIPE_BUF},
  };
  for (const auto& c : constants) {
    Value v = int_from_i64(ts, static_cast<uint32_t>(c.value));
    dict_set_str(ts, d, c.name, v);
    decref(v);
  }
  return m;
}

}  // namespace gilvm
