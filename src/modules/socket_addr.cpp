// Addresses and the name service for `_socket`; see socket_addr.h.
//
// The conversions follow CPython's rules and messages, which programs and
// tests match on: '' means INADDR_ANY, '<broadcast>' INADDR_BROADCAST, a
// numeric address is parsed without a lookup, anything else goes through
// getaddrinfo (with the GIL released). Lookup failures raise
// socket.gaierror(code, gai_strerror(code)); the reverse lookups
// (gethostbyaddr, gethostbyname_ex) raise socket.herror as CPython does.
#include "modules/socket_addr.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

#include "gil/blocking.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/fileio.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

// ------------------------------------------------------------ exceptions

// socket.gaierror and socket.herror: OSError subclasses made once per
// interpreter and kept in native_types, so the module and the raisers
// share them.
Type* socket_error_type(ThreadState& ts, const char* name) {
  std::string key = std::string("socket.") + name;
  auto& types = ts.interp->native_types;
  if (auto found = types.find(key); found != types.end()) return found->second;
  Ref bases = Ref::steal(tuple_pack(ts, {Value::from_object(ts.exc_types().OSError)}));
  Ref ns = Ref::steal(dict_new(ts));
  if (!bases || !ns) return nullptr;
  Dict* d = as_dict(ns.get());
  Ref module = Ref::steal(str_new(ts, "socket"));
  Ref qualname = Ref::steal(str_new(ts, name));
  if (!module || !qualname || !dict_set_str(ts, d, "__module__", module.get()) ||
      !dict_set_str(ts, d, "__qualname__", qualname.get()))
    return nullptr;
  Value cls = type_new_class(ts, ts.types().type, str_intern(ts, name), as_tuple(bases.get()), d);
  if (!cls) return nullptr;
  Type* t = static_cast<Type*>(cls.as_object());  // immortal, like every class
  types[key] = t;
  return t;
}

// Raises `name`(code, message); always returns null.
Value raise_coded(ThreadState& ts, const char* name, int code, const char* message) {
  Type* type = socket_error_type(ts, name);
  if (!type) return Value::null();
  Ref msg = Ref::steal(str_new(ts, message));
  if (!msg) return Value::null();
  Value args[2] = {Value::from_small(code), msg.get()};
  Ref exc = Ref::steal(exception_new(ts, type, args, 2));
  if (!exc) return Value::null();
  raise_value(ts, exc.get());
  return Value::null();
}

// A getaddrinfo/getnameinfo failure: EAI_SYSTEM carries an errno.
Value raise_gaierror(ThreadState& ts, int code, int saved_errno) {
  if (code == EAI_SYSTEM) return raise_os_error(ts, saved_errno);
  return raise_coded(ts, "gaierror", code, gai_strerror(code));
}

Value raise_herror(ThreadState& ts, int h_err) {
  return raise_coded(ts, "herror", h_err, hstrerror(h_err));
}

// ------------------------------------------------------- host resolution

// getaddrinfo with the GIL released; returns its code, errno kept for
// EAI_SYSTEM in *err.
int lookup(ThreadState& ts, const char* host, const char* port, const addrinfo& hints,
           addrinfo** res, int* err) {
  int rc;
  {
    BlockingRegion guard(ts, BlockCause::Socket);
    rc = ::getaddrinfo(host, port, &hints, res);
  }
  *err = errno;
  return rc;
}

// A host as CPython accepts one: str (UTF-8; CPython encodes with IDNA,
// the same bytes for ASCII names), bytes or bytearray.
bool host_text(ThreadState& ts, Value v, std::string* out) {
  if (is_str_like(v)) {
    *out = std::string(as_str(v)->view());
    return true;
  }
  if (has_layout(v, Tag::Bytes) || has_layout(v, Tag::ByteArray)) {
    std::string_view view;
    bytes_like_view(v, &view);
    *out = std::string(view);
    return true;
  }
  raisef(ts, ts.exc_types().TypeError, "str, bytes or bytearray expected, not {}",
         type_name(ts, v));
  return false;
}

