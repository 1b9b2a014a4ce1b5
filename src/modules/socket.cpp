// The `_socket` module: the socket object and the constants under
// lib/socket.py, which adds what CPython writes in Python (the enums,
// makefile, create_connection, create_server, ...). Addresses and the name
// service live in socket_addr.cpp.
//
// Blocking. Every call that can wait (accept, connect, send, sendall,
// recv*, sendto, recvfrom*, and the poll() behind a timeout) runs inside
// a BlockingRegion with BlockCause::Socket, so a thread waiting on the
// network never holds the GIL; only the system calls run there, on
// copies of the descriptor, pointers and lengths taken with the GIL held.
// Timeouts work as in CPython: a socket with a timeout has a non-blocking
// descriptor; a call that would block polls for readiness with the time
// left before its deadline and is then retried, and an expired deadline
// raises TimeoutError('timed out'). A socket without a timeout blocks in
// the system call itself. EINTR retries the call (with the time left);
// in the main thread a pending Ctrl-C raises KeyboardInterrupt first.
//
// Concurrent close. Another thread may close a socket while a call on it
// is blocked with the GIL released: the calls in flight of
// runtime/in_flight.h, the one mechanism files and epoll objects use too.
// close() marks the socket closed at once (fileno() is -1, later calls
// raise EBADF) and, when calls are in flight, leaves the descriptor open
// for them: as in CPython, a blocked call goes on waiting and returns what
// arrives (the peer saw no close), and the last call to finish closes the
// descriptor; sendall's next chunk raises EBADF, as CPython's, which reads
// the closed descriptor each round. With nothing in flight close() closes
// it immediately.
//
// Ready I/O (the fair policy's rule 8, src/gil/fair.cpp). When the GIL
// policy's releases_for_ready_io(input) is false, send, sendall, sendto
// (and, when asked for, recv*, recvfrom* and accept) are first tried
// without waiting (MSG_DONTWAIT, or a descriptor that is non-blocking
// already) with the GIL held; only a call that would block releases it.
// GILVM_FAIR_TRY_IO=1 (sends) or 2 (and receives) turns it on; it is off
// by default (fair.cpp says why, measured).
//
// Buffers. bytes are immutable, so send() passes their storage to the
// kernel while holding a reference; a bytearray or memoryview could be
// resized or released by another thread while the GIL is released, so it
// is copied first, and received data lands in a private buffer that is
// copied into the target once the GIL is back.
#include <fcntl.h>
#include <fmt/core.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "gil/blocking.h"
#include "modules/modules.h"
#include "modules/socket_addr.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/fileio.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/in_flight.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memoryview.h"
#include "runtime/module.h"
#include "runtime/ops.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/eval_breaker.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kTypeKey = "_socket.socket";
// Where the module's default timeout lives: a class attribute of the
// socket type, which is per interpreter (there are no globals).
constexpr const char* kDefaultTimeoutAttr = "_defaulttimeout";

struct SocketObject : Object {
  int fd;  // -1 once closed or detached: what Python sees
  int family;
  int type;  // without SOCK_NONBLOCK/SOCK_CLOEXEC, as CPython reports it
  int proto;
  double timeout;     // seconds; < 0: None (blocking), 0: non-blocking
  InFlightCalls in_flight;  // calls using the descriptor now (in_flight.h)
  int close_pending;        // the descriptor close() left to the last call in flight, or -1
};

SocketObject* as_socket(Value v) { return static_cast<SocketObject*>(v.as_object()); }

void socket_dealloc(Object* o) {
  // A call in flight holds a reference (SocketUse), so nothing uses the
  // descriptor any more. CPython warns (ResourceWarning) when warnings are
  // enabled; gilvm closes quietly.
  auto* s = static_cast<SocketObject*>(o);
  if (s->fd >= 0) ::close(s->fd);
}

bool is_socket(Value v) {
  return v.is_object() && v.as_object()->type->slots.dealloc == socket_dealloc;
}

SocketObject* self_socket(ThreadState& ts, const Value* args, size_t nargs, const char* method) {
  if (nargs > 0 && is_socket(args[0])) return as_socket(args[0]);
  raisef(ts, ts.exc_types().TypeError, "descriptor '{}' requires a '_socket.socket' object",
         method);
  return nullptr;
}

Value raise_timeout(ThreadState& ts) { return raise(ts, ts.exc_types().TimeoutError, "timed out"); }

// An error from a call on `s`: after a concurrent close the connection was
// shut down under the call, and what the caller should hear is that the
// socket is closed.
Value raise_socket_error(ThreadState& ts, const SocketObject* s, int err) {
  return raise_os_error(ts, s->fd < 0 ? EBADF : err);
}

// True, or false with KeyboardInterrupt: a pending Ctrl-C in the main
// thread ends a call that EINTR interrupted.
bool check_signals(ThreadState& ts) {
  return !wait_interrupted(ts) || handle_eval_breaker(ts);
}

// The release close() defers while calls are in flight.
void release_closing_descriptor(ThreadState&, Object* o) {
  auto* s = static_cast<SocketObject*>(o);
  ::close(s->close_pending);
  s->close_pending = -1;
}

// A call's use of the descriptor, from before its GIL release until after
// it has the GIL back; see "Concurrent close" above.
class SocketUse {
 public:
  SocketUse(ThreadState& ts, SocketObject* s) : use_(ts, s, s->in_flight), s_(s), fd_(s->fd) {}
  int fd() const { return fd_; }
  SocketObject* socket() const { return s_; }

 private:
  InFlight use_;
  SocketObject* s_;
  int fd_;
};

// When a call that would block waits for readiness, and until when.
struct Deadline {
  bool waits = false;    // poll() on EAGAIN (a timeout is set)
  bool forever = false;  // poll() with no end
  Clock::time_point at;
};

Deadline deadline_for(const SocketObject* s) {
  Deadline d;
  if (s->timeout > 0) {
    d.waits = true;
    d.at = Clock::now() +
           std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s->timeout));
  }
  return d;
}

// Waits (GIL released) until `fd` is ready for `events`: 1 ready, 0 the
// deadline passed, -1 with errno.
int wait_ready(int fd, short events, const Deadline& d) {
  pollfd p{fd, events, 0};
  if (d.forever) return ::ppoll(&p, 1, nullptr, nullptr) < 0 ? -1 : 1;
  auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(d.at - Clock::now()).count();
  if (left <= 0) return 0;
  timespec t{static_cast<time_t>(left / 1'000'000'000), static_cast<long>(left % 1'000'000'000)};
  int r = ::ppoll(&p, 1, &t, nullptr);
  return r < 0 ? -1 : r > 0 ? 1 : 0;
}

