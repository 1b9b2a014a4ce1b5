# getaddrinfo's shape, the other name-service calls, and the conversions.
import socket

infos = socket.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM)
print(infos)  # expect: [(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 80))]
family, kind, proto, canonname, sockaddr = infos[0]
print(type(family).__name__, type(kind).__name__, family == socket.AF_INET)  # expect: AddressFamily SocketKind True
print(socket.getaddrinfo("::1", 8080, socket.AF_INET6, socket.SOCK_DGRAM))  # expect: [(<AddressFamily.AF_INET6: 10>, <SocketKind.SOCK_DGRAM: 2>, 17, '', ('::1', 8080, 0, 0))]
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))  # expect: [(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('0.0.0.0', 0))]
print(socket.getaddrinfo("127.0.0.1", "http", socket.AF_INET, socket.SOCK_STREAM)[0][4])  # expect: ('127.0.0.1', 80)
print(len(socket.getaddrinfo("127.0.0.1", None)) >= 1)  # expect: True
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))  # expect: ('127.0.0.1', '80')
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))  # expect: 127.0.0.1 127.0.0.1
name = socket.gethostname()
print(type(name).__name__, len(name) > 0)  # expect: str True
print(socket.getfqdn("localhost"), socket.gethostbyaddr("127.0.0.1")[0])  # expect: localhost localhost

# Enum members print as their numbers (3.11), repr as members.
print(socket.AF_INET, socket.SOCK_DGRAM, socket.AF_INET6 + 0)  # expect: 2 2 10
print(repr(socket.AF_INET), repr(socket.MSG_PEEK), repr(socket.AI_PASSIVE))  # expect: <AddressFamily.AF_INET: 2> <MsgFlag.MSG_PEEK: 2> <AddressInfo.AI_PASSIVE: 1>
print(socket.AddressFamily(10), socket.SocketKind.SOCK_STREAM is socket.SOCK_STREAM)  # expect: 10 True
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.SHUT_RDWR, socket.IPPROTO_TCP)  # expect: 1 2 2 6
print(socket.SOMAXCONN, socket.has_ipv6, socket.MSG_WAITALL)  # expect: 4096 True 256
print(socket.SOCK_NONBLOCK, socket.SOCK_CLOEXEC)  # expect: 2048 524288

# Text and packed addresses, byte order.
print(socket.inet_aton("127.0.0.1"), socket.inet_aton("10.1"))  # expect: b'\x7f\x00\x00\x01' b'\n\x00\x00\x01'
print(socket.inet_ntoa(b"\xc0\xa8\x01\x02"))  # expect: 192.168.1.2
print(socket.inet_pton(socket.AF_INET6, "::1")[-2:], socket.inet_ntop(socket.AF_INET6, bytes(15) + b"\x01"))  # expect: b'\x00\x01' ::1
print(socket.inet_ntop(socket.AF_INET, socket.inet_pton(socket.AF_INET, "1.2.3.4")))  # expect: 1.2.3.4
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))  # expect: 256 1 16777216 1


def attempt(f):
    try:
        print("ok", f())
    except (OSError, ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)


attempt(lambda: socket.inet_aton("1.2.3.256"))  # expect: OSError illegal IP address string passed to inet_aton
attempt(lambda: socket.inet_ntoa(b"abc"))  # expect: OSError packed IP wrong length for inet_ntoa
attempt(lambda: socket.inet_pton(socket.AF_INET, "x"))  # expect: OSError illegal IP address string passed to inet_pton
attempt(lambda: socket.inet_ntop(socket.AF_INET, b"abc"))  # expect: ValueError invalid length of packed IP address string
attempt(lambda: socket.inet_ntop(99, b"abcd"))  # expect: ValueError unknown address family 99
attempt(lambda: socket.htons(-1))  # expect: OverflowError htons: can't convert negative Python int to C 16-bit unsigned integer
attempt(lambda: socket.htons(70000))  # expect: OverflowError htons: Python int too large to convert to C 16-bit unsigned integer
attempt(lambda: socket.htonl(2 ** 32))  # expect: OverflowError int larger than 32 bits
attempt(lambda: socket.ntohs(1.0))  # expect: TypeError 'float' object cannot be interpreted as an integer

# Services and protocols from /etc/services and /etc/protocols.
print(socket.getservbyname("http"), socket.getservbyname("domain", "udp"))  # expect: 80 53
print(socket.getservbyport(22), socket.getprotobyname("tcp"), socket.getprotobyname("udp"))  # expect: ssh 6 17
attempt(lambda: socket.getservbyname("no-such-service"))  # expect: OSError service/proto not found
attempt(lambda: socket.getservbyport(70000))  # expect: OverflowError getservbyport: port must be 0-65535.
attempt(lambda: socket.getprotobyname("no-such-protocol"))  # expect: OSError protocol not found