// Fills `out` with the address of `host` for `family` (AF_INET, AF_INET6
// or AF_UNSPEC), port 0.
bool resolve_host(ThreadState& ts, const std::string& host, int family, SockAddr* out) {
  *out = SockAddr{};
  if (family == AF_INET || family == AF_UNSPEC) {
    auto* sin = reinterpret_cast<sockaddr_in*>(&out->storage);
    sin->sin_family = AF_INET;
    out->len = sizeof(sockaddr_in);
    if (host.empty() && family == AF_INET) {
      sin->sin_addr.s_addr = htonl(INADDR_ANY);
      return true;
    }
    if (host == "<broadcast>" || host == "255.255.255.255") {
      sin->sin_addr.s_addr = htonl(INADDR_BROADCAST);
      return true;
    }
    if (inet_pton(AF_INET, host.c_str(), &sin->sin_addr) == 1) return true;
  }
  if (family == AF_INET6 || family == AF_UNSPEC) {
    auto* sin6 = reinterpret_cast<sockaddr_in6*>(&out->storage);
    *out = SockAddr{};
    sin6->sin6_family = AF_INET6;
    out->len = sizeof(sockaddr_in6);
    if (host.empty() && family == AF_INET6) {
      sin6->sin6_addr = in6addr_any;
      return true;
    }
    if (inet_pton(AF_INET6, host.c_str(), &sin6->sin6_addr) == 1) return true;
  }
  if (host.find('\0') != std::string::npos)
    return raise(ts, ts.exc_types().ValueError, "embedded null character"), false;
  addrinfo hints{};
  hints.ai_family = family;
  addrinfo* res = nullptr;
  int err = 0;
  int rc = lookup(ts, host.empty() ? nullptr : host.c_str(), nullptr, hints, &res, &err);
  if (rc != 0) return raise_gaierror(ts, rc, err), false;
  *out = SockAddr{};
  std::memcpy(&out->storage, res->ai_addr, res->ai_addrlen);
  out->len = res->ai_addrlen;
  freeaddrinfo(res);
  return true;
}

bool port_arg(ThreadState& ts, Value v, const char* caller, uint16_t* out) {
  int64_t port;
  if (!to_index(ts, v, &port)) return false;
  if (port < 0 || port > 0xffff) {
    raisef(ts, ts.exc_types().OverflowError, "{}(): port must be 0-65535.", caller);
    return false;
  }
  *out = static_cast<uint16_t>(port);
  return true;
}

bool uint32_arg(ThreadState& ts, Value v, uint32_t* out) {
  int64_t n;
  if (!to_index(ts, v, &n)) return false;
  if (n < 0 || n > UINT32_MAX) {
    raise(ts, ts.exc_types().OverflowError,
          n < 0 ? "can't convert negative int to unsigned"
                : "Python int too large to convert to C unsigned long");
    return false;
  }
  *out = static_cast<uint32_t>(n);
  return true;
}

// The tuple an IP address must be, or null with CPython's TypeError.
Tuple* address_tuple(ThreadState& ts, Value addr, const char* family, const char* caller) {
  if (is_tuple(addr)) return as_tuple(addr);
  raisef(ts, ts.exc_types().TypeError, "{}(): {} address must be tuple, not {}", caller, family,
         type_name(ts, addr));
  return nullptr;
}

bool inet_sockaddr(ThreadState& ts, Value addr, const char* caller, SockAddr* out) {
  Tuple* t = address_tuple(ts, addr, "AF_INET", caller);
  if (!t) return false;
  if (t->size != 2) {
    raise(ts, ts.exc_types().TypeError, "AF_INET address must be a pair (host, port)");
    return false;
  }
  std::string host;
  uint16_t port;
  if (!host_text(ts, t->items[0], &host) || !port_arg(ts, t->items[1], caller, &port)) return false;
  if (!resolve_host(ts, host, AF_INET, out)) return false;
  reinterpret_cast<sockaddr_in*>(&out->storage)->sin_port = htons(port);
  return true;
}