struct CallResult {
  ssize_t n = -1;  // >= 0 on success
  int err = 0;     // errno when n < 0
  bool timed_out = false;
  bool ready = false;  // the wait saw the socket ready: retry with the GIL back
};

// One system call on `fd` with the GIL released, waiting for readiness and
// retrying while it would block and a timeout is set. `call` touches no
// Python object.
template <typename Call>
CallResult call_unlocked(ThreadState& ts, int fd, short events, const Deadline& d, Call& call) {
  BlockingRegion guard(ts, BlockCause::Socket);
  for (;;) {
    ssize_t n = call(fd, 0);
    if (n >= 0) return {n, 0, false};
    int err = errno;
    if (!d.waits || (err != EAGAIN && err != EWOULDBLOCK)) return {-1, err, false};
    int ready = wait_ready(fd, events, d);
    if (ready == 0) return {-1, 0, true};
    if (ready < 0) return {-1, errno, false};
    // Back to the caller, which takes the GIL and sees whether a close()
    // came during the wait: CPython's call after the poll finds the
    // socket closed and raises EBADF.
    return {-1, 0, false, true};
  }
}

// Runs `call` on the socket in flight until it completes: EINTR retries
// (after looking for Ctrl-C), a timeout raises TimeoutError, an error
// raises the OSError CPython would. True with the result in *out.
bool tries_ready_io(ThreadState& ts, short events) {
  Gil* gil = ts.interp->gil.get();
  return gil && !gil->releases_for_ready_io(events == POLLIN);
}

// `call(fd, extra_flags)`; `may_try`: the call can be made not to wait
// (see "Ready I/O" above).
template <typename Call>
bool sock_call(ThreadState& ts, const SocketUse& use, short events, const Deadline& d, Call call,
               ssize_t* out, bool may_try = true) {
  if (may_try && tries_ready_io(ts, events)) {
    ssize_t n = call(use.fd(), MSG_DONTWAIT);
    if (n >= 0) {
      *out = n;
      return true;
    }
    int err = errno;
    bool would_block = err == EAGAIN || err == EWOULDBLOCK;
    // A non-blocking socket's EAGAIN is its answer; other errors are final.
    if ((would_block && use.socket()->timeout == 0) || (!would_block && err != EINTR))
      return raise_socket_error(ts, use.socket(), err), false;
  }
  for (;;) {
    CallResult r = call_unlocked(ts, use.fd(), events, d, call);
    if (r.n >= 0) {
      *out = r.n;
      return true;
    }
    if (r.timed_out) return raise_timeout(ts), false;
    if (r.ready) {
      if (use.socket()->fd < 0) return raise_socket_error(ts, use.socket(), EBADF), false;
      continue;
    }
    if (r.err != EINTR) return raise_socket_error(ts, use.socket(), r.err), false;
    if (!check_signals(ts)) return false;
  }
}

bool ensure_open(ThreadState& ts, const SocketObject* s) {
  if (s->fd >= 0) return true;
  raise_os_error(ts, EBADF);
  return false;
}

// ----------------------------------------------------------- buffers

// The bytes of a bytes-like argument, readable without the GIL (see
// "Buffers" above).
class SendBuffer {
 public:
  bool init(ThreadState& ts, Value v) {
    if (has_layout(v, Tag::Bytes)) {
      owner_ = Ref::borrow(v);
      view_ = as_bytes(v)->view();
      return true;
    }
    std::string_view view;
    if (is_str_like(v) || !bytes_like_view(v, &view)) {
      raisef(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'",
             type_name(ts, v));
      return false;
    }
    copy_.assign(view);
    view_ = copy_;
    return true;
  }
  const char* data() const { return view_.data(); }
  size_t size() const { return view_.size(); }

 private:
  Ref owner_;
  std::string copy_;
  std::string_view view_;
};

// Uninitialised scratch memory for received bytes.
class RecvBuffer {
 public:
  bool init(ThreadState& ts, int64_t n) {
    data_.reset(static_cast<char*>(std::malloc(n > 0 ? static_cast<size_t>(n) : 1)));
    if (!data_) raise(ts, ts.exc_types().MemoryError, "");
    return data_ != nullptr;
  }
  char* data() const { return data_.get(); }

 private:
  struct Free {
    void operator()(char* p) const { std::free(p); }
  };
  std::unique_ptr<char, Free> data_;
};

// recv_into/recvfrom_into's (buffer, nbytes=0, flags=0).
bool into_args(ThreadState& ts, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
               Value* target, int64_t* nbytes, int64_t* flags) {
  Value a[3];
  if (!parse_args(ts, fname, args, nargs, kwnames, {"buffer", "nbytes", "flags"}, 1, -1, a))
    return false;
  *target = a[0];
  *nbytes = 0;
  *flags = 0;
  if ((a[1] && !to_index(ts, a[1], nbytes)) || (a[2] && !to_index(ts, a[2], flags))) return false;
  int64_t len;
  if (!writable_buffer(ts, a[0], fname, "argument 1", &len)) return false;
  if (*nbytes < 0) {
    raisef(ts, ts.exc_types().ValueError, "negative buffersize in {}", fname);
    return false;
  }
  if (*nbytes == 0) *nbytes = len;
  if (*nbytes > len) {
    raise(ts, ts.exc_types().ValueError,
          std::string(fname) == "recv_into" ? "buffer too small for requested bytes"
                                            : "nbytes is greater than the length of the buffer");
    return false;
  }
  return true;
}

// ------------------------------------------------------ timeouts, modes

