// The address half of `_socket` (socket_addr.cpp): converting between
// Python's address forms (('host', port) tuples, ('host', port, flowinfo,
// scope_id) for IPv6, a path for AF_UNIX) and the kernel's sockaddrs, the
// name service (getaddrinfo, gethostbyname, ...), and socket.gaierror and
// socket.herror, which only the name service raises.
//
// Turning a host name into an address may ask a DNS server, so every
// lookup runs with the GIL released (BlockCause::Socket).
#pragma once

#include <sys/socket.h>

#include "runtime/object.h"

namespace gilvm {

struct SockAddr {
  sockaddr_storage storage{};
  socklen_t len = 0;
  sockaddr* get() { return reinterpret_cast<sockaddr*>(&storage); }
};

// Parses `addr` as an address of `family` into `out`, resolving a host
// name if needed. `caller` names the method in CPython's messages
// ("bind(): AF_INET address must be tuple, not str"). False with the
// exception CPython raises (TypeError, OverflowError, socket.gaierror, ...).
bool sockaddr_from_python(ThreadState& ts, int family, Value addr, const char* caller,
                          SockAddr* out);
// The Python form of an address the kernel returned: a tuple for IP, a
// str (bytes for the abstract namespace) for AF_UNIX, None when `len` is 0.
Value sockaddr_to_python(ThreadState& ts, const sockaddr* sa, socklen_t len);

// Adds getaddrinfo, getnameinfo, gethostname, gethostbyname(_ex),
// gethostbyaddr, getservbyname/port, getprotobyname, inet_aton/ntoa/pton/ntop,
// htons/ntohs/htonl/ntohl and the gaierror and herror classes to the module dict `d`.
void add_name_service(ThreadState& ts, Dict* d);

}  // namespace gilvm