bool inet6_sockaddr(ThreadState& ts, Value addr, const char* caller, SockAddr* out) {
  Tuple* t = address_tuple(ts, addr, "AF_INET6", caller);
  if (!t) return false;
  if (t->size < 2 || t->size > 4) {
    raise(ts, ts.exc_types().TypeError,
          "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
    return false;
  }
  std::string host;
  uint16_t port;
  uint32_t flowinfo = 0, scope_id = 0;
  if (!host_text(ts, t->items[0], &host) || !port_arg(ts, t->items[1], caller, &port)) return false;
  if (t->size > 2 && !uint32_arg(ts, t->items[2], &flowinfo)) return false;
  if (t->size > 3 && !uint32_arg(ts, t->items[3], &scope_id)) return false;
  if (flowinfo > 0xfffff) {
    raisef(ts, ts.exc_types().OverflowError, "{}(): flowinfo must be 0-1048575.", caller);
    return false;
  }
  if (!resolve_host(ts, host, AF_INET6, out)) return false;
  auto* sin6 = reinterpret_cast<sockaddr_in6*>(&out->storage);
  sin6->sin6_port = htons(port);
  sin6->sin6_flowinfo = htonl(flowinfo);
  sin6->sin6_scope_id = scope_id;
  return true;
}

// A path (str or bytes-like); a leading NUL names Linux's abstract
// namespace, which has no terminating NUL.
bool unix_sockaddr(ThreadState& ts, Value addr, SockAddr* out) {
  std::string_view path;
  if (is_str_like(addr)) {
    path = as_str(addr)->view();
  } else if (!bytes_like_view(addr, &path)) {
    raisef(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'",
           type_name(ts, addr));
    return false;
  }
  auto* sun = reinterpret_cast<sockaddr_un*>(&out->storage);
  const bool abstract = path.empty() || path[0] == '\0';
  if (abstract ? path.size() > sizeof(sun->sun_path) : path.size() >= sizeof(sun->sun_path)) {
    raise(ts, ts.exc_types().OSError, "AF_UNIX path too long");
    return false;
  }
  *out = SockAddr{};
  sun->sun_family = AF_UNIX;
  std::memcpy(sun->sun_path, path.data(), path.size());
  out->len =
      static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + (abstract ? 0 : 1));
  return true;
}

Value str_or_bytes(ThreadState& ts, std::string_view text) {
  return utf8_valid(text) ? str_new(ts, text) : bytes_new(ts, text);
}

Value ip_text(ThreadState& ts, int family, const void* addr) {
  char buf[INET6_ADDRSTRLEN];
  if (!inet_ntop(family, addr, buf, sizeof buf)) return raise_os_error(ts, errno);
  return str_new(ts, buf);
}

// ---------------------------------------------------------- byte order

// htons/ntohs: CPython's messages name the function.
template <bool kToNetwork>
Value swap16(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* fname = kToNetwork ? "htons" : "ntohs";
  if (!check_positional(ts, fname, nargs, kwnames, 1, 1)) return Value::null();
  if (!is_int_like(args[0]))
    return raisef(ts, ts.exc_types().TypeError, "'{}' object cannot be interpreted as an integer",
                  type_name(ts, args[0]));
  int64_t x;
  bool fits = int_to_i64(args[0], &x);
  if (int_sign(args[0]) < 0)
    return raisef(ts, ts.exc_types().OverflowError,
                  "{}: can't convert negative Python int to C 16-bit unsigned integer", fname);
  if (!fits || x > 0xffff)
    return raisef(ts, ts.exc_types().OverflowError,
                  "{}: Python int too large to convert to C 16-bit unsigned integer", fname);
  uint16_t v = static_cast<uint16_t>(x);
  return Value::from_small(kToNetwork ? htons(v) : ntohs(v));
}