// A timeout argument: None -> -1, else non-negative seconds.
bool timeout_arg(ThreadState& ts, Value v, double* out) {
  if (v.is(ts.none())) {
    *out = -1;
    return true;
  }
  if (!is_float(v) && !is_int_like(v)) {
    raisef(ts, ts.exc_types().TypeError, "'{}' object cannot be interpreted as an integer",
           type_name(ts, v));
    return false;
  }
  if (!to_double(ts, v, out)) return false;
  if (std::isnan(*out)) {
    raise(ts, ts.exc_types().ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  if (*out < 0) {
    raise(ts, ts.exc_types().ValueError, "Timeout value out of range");
    return false;
  }
  return true;
}

Value timeout_value(ThreadState& ts, double t) {
  return t < 0 ? newref(ts.none()) : float_new(ts, t);
}

bool set_nonblocking(int fd, bool nonblocking) {
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return false;
  int want = nonblocking ? flags | O_NONBLOCK : flags & ~O_NONBLOCK;
  return want == flags || ::fcntl(fd, F_SETFL, want) == 0;
}

// Applies `timeout` to `s`: its descriptor is non-blocking whenever a
// timeout (0 included) is set.
// CPython records the timeout even when the descriptor is closed.
bool apply_timeout(ThreadState& ts, SocketObject* s, double timeout) {
  s->timeout = timeout;
  if (!ensure_open(ts, s)) return false;
  if (!set_nonblocking(s->fd, timeout >= 0)) return raise_os_error(ts, errno), false;
  return true;
}

double default_timeout(ThreadState& ts, Type* t) {
  Value v = dict_get_str(t->dict, str_intern(ts, kDefaultTimeoutAttr));
  return v && is_float(v) ? static_cast<Float*>(v.as_object())->value : -1;
}

Type* socket_type(ThreadState& ts);

// A socket object owning `fd`; type may carry SOCK_NONBLOCK (timeout 0),
// otherwise the default timeout applies. Closes fd on failure.
Value socket_wrap(ThreadState& ts, int fd, int family, int type, int proto) {
  Type* t = socket_type(ts);
  auto* s = alloc<SocketObject>(ts, t, Tag::Other);
  s->fd = fd;
  s->family = family;
  s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = proto;
  s->close_pending = -1;
  s->timeout = (type & SOCK_NONBLOCK) ? 0 : -1;
  Value v = Value::from_object(s);
  if (!(type & SOCK_NONBLOCK)) {
    double d = default_timeout(ts, t);
    if (d >= 0 && !apply_timeout(ts, s, d)) {
      decref(v);
      return Value::null();
    }
  }
  return v;
}

bool sockopt_int(int fd, int option, int* out) {
  socklen_t len = sizeof *out;
  return ::getsockopt(fd, SOL_SOCKET, option, out, &len) == 0;
}

// socket(family=-1, type=-1, proto=-1, fileno=None): -1 means AF_INET,
// SOCK_STREAM and 0 for a new socket, and "ask the descriptor" with fileno.
Value socket_construct(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  if (!parse_args(ts, "socket", args, nargs, kwnames, {"family", "type", "proto", "fileno"}, 0, -1,
                  a))
    return Value::null();
  int64_t n[3] = {-1, -1, -1};
  for (int i = 0; i < 3; ++i)
    if (a[i] && !a[i].is(ts.none()) && !to_index(ts, a[i], &n[i])) return Value::null();
  int family = static_cast<int>(n[0]), type = static_cast<int>(n[1]),
      proto = static_cast<int>(n[2]);
  if (a[3] && !a[3].is(ts.none())) {
    if (is_float(a[3]))
      return raise(ts, ts.exc_types().TypeError,
                   "'float' object cannot be interpreted as an integer");
    int64_t fd;
    if (!to_index(ts, a[3], &fd)) return Value::null();
    if (fd < 0) return raise(ts, ts.exc_types().ValueError, "negative file descriptor");
    if (fd > INT32_MAX) return raise_os_error(ts, EBADF);
    int f = static_cast<int>(fd);
    if ((family == -1 && !sockopt_int(f, SO_DOMAIN, &family)) ||
        (type == -1 && !sockopt_int(f, SO_TYPE, &type)) ||
        (proto == -1 && !sockopt_int(f, SO_PROTOCOL, &proto)))
      return raise_os_error(ts, errno);
    return socket_wrap(ts, f, family, type, proto);
  }
  if (family == -1) family = AF_INET;
  if (type == -1) type = SOCK_STREAM;
  if (proto == -1) proto = 0;
  int fd = ::socket(family, type | SOCK_CLOEXEC, proto);
  if (fd < 0) return raise_os_error(ts, errno);
  return socket_wrap(ts, fd, family, type, proto);
}

// ------------------------------------------------------------ methods

#define SELF(name)                                      \
  SocketObject* s = self_socket(ts, args, nargs, name); \
  if (!s) return Value::null();                         \
  args++;                                               \
  nargs--

Value sock_fileno(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("fileno");
  if (!check_positional(ts, "fileno", nargs, kwnames, 0, 0)) return Value::null();
  return Value::from_small(s->fd);
}

Value sock_close(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("close");
  if (!check_positional(ts, "close", nargs, kwnames, 0, 0)) return Value::null();
  if (s->fd < 0) return newref(ts.none());
  int fd = s->fd;
  s->fd = -1;
  if (!release_now_or_defer(s->in_flight, release_closing_descriptor)) {
    // No shutdown to wake them: CPython's close() leaves a blocked recv or
    // accept waiting, and the peer still sees an open connection (its
    // send succeeds, the recv returns that data). Issue 17's rule is
    // python3's output; the last call in flight closes the descriptor.
    s->close_pending = fd;
    return newref(ts.none());
  }
  int rc;
  {
    BlockingRegion guard(ts, BlockCause::Socket);  // SO_LINGER can make close wait
    rc = ::close(fd);
  }
  if (rc != 0 && errno != ECONNRESET) return raise_os_error(ts, errno);
  return newref(ts.none());
}

Value sock_detach(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("detach");
  if (!check_positional(ts, "detach", nargs, kwnames, 0, 0)) return Value::null();
  int fd = s->fd;
  s->fd = -1;
  return Value::from_small(fd);
}

Value sock_bind(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("bind");
  if (!check_positional(ts, "bind", nargs, kwnames, 1, 1)) return Value::null();
  SockAddr a;
  if (!sockaddr_from_python(ts, s->family, args[0], "bind", &a) || !ensure_open(ts, s))
    return Value::null();
  if (::bind(s->fd, a.get(), a.len) != 0) return raise_os_error(ts, errno);
  return newref(ts.none());
}

Value sock_listen(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("listen");
  if (!check_positional(ts, "listen", nargs, kwnames, 0, 1)) return Value::null();
  int64_t backlog = std::min(SOMAXCONN, 128);
  if (nargs == 1 && !to_index(ts, args[0], &backlog)) return Value::null();
  if (!ensure_open(ts, s)) return Value::null();
  backlog = std::clamp<int64_t>(backlog, 0, INT32_MAX);
  if (::listen(s->fd, static_cast<int>(backlog)) != 0) return raise_os_error(ts, errno);
  return newref(ts.none());
}

// _accept() -> (fd, address); socket.py wraps the descriptor.
Value sock_accept(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("_accept");
  if (!check_positional(ts, "_accept", nargs, kwnames, 0, 0) || !ensure_open(ts, s))
    return Value::null();
  SockAddr peer;
  ssize_t fd;
  {
    SocketUse use(ts, s);
    auto call = [&peer](int listener, int) {
      peer.len = sizeof peer.storage;
      return static_cast<ssize_t>(::accept4(listener, peer.get(), &peer.len, SOCK_CLOEXEC));
    };
    // accept4 has no don't-wait flag: tried first only on a non-blocking
    // descriptor (a timeout is set).
    if (!sock_call(ts, use, POLLIN, deadline_for(s), call, &fd, s->timeout >= 0))
      return Value::null();
  }
  Value addr = sockaddr_to_python(ts, peer.get(), peer.len);
  if (!addr) {
    ::close(static_cast<int>(fd));
    return Value::null();
  }
  Value r = tuple_pack(ts, {Value::from_small(fd), addr});
  decref(addr);
  return r;
}

// The outcome of connect when it is not a plain errno.
constexpr int kConnectRaised = -1;    // an exception is pending (Ctrl-C)
constexpr int kConnectTimedOut = -2;  // the timeout expired

// Connects `s` to `a`: 0, an errno, or one of the two outcomes above. A
// connect that would block (timeout set) or that EINTR interrupted (it
// goes on in the kernel) is waited for with poll() until the socket is
// writable, and its result read from SO_ERROR, as CPython does.
int connect_impl(ThreadState& ts, SocketObject* s, const SockAddr& a) {
  SocketUse use(ts, s);
  const int fd = use.fd();
  int err;
  {
    BlockingRegion guard(ts, BlockCause::Socket);
    err = ::connect(fd, reinterpret_cast<const sockaddr*>(&a.storage), a.len) == 0 ? 0 : errno;
  }
  // Closed by another thread meanwhile: whatever connect said, the socket
  // is gone.
  auto outcome = [s](int e) { return s->fd < 0 ? EBADF : e; };
  Deadline d = deadline_for(s);
  if (err == EINTR) {
    if (!check_signals(ts)) return kConnectRaised;
    if (s->timeout == 0) return outcome(err);
    d.waits = true;
    d.forever = s->timeout < 0;
  } else if (!(err == EINPROGRESS && d.waits)) {
    return outcome(err);
  }
  for (;;) {
    int ready;
    {
      BlockingRegion guard(ts, BlockCause::Socket);
      ready = wait_ready(fd, POLLOUT, d);
      if (ready > 0) {
        socklen_t len = sizeof err;
        if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
      } else if (ready < 0) {
        err = errno;
      }
    }
    if (ready == 0) return kConnectTimedOut;
    if (ready < 0 && err == EINTR) {
      if (!check_signals(ts)) return kConnectRaised;
      continue;
    }
    return outcome(err);
  }
}

template <bool kRaise>
Value sock_connect(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* name = kRaise ? "connect" : "connect_ex";
  SELF(name);
  if (!check_positional(ts, name, nargs, kwnames, 1, 1)) return Value::null();
  SockAddr a;
  if (!sockaddr_from_python(ts, s->family, args[0], name, &a)) return Value::null();
  int err = s->fd < 0 ? EBADF : connect_impl(ts, s, a);
  if (err == kConnectRaised) return Value::null();
  if (kRaise) {
    if (err == kConnectTimedOut) return raise_timeout(ts);
    if (err != 0) return raise_os_error(ts, err);
    return newref(ts.none());
  }
  return Value::from_small(err == kConnectTimedOut ? EWOULDBLOCK : err);
}

bool flags_arg(ThreadState& ts, const Value* args, size_t nargs, size_t at, int* flags) {
  int64_t f = 0;
  if (nargs > at && !to_index(ts, args[at], &f)) return false;
  *flags = static_cast<int>(f);
  return true;
}

Value sock_send(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("send");
  if (!check_positional(ts, "send", nargs, kwnames, 1, 2)) return Value::null();
  SendBuffer data;
  int flags;
  if (!data.init(ts, args[0]) || !flags_arg(ts, args, nargs, 1, &flags) || !ensure_open(ts, s))
    return Value::null();
  SocketUse use(ts, s);
  const Deadline d = deadline_for(s);
  size_t sent = 0;
  auto call = [&](int fd, int extra) {
    return ::send(fd, data.data() + sent, data.size() - sent, flags | extra | MSG_NOSIGNAL);
  };
  ssize_t n;
  if (!sock_call(ts, use, POLLOUT, d, call, &n)) return Value::null();
  sent = static_cast<size_t>(n);
  // A blocking send waits until everything is out; one tried without
  // waiting (ready I/O) may have sent part: the rest is sent as it would be.
  if (s->timeout < 0 && sent > 0 && sent < data.size() && tries_ready_io(ts, POLLOUT)) {
    if (!sock_call(ts, use, POLLOUT, d, call, &n, false)) return Value::null();
    sent += static_cast<size_t>(n);
  }
  return int_from_i64(ts, static_cast<int64_t>(sent));
}

// sendall: send() until everything is out, one deadline for the whole.
Value sock_sendall(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("sendall");
  if (!check_positional(ts, "sendall", nargs, kwnames, 1, 2)) return Value::null();
  SendBuffer data;
  int flags;
  if (!data.init(ts, args[0]) || !flags_arg(ts, args, nargs, 1, &flags) || !ensure_open(ts, s))
    return Value::null();
  SocketUse use(ts, s);
  const Deadline d = deadline_for(s);
  size_t sent = 0;
  do {
    ssize_t n;
    auto call = [&](int fd, int extra) {
      return ::send(fd, data.data() + sent, data.size() - sent, flags | extra | MSG_NOSIGNAL);
    };
    if (!sock_call(ts, use, POLLOUT, d, call, &n)) return Value::null();
    sent += static_cast<size_t>(n);
    if (!check_signals(ts)) return Value::null();
    if (s->fd < 0 && sent < data.size()) return raise_socket_error(ts, s, EBADF);
  } while (sent < data.size());
  return newref(ts.none());
}

Value sock_sendto(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("sendto");
  if (kwnames && kwnames->size > 0)
    return raise(ts, ts.exc_types().TypeError, "sendto() takes no keyword arguments");
  if (nargs != 2 && nargs != 3)
    return raisef(ts, ts.exc_types().TypeError, "sendto() takes 2 or 3 arguments ({} given)",
                  nargs);
  SendBuffer data;
  int flags;
  SockAddr a;
  if (!data.init(ts, args[0]) || !flags_arg(ts, args, nargs == 3 ? 2 : 1, 1, &flags) ||
      !sockaddr_from_python(ts, s->family, args[nargs - 1], "sendto", &a) || !ensure_open(ts, s))
    return Value::null();
  SocketUse use(ts, s);
  ssize_t n;
  auto call = [&](int fd, int extra) {
    return ::sendto(fd, data.data(), data.size(), flags | extra | MSG_NOSIGNAL,
                    reinterpret_cast<const sockaddr*>(&a.storage), a.len);
  };
  if (!sock_call(ts, use, POLLOUT, deadline_for(s), call, &n)) return Value::null();
  return int_from_i64(ts, n);
}

// Receives up to `size` bytes into `buf` (and the sender into *from when
// given). False with an exception.
bool receive(ThreadState& ts, SocketObject* s, char* buf, int64_t size, int flags, SockAddr* from,
             ssize_t* got) {
  SocketUse use(ts, s);
  auto call = [&](int fd, int extra) {
    if (!from) return ::recv(fd, buf, static_cast<size_t>(size), flags | extra);
    from->len = sizeof from->storage;
    return ::recvfrom(fd, buf, static_cast<size_t>(size), flags | extra, from->get(), &from->len);
  };
  // MSG_WAITALL asks to wait for all of it: not a call to try without waiting.
  return sock_call(ts, use, POLLIN, deadline_for(s), call, got, !(flags & MSG_WAITALL));
}

bool bufsize_arg(ThreadState& ts, const char* fname, const Value* args, size_t nargs,
                 Tuple* kwnames, int64_t* size, int* flags) {
  if (!check_positional(ts, fname, nargs, kwnames, 1, 2) || !to_index(ts, args[0], size) ||
      !flags_arg(ts, args, nargs, 1, flags))
    return false;
  if (*size < 0) {
    raisef(ts, ts.exc_types().ValueError, "negative buffersize in {}", fname);
    return false;
  }
  return true;
}

Value sock_recv(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("recv");
  int64_t size;
  int flags;
  RecvBuffer buf;
  if (!bufsize_arg(ts, "recv", args, nargs, kwnames, &size, &flags) || !ensure_open(ts, s) ||
      !buf.init(ts, size))
    return Value::null();
  ssize_t got;
  if (!receive(ts, s, buf.data(), size, flags, nullptr, &got)) return Value::null();
  return bytes_new(ts, {buf.data(), static_cast<size_t>(got)});
}

Value sock_recvfrom(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("recvfrom");
  int64_t size;
  int flags;
  RecvBuffer buf;
  if (!bufsize_arg(ts, "recvfrom", args, nargs, kwnames, &size, &flags) || !ensure_open(ts, s) ||
      !buf.init(ts, size))
    return Value::null();
  SockAddr from;
  ssize_t got;
  if (!receive(ts, s, buf.data(), size, flags, &from, &got)) return Value::null();
  Ref data = Ref::steal(bytes_new(ts, {buf.data(), static_cast<size_t>(got)}));
  Ref addr = Ref::steal(sockaddr_to_python(ts, from.get(), from.len));
  if (!data || !addr) return Value::null();
  return tuple_pack(ts, {data.get(), addr.get()});
}

template <bool kFrom>
Value sock_recv_into(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* name = kFrom ? "recvfrom_into" : "recv_into";
  SELF(name);
  Value target;
  int64_t nbytes, flags;
  RecvBuffer buf;
  if (!into_args(ts, name, args, nargs, kwnames, &target, &nbytes, &flags) || !ensure_open(ts, s) ||
      !buf.init(ts, nbytes))
    return Value::null();
  Ref keep = Ref::borrow(target);
  SockAddr from;
  ssize_t got;
  if (!receive(ts, s, buf.data(), nbytes, static_cast<int>(flags), kFrom ? &from : nullptr, &got) ||
      !fill_buffer(ts, target, buf.data(), static_cast<size_t>(got)))
    return Value::null();
  if (!kFrom) return int_from_i64(ts, got);
  Ref addr = Ref::steal(sockaddr_to_python(ts, from.get(), from.len));
  if (!addr) return Value::null();
  return tuple_pack(ts, {Value::from_small(got), addr.get()});
}

Value sock_shutdown(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("shutdown");
  int64_t how;
  if (!check_positional(ts, "shutdown", nargs, kwnames, 1, 1) || !to_index(ts, args[0], &how) ||
      !ensure_open(ts, s))
    return Value::null();
  if (::shutdown(s->fd, static_cast<int>(how)) != 0) return raise_os_error(ts, errno);
  return newref(ts.none());
}

template <bool kPeer>
Value sock_name(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* name = kPeer ? "getpeername" : "getsockname";
  SELF(name);
  if (!check_positional(ts, name, nargs, kwnames, 0, 0) || !ensure_open(ts, s))
    return Value::null();
  SockAddr a;
  a.len = sizeof a.storage;
  int rc = kPeer ? ::getpeername(s->fd, a.get(), &a.len) : ::getsockname(s->fd, a.get(), &a.len);
  if (rc != 0) return raise_os_error(ts, errno);
  return sockaddr_to_python(ts, a.get(), a.len);
}

// setsockopt(level, option, value: int | bytes-like) or
// setsockopt(level, option, None, optlen).
Value sock_setsockopt(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("setsockopt");
  if (!check_positional(ts, "setsockopt", nargs, kwnames, 3, 4)) return Value::null();
  int64_t level, option;
  if (!to_index(ts, args[0], &level) || !to_index(ts, args[1], &option)) return Value::null();
  int rc;
  if (nargs == 4) {
    int64_t optlen;
    if (!args[2].is(ts.none()))
      return raisef(ts, ts.exc_types().TypeError,
                    "setsockopt() argument 3 must be NoneType, not {}", type_name(ts, args[2]));
    if (!to_index(ts, args[3], &optlen) || !ensure_open(ts, s)) return Value::null();
    rc = ::setsockopt(s->fd, static_cast<int>(level), static_cast<int>(option), nullptr,
                      static_cast<socklen_t>(optlen));
  } else if (is_int_like(args[2])) {
    int64_t v;
    if (!to_index(ts, args[2], &v) || !ensure_open(ts, s)) return Value::null();
    int iv = static_cast<int>(v);
    rc = ::setsockopt(s->fd, static_cast<int>(level), static_cast<int>(option), &iv, sizeof iv);
  } else {
    SendBuffer data;
    if (!data.init(ts, args[2]) || !ensure_open(ts, s)) return Value::null();
    rc = ::setsockopt(s->fd, static_cast<int>(level), static_cast<int>(option), data.data(),
                      static_cast<socklen_t>(data.size()));
  }
  if (rc != 0) return raise_os_error(ts, errno);
  return newref(ts.none());
}

// getsockopt(level, option[, buflen]): an int, or buflen raw bytes.
Value sock_getsockopt(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("getsockopt");
  if (!check_positional(ts, "getsockopt", nargs, kwnames, 2, 3)) return Value::null();
  int64_t level, option, buflen = 0;
  if (!to_index(ts, args[0], &level) || !to_index(ts, args[1], &option) ||
      (nargs == 3 && !to_index(ts, args[2], &buflen)))
    return Value::null();
  if (!ensure_open(ts, s)) return Value::null();
  if (buflen == 0) {
    int v = 0;
    socklen_t len = sizeof v;
    if (::getsockopt(s->fd, static_cast<int>(level), static_cast<int>(option), &v, &len) != 0)
      return raise_os_error(ts, errno);
    return Value::from_small(v);
  }
  if (buflen < 0 || buflen > 1024)
    return raise(ts, ts.exc_types().OSError, "getsockopt buflen out of range");
  char buf[1024];
  socklen_t len = static_cast<socklen_t>(buflen);
  if (::getsockopt(s->fd, static_cast<int>(level), static_cast<int>(option), buf, &len) != 0)
    return raise_os_error(ts, errno);
  return bytes_new(ts, {buf, len});
}

Value sock_settimeout(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("settimeout");
  double t;
  if (!check_positional(ts, "settimeout", nargs, kwnames, 1, 1) || !timeout_arg(ts, args[0], &t) ||
      !apply_timeout(ts, s, t))
    return Value::null();
  return newref(ts.none());
}

Value sock_gettimeout(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("gettimeout");
  if (!check_positional(ts, "gettimeout", nargs, kwnames, 0, 0)) return Value::null();
  return timeout_value(ts, s->timeout);
}

Value sock_setblocking(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("setblocking");
  int64_t blocking;  // an int, as CPython wants (None is refused)
  if (!check_positional(ts, "setblocking", nargs, kwnames, 1, 1)) return Value::null();
  if (is_float(args[0]))
    return raise(ts, ts.exc_types().TypeError,
                 "'float' object cannot be interpreted as an integer");
  if (!to_index(ts, args[0], &blocking) || !apply_timeout(ts, s, blocking ? -1 : 0))
    return Value::null();
  return newref(ts.none());
}

Value sock_getblocking(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  SELF("getblocking");
  if (!check_positional(ts, "getblocking", nargs, kwnames, 0, 0)) return Value::null();
  return newref(ts.bool_value(s->timeout != 0));
}

#undef SELF

Value socket_repr(ThreadState& ts, Value self) {
  SocketObject* s = as_socket(self);
  return str_new(ts, fmt::format("<socket object, fd={}, family={}, type={}, proto={}>", s->fd,
                                 s->family, s->type, s->proto));
}

// The read-only attributes family, type, proto and timeout: properties
// rather than a getattr slot, which would cost method calls on sockets
// the eval loop's fast path (LOAD_METHOD skips types with a getattr slot).
template <int kField>
Value sock_attribute(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
  SocketObject* s = self_socket(ts, args, nargs, "attribute");
  if (!s) return Value::null();
  switch (kField) {
    case 0:
      return Value::from_small(s->family);
    case 1:
      return Value::from_small(s->type);
    case 2:
      return Value::from_small(s->proto);
    default:
      return timeout_value(ts, s->timeout);
  }
}

void add_attribute(ThreadState& ts, Type* t, const char* name, NativeFn getter) {
  Ref fn = Ref::steal(builtin_new(ts, name, getter));
  Value fget = fn.get();
  Ref prop = Ref::steal(call(ts, Value::from_object(ts.types().property), &fget, 1));
  if (prop) type_set_attr(ts, t, name, prop.get());
}

Type* make_socket_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "socket", nullptr, Tag::Other, sizeof(SocketObject));
  t->slots.dealloc = socket_dealloc;
  t->slots.construct = socket_construct;
  t->slots.repr = socket_repr;
  type_set_attr(ts, t, "__module__", Value::from_object(str_intern(ts, "_socket")));
  type_set_attr(ts, t, kDefaultTimeoutAttr, ts.none());
  add_attribute(ts, t, "family", sock_attribute<0>);
  add_attribute(ts, t, "type", sock_attribute<1>);
  add_attribute(ts, t, "proto", sock_attribute<2>);
  add_attribute(ts, t, "timeout", sock_attribute<3>);
  add_method(ts, t, "fileno", sock_fileno);
  add_method(ts, t, "close", sock_close);
  add_method(ts, t, "detach", sock_detach);
  add_method(ts, t, "bind", sock_bind);
  add_method(ts, t, "listen", sock_listen);
  add_method(ts, t, "_accept", sock_accept);
  add_method(ts, t, "connect", sock_connect<true>);
  add_method(ts, t, "connect_ex", sock_connect<false>);
  add_method(ts, t, "send", sock_send);
  add_method(ts, t, "sendall", sock_sendall);
  add_method(ts, t, "sendto", sock_sendto);
  add_method(ts, t, "recv", sock_recv);
  add_method(ts, t, "recvfrom", sock_recvfrom);
  add_method(ts, t, "recv_into", sock_recv_into<false>);
  add_method(ts, t, "recvfrom_into", sock_recv_into<true>);
  add_method(ts, t, "shutdown", sock_shutdown);
  add_method(ts, t, "getsockname", sock_name<false>);
  add_method(ts, t, "getpeername", sock_name<true>);
  add_method(ts, t, "setsockopt", sock_setsockopt);
  add_method(ts, t, "getsockopt", sock_getsockopt);
  add_method(ts, t, "settimeout", sock_settimeout);
  add_method(ts, t, "gettimeout", sock_gettimeout);
  add_method(ts, t, "setblocking", sock_setblocking);
  add_method(ts, t, "getblocking", sock_getblocking);
  ts.interp->native_types[kTypeKey] = t;
  return t;
}