template <bool kToNetwork>
Value swap32(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, kToNetwork ? "htonl" : "ntohl", nargs, kwnames, 1, 1))
    return Value::null();
  if (!is_int_like(args[0]))
    return raisef(ts, ts.exc_types().TypeError, "'{}' object cannot be interpreted as an integer",
                  type_name(ts, args[0]));
  int64_t x;
  bool fits = int_to_i64(args[0], &x);
  if (int_sign(args[0]) < 0)
    return raise(ts, ts.exc_types().OverflowError, "can't convert negative value to unsigned int");
  if (!fits || x > UINT32_MAX)
    return raise(ts, ts.exc_types().OverflowError, "int larger than 32 bits");
  uint32_t v = static_cast<uint32_t>(x);
  return int_from_i64(ts, kToNetwork ? htonl(v) : ntohl(v));
}

// ------------------------------------------------------ text and packed

Value sock_inet_aton(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "inet_aton", nargs, kwnames, 1, 1)) return Value::null();
  if (!is_str_like(args[0]))
    return raisef(ts, ts.exc_types().TypeError, "inet_aton() argument 1 must be str, not {}",
                  type_name(ts, args[0]));
  std::string text(as_str(args[0])->view());
  in_addr a;
  if (text.find('\0') != std::string::npos || ::inet_aton(text.c_str(), &a) == 0)
    return raise(ts, ts.exc_types().OSError, "illegal IP address string passed to inet_aton");
  return bytes_new(ts, {reinterpret_cast<const char*>(&a), sizeof a});
}

bool packed_arg(ThreadState& ts, Value v, std::string_view* out) {
  if (is_str_like(v) || !bytes_like_view(v, out)) {
    raisef(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'",
           type_name(ts, v));
    return false;
  }
  return true;
}

Value sock_inet_ntoa(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "inet_ntoa", nargs, kwnames, 1, 1)) return Value::null();
  std::string_view packed;
  if (!packed_arg(ts, args[0], &packed)) return Value::null();
  if (packed.size() != sizeof(in_addr))
    return raise(ts, ts.exc_types().OSError, "packed IP wrong length for inet_ntoa");
  in_addr a;
  std::memcpy(&a, packed.data(), sizeof a);
  return str_new(ts, ::inet_ntoa(a));
}

Value sock_inet_pton(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "inet_pton", nargs, kwnames, 2, 2)) return Value::null();
  int64_t af;
  if (!to_index(ts, args[0], &af)) return Value::null();
  if (!is_str_like(args[1]))
    return raisef(ts, ts.exc_types().TypeError, "inet_pton() argument 2 must be str, not {}",
                  type_name(ts, args[1]));
  if (af != AF_INET && af != AF_INET6) return raise_os_error(ts, EAFNOSUPPORT);
  std::string text(as_str(args[1])->view());
  unsigned char buf[sizeof(in6_addr)];
  if (text.find('\0') != std::string::npos ||
      ::inet_pton(static_cast<int>(af), text.c_str(), buf) != 1)
    return raise(ts, ts.exc_types().OSError, "illegal IP address string passed to inet_pton");
  return bytes_new(ts, {reinterpret_cast<const char*>(buf), af == AF_INET ? 4u : 16u});
}

Value sock_inet_ntop(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "inet_ntop", nargs, kwnames, 2, 2)) return Value::null();
  int64_t af;
  std::string_view packed;
  if (!to_index(ts, args[0], &af) || !packed_arg(ts, args[1], &packed)) return Value::null();
  size_t want = af == AF_INET ? 4 : af == AF_INET6 ? 16 : 0;
  if (want == 0) return raisef(ts, ts.exc_types().ValueError, "unknown address family {}", af);
  if (packed.size() != want)
    return raise(ts, ts.exc_types().ValueError, "invalid length of packed IP address string");
  unsigned char buf[16];
  std::memcpy(buf, packed.data(), want);
  return ip_text(ts, static_cast<int>(af), buf);
}

// ---------------------------------------------------------- name service

Value sock_gethostname(ThreadState& ts, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "gethostname", nargs, kwnames, 0, 0)) return Value::null();
  char buf[1024];
  if (::gethostname(buf, sizeof buf - 1) != 0) return raise_os_error(ts, errno);
  buf[sizeof buf - 1] = '\0';
  return str_or_bytes(ts, buf);
}

// The one host argument of gethostbyname and friends, resolved for `family`.
bool host_arg(ThreadState& ts, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
              int family, std::string* host, SockAddr* a) {
  return check_positional(ts, fname, nargs, kwnames, 1, 1) && host_text(ts, args[0], host) &&
         resolve_host(ts, *host, family, a);
}

Value sock_gethostbyname(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string host;
  SockAddr a;
  if (!host_arg(ts, "gethostbyname", args, nargs, kwnames, AF_INET, &host, &a))
    return Value::null();
  return ip_text(ts, AF_INET, &reinterpret_cast<sockaddr_in*>(&a.storage)->sin_addr);
}

// (name, aliases, addresses) from a hostent, as gethostbyname_ex and
// gethostbyaddr return it.
Value hostent_tuple(ThreadState& ts, const hostent* h) {
  Ref name = Ref::steal(str_or_bytes(ts, h->h_name ? h->h_name : ""));
  Ref aliases = Ref::steal(list_new(ts));
  Ref addrs = Ref::steal(list_new(ts));
  if (!name || !aliases || !addrs) return Value::null();
  for (char** p = h->h_aliases; p && *p; ++p)
    if (!list_append_steal(ts, as_list(aliases.get()), str_or_bytes(ts, *p))) return Value::null();
  for (char** p = h->h_addr_list; p && *p; ++p)
    if (!list_append_steal(ts, as_list(addrs.get()), ip_text(ts, h->h_addrtype, *p)))
      return Value::null();
  return tuple_pack(ts, {name.get(), aliases.get(), addrs.get()});
}

// Runs a gethostby*_r call (GIL released), growing its scratch buffer
// while it asks for more, and converts the result.
template <typename Call>
Value hostent_call(ThreadState& ts, Call call) {
  std::vector<char> buf(16384);
  hostent h;
  hostent* result = nullptr;
  int h_err = 0;
  int rc;
  for (;;) {
    {
      BlockingRegion guard(ts, BlockCause::Socket);
      rc = call(&h, buf.data(), buf.size(), &result, &h_err);
    }
    if (rc != ERANGE || buf.size() > (1u << 22)) break;
    buf.resize(buf.size() * 2);
  }
  if (!result) return raise_herror(ts, h_err ? h_err : HOST_NOT_FOUND);
  return hostent_tuple(ts, result);
}

Value sock_gethostbyname_ex(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string host;
  SockAddr a;
  if (!host_arg(ts, "gethostbyname_ex", args, nargs, kwnames, AF_INET, &host, &a))
    return Value::null();
  return hostent_call(ts, [&](hostent* h, char* buf, size_t n, hostent** r, int* e) {
    return ::gethostbyname_r(host.c_str(), h, buf, n, r, e);
  });
}

Value sock_gethostbyaddr(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string host;
  SockAddr a;
  if (!host_arg(ts, "gethostbyaddr", args, nargs, kwnames, AF_UNSPEC, &host, &a))
    return Value::null();
  const void* addr;
  socklen_t len;
  int family = a.storage.ss_family;
  if (family == AF_INET) {
    addr = &reinterpret_cast<sockaddr_in*>(&a.storage)->sin_addr;
    len = sizeof(in_addr);
  } else {
    addr = &reinterpret_cast<sockaddr_in6*>(&a.storage)->sin6_addr;
    len = sizeof(in6_addr);
  }
  return hostent_call(ts, [&](hostent* h, char* buf, size_t n, hostent** r, int* e) {
    return ::gethostbyaddr_r(addr, len, family, h, buf, n, r, e);
  });
}

// An optional protocol name argument ("tcp"); null when absent or None.
bool proto_name_arg(ThreadState& ts, const Value* args, size_t nargs, size_t at, std::string* out,
                    const char** name) {
  *name = nullptr;
  if (nargs <= at || args[at].is(ts.none())) return true;
  if (!is_str_like(args[at])) {
    raisef(ts, ts.exc_types().TypeError, "argument {} must be str, not {}", at + 1,
           type_name(ts, args[at]));
    return false;
  }
  *out = std::string(as_str(args[at])->view());
  *name = out->c_str();
  return true;
}