Type* socket_type(ThreadState& ts) {
  auto& types = ts.interp->native_types;
  auto found = types.find(kTypeKey);
  return found != types.end() ? found->second : make_socket_type(ts);
}

// ------------------------------------------------------ module functions

// socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0) -> (socket, socket)
Value sock_socketpair(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  if (!parse_args(ts, "socketpair", args, nargs, kwnames, {"family", "type", "proto"}, 0, -1, a))
    return Value::null();
  int64_t n[3] = {AF_UNIX, SOCK_STREAM, 0};
  for (int i = 0; i < 3; ++i)
    if (a[i] && !a[i].is(ts.none()) && !to_index(ts, a[i], &n[i])) return Value::null();
  int fds[2];
  const int family = static_cast<int>(n[0]), type = static_cast<int>(n[1]),
            proto = static_cast<int>(n[2]);
  if (::socketpair(family, type | SOCK_CLOEXEC, proto, fds) != 0) return raise_os_error(ts, errno);
  Ref first = Ref::steal(socket_wrap(ts, fds[0], family, type, proto));
  if (!first) {
    ::close(fds[1]);
    return Value::null();
  }
  Ref second = Ref::steal(socket_wrap(ts, fds[1], family, type, proto));
  if (!second) return Value::null();
  return tuple_pack(ts, {first.get(), second.get()});
}