// getservbyname(service[, protocol]) -> port, from /etc/services.
Value sock_getservbyname(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "getservbyname", nargs, kwnames, 1, 2)) return Value::null();
  if (!is_str_like(args[0]))
    return raisef(ts, ts.exc_types().TypeError, "getservbyname() argument 1 must be str, not {}",
                  type_name(ts, args[0]));
  std::string service(as_str(args[0])->view()), proto_text;
  const char* proto;
  if (!proto_name_arg(ts, args, nargs, 1, &proto_text, &proto)) return Value::null();
  servent entry, *found = nullptr;
  char buf[4096];
  {
    BlockingRegion guard(ts, BlockCause::File);
    ::getservbyname_r(service.c_str(), proto, &entry, buf, sizeof buf, &found);
  }
  if (!found) return raise(ts, ts.exc_types().OSError, "service/proto not found");
  return Value::from_small(ntohs(static_cast<uint16_t>(found->s_port)));
}

// getservbyport(port[, protocol]) -> service name.
Value sock_getservbyport(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "getservbyport", nargs, kwnames, 1, 2)) return Value::null();
  int64_t port;
  std::string proto_text;
  const char* proto;
  if (!to_index(ts, args[0], &port) || !proto_name_arg(ts, args, nargs, 1, &proto_text, &proto))
    return Value::null();
  if (port < 0 || port > 0xffff)
    return raise(ts, ts.exc_types().OverflowError, "getservbyport: port must be 0-65535.");
  servent entry, *found = nullptr;
  char buf[4096];
  {
    BlockingRegion guard(ts, BlockCause::File);
    ::getservbyport_r(htons(static_cast<uint16_t>(port)), proto, &entry, buf, sizeof buf, &found);
  }
  if (!found) return raise(ts, ts.exc_types().OSError, "port/proto not found");
  return str_or_bytes(ts, found->s_name);
}

// getprotobyname(name) -> protocol number, from /etc/protocols.
Value sock_getprotobyname(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "getprotobyname", nargs, kwnames, 1, 1)) return Value::null();
  std::string name_text;
  const char* name;
  if (!proto_name_arg(ts, args, nargs, 0, &name_text, &name)) return Value::null();
  if (!name)
    return raise(ts, ts.exc_types().TypeError, "getprotobyname() argument 1 must be str, not None");
  protoent entry, *found = nullptr;
  char buf[4096];
  {
    BlockingRegion guard(ts, BlockCause::File);
    ::getprotobyname_r(name, &entry, buf, sizeof buf, &found);
  }
  if (!found) return raise(ts, ts.exc_types().OSError, "protocol not found");
  return Value::from_small(found->p_proto);
}

// The text getaddrinfo wants for a host or port argument; `present` is
// false for None.
bool service_text(ThreadState& ts, Value v, std::string* out, bool* present) {
  *present = !v.is(ts.none());
  if (!*present) return true;
  if (is_int_like(v)) {
    *out = int_to_string(v);
    return true;
  }
  std::string_view view;
  if (is_str_like(v)) {
    *out = std::string(as_str(v)->view());
    return true;
  }
  if (has_layout(v, Tag::Bytes) && bytes_like_view(v, &view)) {
    *out = std::string(view);
    return true;
  }
  raise(ts, ts.exc_types().OSError, "Int or String expected");
  return false;
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) -> [(family,
// type, proto, canonname, sockaddr)]; socket.py turns the numbers into enums.
Value sock_getaddrinfo(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[6];
  if (!parse_args(ts, "getaddrinfo", args, nargs, kwnames,
                  {"host", "port", "family", "type", "proto", "flags"}, 2, -1, a))
    return Value::null();
  std::string host, port;
  bool has_host = !a[0].is(ts.none());
  if (has_host && !is_str_like(a[0]) && !has_layout(a[0], Tag::Bytes))
    return raise(ts, ts.exc_types().TypeError, "getaddrinfo() argument 1 must be string or None");
  bool has_port;
  if (has_host && !host_text(ts, a[0], &host)) return Value::null();
  if (!service_text(ts, a[1], &port, &has_port)) return Value::null();
  int64_t n[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; ++i)
    if (a[2 + i] && !to_index(ts, a[2 + i], &n[i])) return Value::null();
  addrinfo hints{};
  hints.ai_family = static_cast<int>(n[0]);
  hints.ai_socktype = static_cast<int>(n[1]);
  hints.ai_protocol = static_cast<int>(n[2]);
  hints.ai_flags = static_cast<int>(n[3]);
  addrinfo* res = nullptr;
  int err = 0;
  int rc = lookup(ts, has_host ? host.c_str() : nullptr, has_port ? port.c_str() : nullptr, hints,
                  &res, &err);
  if (rc != 0) return raise_gaierror(ts, rc, err);
  Ref list = Ref::steal(list_new(ts));
  for (addrinfo* r = res; list && r; r = r->ai_next) {
    Ref sa = Ref::steal(sockaddr_to_python(ts, r->ai_addr, r->ai_addrlen));
    Ref canon = Ref::steal(str_or_bytes(ts, r->ai_canonname ? r->ai_canonname : ""));
    if (!sa || !canon) {
      list = Ref();
      break;
    }
    Value family = Value::from_small(r->ai_family), type = Value::from_small(r->ai_socktype),
          proto = Value::from_small(r->ai_protocol);
    if (!list_append_steal(ts, as_list(list.get()),
                           tuple_pack(ts, {family, type, proto, canon.get(), sa.get()})))
      list = Ref();
  }
  freeaddrinfo(res);
  return list.release();
}

// getnameinfo((host, port[, flowinfo, scope_id]), flags) -> (host, port):
// the host must be numeric, as in CPython.
Value sock_getnameinfo(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_positional(ts, "getnameinfo", nargs, kwnames, 2, 2)) return Value::null();
  if (!is_tuple(args[0]))
    return raise(ts, ts.exc_types().TypeError, "getnameinfo() argument 1 must be a tuple");
  Tuple* t = as_tuple(args[0]);
  if (t->size < 2 || t->size > 4)
    return raise(ts, ts.exc_types().TypeError, "getnameinfo(): illegal sockaddr argument");
  std::string host;
  int64_t port, flags;
  uint32_t flowinfo = 0, scope_id = 0;
  if (!host_text(ts, t->items[0], &host) || !to_index(ts, t->items[1], &port) ||
      !to_index(ts, args[1], &flags))
    return Value::null();
  if (t->size > 2 && !uint32_arg(ts, t->items[2], &flowinfo)) return Value::null();
  if (t->size > 3 && !uint32_arg(ts, t->items[3], &scope_id)) return Value::null();
  addrinfo hints{};
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICHOST;
  addrinfo* res = nullptr;
  int err = 0;
  std::string port_text = std::to_string(port);
  int rc = lookup(ts, host.c_str(), port_text.c_str(), hints, &res, &err);
  if (rc != 0) return raise_gaierror(ts, rc, err);
  if (res->ai_next) {
    freeaddrinfo(res);
    return raise(ts, ts.exc_types().OSError, "sockaddr resolved to multiple addresses");
  }
  SockAddr a;
  std::memcpy(&a.storage, res->ai_addr, res->ai_addrlen);
  a.len = res->ai_addrlen;
  freeaddrinfo(res);
  if (a.storage.ss_family == AF_INET && t->size != 2)
    return raise(ts, ts.exc_types().OSError, "IPv4 sockaddr must be 2 tuple");
  if (a.storage.ss_family == AF_INET6) {
    auto* sin6 = reinterpret_cast<sockaddr_in6*>(&a.storage);
    sin6->sin6_flowinfo = htonl(flowinfo);
    sin6->sin6_scope_id = scope_id;
  }
  char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
  {
    BlockingRegion guard(ts, BlockCause::Socket);
    rc = ::getnameinfo(a.get(), a.len, hbuf, sizeof hbuf, sbuf, sizeof sbuf,
                       static_cast<int>(flags));
  }
  if (rc != 0) return raise_gaierror(ts, rc, errno);
  Ref h = Ref::steal(str_or_bytes(ts, hbuf));
  Ref s = Ref::steal(str_or_bytes(ts, sbuf));
  if (!h || !s) return Value::null();
  return tuple_pack(ts, {h.get(), s.get()});
}

}  // namespace