bool fd_arg(ThreadState& ts, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
            int* fd) {
  int64_t v;
  if (!check_positional(ts, fname, nargs, kwnames, 1, 1) || !to_index(ts, args[0], &v))
    return false;
  if (v < 0 || v > INT32_MAX) return raise_os_error(ts, EBADF), false;
  *fd = static_cast<int>(v);
  return true;
}

// dup(fd) -> a new descriptor, not inheritable (as CPython's).
Value sock_dup(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  int fd;
  if (!fd_arg(ts, "dup", args, nargs, kwnames, &fd)) return Value::null();
  int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return raise_os_error(ts, errno);
  return Value::from_small(copy);
}

Value sock_close_fd(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  int fd;
  if (!fd_arg(ts, "close", args, nargs, kwnames, &fd)) return Value::null();
  if (::close(fd) != 0 && errno != ECONNRESET) return raise_os_error(ts, errno);
  return newref(ts.none());
}

Value sock_getdefaulttimeout(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "getdefaulttimeout", nargs, kwnames, 0, 0)) return Value::null();
  return timeout_value(ts, default_timeout(ts, socket_type(ts)));
}

Value sock_setdefaulttimeout(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  double t;
  if (!check_positional(ts, "setdefaulttimeout", nargs, kwnames, 1, 1) ||
      !timeout_arg(ts, args[0], &t))
    return Value::null();
  Ref v = Ref::steal(timeout_value(ts, t));
  if (!v) return Value::null();
  type_set_attr(ts, socket_type(ts), kDefaultTimeoutAttr, v.get());
  return newref(ts.none());
}

struct Constant {
  const char* name;
  int64_t value;
};

#define GILVM_SOCKET_CONSTANT(name) {#name, name},
// socket.py makes enums of the AF_, SOCK_, MSG_ and AI_ groups.
constexpr Constant kConstants[] = {
    // clang-format off
  GILVM_SOCKET_CONSTANT(AF_UNSPEC) GILVM_SOCKET_CONSTANT(AF_UNIX) GILVM_SOCKET_CONSTANT(AF_INET)
  GILVM_SOCKET_CONSTANT(AF_INET6) GILVM_SOCKET_CONSTANT(AF_NETLINK) GILVM_SOCKET_CONSTANT(AF_PACKET)
  GILVM_SOCKET_CONSTANT(SOCK_STREAM) GILVM_SOCKET_CONSTANT(SOCK_DGRAM) GILVM_SOCKET_CONSTANT(SOCK_RAW)
  GILVM_SOCKET_CONSTANT(SOCK_RDM) GILVM_SOCKET_CONSTANT(SOCK_SEQPACKET)
  GILVM_SOCKET_CONSTANT(SOCK_NONBLOCK) GILVM_SOCKET_CONSTANT(SOCK_CLOEXEC)
  GILVM_SOCKET_CONSTANT(SOL_SOCKET) GILVM_SOCKET_CONSTANT(SOL_IP) GILVM_SOCKET_CONSTANT(SOL_TCP)
  {"SOL_UDP", IPPROTO_UDP},  // glibc names it only in <linux/socket.h>
  GILVM_SOCKET_CONSTANT(SO_DEBUG) GILVM_SOCKET_CONSTANT(SO_ACCEPTCONN) GILVM_SOCKET_CONSTANT(SO_REUSEADDR)
  GILVM_SOCKET_CONSTANT(SO_REUSEPORT) GILVM_SOCKET_CONSTANT(SO_KEEPALIVE) GILVM_SOCKET_CONSTANT(SO_DONTROUTE)
  GILVM_SOCKET_CONSTANT(SO_BROADCAST) GILVM_SOCKET_CONSTANT(SO_LINGER) GILVM_SOCKET_CONSTANT(SO_OOBINLINE)
  GILVM_SOCKET_CONSTANT(SO_SNDBUF) GILVM_SOCKET_CONSTANT(SO_RCVBUF) GILVM_SOCKET_CONSTANT(SO_SNDLOWAT)
  GILVM_SOCKET_CONSTANT(SO_RCVLOWAT) GILVM_SOCKET_CONSTANT(SO_SNDTIMEO) GILVM_SOCKET_CONSTANT(SO_RCVTIMEO)
  GILVM_SOCKET_CONSTANT(SO_ERROR) GILVM_SOCKET_CONSTANT(SO_TYPE) GILVM_SOCKET_CONSTANT(SO_DOMAIN)
  GILVM_SOCKET_CONSTANT(SO_PROTOCOL) GILVM_SOCKET_CONSTANT(SO_PEERCRED) GILVM_SOCKET_CONSTANT(SO_PRIORITY)
  GILVM_SOCKET_CONSTANT(SO_PASSCRED) GILVM_SOCKET_CONSTANT(SO_BINDTODEVICE) GILVM_SOCKET_CONSTANT(SO_MARK)
  GILVM_SOCKET_CONSTANT(SOMAXCONN) GILVM_SOCKET_CONSTANT(SCM_RIGHTS) GILVM_SOCKET_CONSTANT(SCM_CREDENTIALS)
  GILVM_SOCKET_CONSTANT(IPPROTO_IP) GILVM_SOCKET_CONSTANT(IPPROTO_ICMP) GILVM_SOCKET_CONSTANT(IPPROTO_TCP)
  GILVM_SOCKET_CONSTANT(IPPROTO_UDP) GILVM_SOCKET_CONSTANT(IPPROTO_IPV6) GILVM_SOCKET_CONSTANT(IPPROTO_RAW)
  GILVM_SOCKET_CONSTANT(IPPROTO_ICMPV6)
  GILVM_SOCKET_CONSTANT(IP_TOS) GILVM_SOCKET_CONSTANT(IP_TTL) GILVM_SOCKET_CONSTANT(IP_HDRINCL)
  GILVM_SOCKET_CONSTANT(IP_MULTICAST_IF) GILVM_SOCKET_CONSTANT(IP_MULTICAST_TTL)
  GILVM_SOCKET_CONSTANT(IP_MULTICAST_LOOP) GILVM_SOCKET_CONSTANT(IP_ADD_MEMBERSHIP)
  GILVM_SOCKET_CONSTANT(IP_DROP_MEMBERSHIP)
  GILVM_SOCKET_CONSTANT(IPV6_V6ONLY) GILVM_SOCKET_CONSTANT(IPV6_UNICAST_HOPS)
  GILVM_SOCKET_CONSTANT(IPV6_MULTICAST_HOPS) GILVM_SOCKET_CONSTANT(IPV6_MULTICAST_LOOP)
  GILVM_SOCKET_CONSTANT(IPV6_JOIN_GROUP) GILVM_SOCKET_CONSTANT(IPV6_LEAVE_GROUP)
  GILVM_SOCKET_CONSTANT(TCP_NODELAY) GILVM_SOCKET_CONSTANT(TCP_MAXSEG) GILVM_SOCKET_CONSTANT(TCP_CORK)
  GILVM_SOCKET_CONSTANT(TCP_KEEPIDLE) GILVM_SOCKET_CONSTANT(TCP_KEEPINTVL) GILVM_SOCKET_CONSTANT(TCP_KEEPCNT)
  GILVM_SOCKET_CONSTANT(TCP_QUICKACK) GILVM_SOCKET_CONSTANT(TCP_USER_TIMEOUT)
  GILVM_SOCKET_CONSTANT(TCP_FASTOPEN)
  GILVM_SOCKET_CONSTANT(SHUT_RD) GILVM_SOCKET_CONSTANT(SHUT_WR) GILVM_SOCKET_CONSTANT(SHUT_RDWR)
  GILVM_SOCKET_CONSTANT(MSG_OOB) GILVM_SOCKET_CONSTANT(MSG_PEEK) GILVM_SOCKET_CONSTANT(MSG_DONTROUTE)
  GILVM_SOCKET_CONSTANT(MSG_CTRUNC) GILVM_SOCKET_CONSTANT(MSG_TRUNC) GILVM_SOCKET_CONSTANT(MSG_DONTWAIT)
  GILVM_SOCKET_CONSTANT(MSG_EOR) GILVM_SOCKET_CONSTANT(MSG_WAITALL) GILVM_SOCKET_CONSTANT(MSG_NOSIGNAL)
  GILVM_SOCKET_CONSTANT(MSG_MORE) GILVM_SOCKET_CONSTANT(MSG_CONFIRM) GILVM_SOCKET_CONSTANT(MSG_ERRQUEUE)
  GILVM_SOCKET_CONSTANT(MSG_CMSG_CLOEXEC)
  GILVM_SOCKET_CONSTANT(AI_PASSIVE) GILVM_SOCKET_CONSTANT(AI_CANONNAME) GILVM_SOCKET_CONSTANT(AI_NUMERICHOST)
  GILVM_SOCKET_CONSTANT(AI_NUMERICSERV) GILVM_SOCKET_CONSTANT(AI_V4MAPPED) GILVM_SOCKET_CONSTANT(AI_ALL)
  GILVM_SOCKET_CONSTANT(AI_ADDRCONFIG)
  GILVM_SOCKET_CONSTANT(NI_NUMERICHOST) GILVM_SOCKET_CONSTANT(NI_NUMERICSERV)
  GILVM_SOCKET_CONSTANT(NI_NOFQDN) GILVM_SOCKET_CONSTANT(NI_NAMEREQD) GILVM_SOCKET_CONSTANT(NI_DGRAM)
  GILVM_SOCKET_CONSTANT(NI_MAXHOST) GILVM_SOCKET_CONSTANT(NI_MAXSERV)
  GILVM_SOCKET_CONSTANT(EAI_AGAIN) GILVM_SOCKET_CONSTANT(EAI_BADFLAGS) GILVM_SOCKET_CONSTANT(EAI_FAIL)
  GILVM_SOCKET_CONSTANT(EAI_FAMILY) GILVM_SOCKET_CONSTANT(EAI_MEMORY) GILVM_SOCKET_CONSTANT(EAI_NODATA)
  GILVM_SOCKET_CONSTANT(EAI_NONAME) GILVM_SOCKET_CONSTANT(EAI_OVERFLOW) GILVM_SOCKET_CONSTANT(EAI_SERVICE)
  GILVM_SOCKET_CONSTANT(EAI_SOCKTYPE) GILVM_SOCKET_CONSTANT(EAI_SYSTEM) GILVM_SOCKET_CONSTANT(EAI_ADDRFAMILY)
  GILVM_SOCKET_CONSTANT(INADDR_ANY) GILVM_SOCKET_CONSTANT(INADDR_BROADCAST)
  GILVM_SOCKET_CONSTANT(INADDR_LOOPBACK) GILVM_SOCKET_CONSTANT(INADDR_NONE)
    // clang-format on
};
#undef GILVM_SOCKET_CONSTANT

}  // namespace