bool sockaddr_from_python(ThreadState& ts, int family, Value addr, const char* caller,
                          SockAddr* out) {
  *out = SockAddr{};
  switch (family) {
    case AF_INET:
      return inet_sockaddr(ts, addr, caller, out);
    case AF_INET6:
      return inet6_sockaddr(ts, addr, caller, out);
    case AF_UNIX:
      return unix_sockaddr(ts, addr, out);
    default:
      raisef(ts, ts.exc_types().OSError, "{}(): bad family", caller);
      return false;
  }
}

Value sockaddr_to_python(ThreadState& ts, const sockaddr* sa, socklen_t len) {
  if (len == 0) return newref(ts.none());
  switch (sa->sa_family) {
    case AF_INET: {
      auto* sin = reinterpret_cast<const sockaddr_in*>(sa);
      Ref host = Ref::steal(ip_text(ts, AF_INET, &sin->sin_addr));
      if (!host) return Value::null();
      return tuple_pack(ts, {host.get(), Value::from_small(ntohs(sin->sin_port))});
    }
    case AF_INET6: {
      auto* sin6 = reinterpret_cast<const sockaddr_in6*>(sa);
      Ref host = Ref::steal(ip_text(ts, AF_INET6, &sin6->sin6_addr));
      Ref flow = Ref::steal(int_from_i64(ts, ntohl(sin6->sin6_flowinfo)));
      Ref scope = Ref::steal(int_from_i64(ts, sin6->sin6_scope_id));
      if (!host || !flow || !scope) return Value::null();
      return tuple_pack(
          ts, {host.get(), Value::from_small(ntohs(sin6->sin6_port)), flow.get(), scope.get()});
    }
    case AF_UNIX: {
      auto* sun = reinterpret_cast<const sockaddr_un*>(sa);
      size_t path_len =
          len > offsetof(sockaddr_un, sun_path) ? len - offsetof(sockaddr_un, sun_path) : 0;
      if (path_len > 0 && sun->sun_path[0] == '\0') return bytes_new(ts, {sun->sun_path, path_len});
      return str_or_bytes(ts, {sun->sun_path, strnlen(sun->sun_path, path_len)});
    }
    default: {
      Ref data = Ref::steal(bytes_new(ts, {sa->sa_data, sizeof sa->sa_data}));
      if (!data) return Value::null();
      return tuple_pack(ts, {Value::from_small(sa->sa_family), data.get()});
    }
  }
}

void add_name_service(ThreadState& ts, Dict* d) {
  for (const char* name : {"gaierror", "herror"})
    if (Type* t = socket_error_type(ts, name)) dict_set_str(ts, d, name, Value::from_object(t));
  add_function(ts, d, "getaddrinfo", sock_getaddrinfo);
  add_function(ts, d, "getnameinfo", sock_getnameinfo);
  add_function(ts, d, "gethostname", sock_gethostname);
  add_function(ts, d, "gethostbyname", sock_gethostbyname);
  add_function(ts, d, "gethostbyname_ex", sock_gethostbyname_ex);
  add_function(ts, d, "gethostbyaddr", sock_gethostbyaddr);
  add_function(ts, d, "getservbyname", sock_getservbyname);
  add_function(ts, d, "getservbyport", sock_getservbyport);
  add_function(ts, d, "getprotobyname", sock_getprotobyname);
  add_function(ts, d, "inet_aton", sock_inet_aton);
  add_function(ts, d, "inet_ntoa", sock_inet_ntoa);
  add_function(ts, d, "inet_pton", sock_inet_pton);
  add_function(ts, d, "inet_ntop", sock_inet_ntop);
  add_function(ts, d, "htons", swap16<true>);
  add_function(ts, d, "ntohs", swap16<false>);
  add_function(ts, d, "htonl", swap32<true>);
  add_function(ts, d, "ntohl", swap32<false>);
}

}  // namespace gilvm