Value make_socket_native_module(ThreadState& ts) {
  Value m = module_new(ts, "_socket");
  if (!m) return m;
  Dict* d = as_module(m)->dict;
  Type* t = socket_type(ts);
  dict_set_str(ts, d, "socket", Value::from_object(t));
  dict_set_str(ts, d, "SocketType", Value::from_object(t));
  dict_set_str(ts, d, "error", Value::from_object(ts.exc_types().OSError));
  dict_set_str(ts, d, "timeout", Value::from_object(ts.exc_types().TimeoutError));
  add_function(ts, d, "socketpair", sock_socketpair);
  add_function(ts, d, "dup", sock_dup);
  add_function(ts, d, "close", sock_close_fd);
  add_function(ts, d, "getdefaulttimeout", sock_getdefaulttimeout);
  add_function(ts, d, "setdefaulttimeout", sock_setdefaulttimeout);
  add_name_service(ts, d);
  dict_set_str(ts, d, "has_ipv6", ts.bool_value(true));
  for (const Constant& c : kConstants) {
    Ref v = Ref::steal(int_from_i64(ts, c.value));
    if (!v || !dict_set_str(ts, d, c.name, v.get())) {
      decref(m);
      return Value::null();
    }
  }
  return m;
}

}  // namespace gilvm
