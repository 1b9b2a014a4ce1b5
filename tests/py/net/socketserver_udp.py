# UDPServer with a DatagramRequestHandler; a client with a timeout, and a
# request the server ignores, so the client's timeout expires.
import socket
import socketserver
import threading


class Reverse(socketserver.DatagramRequestHandler):
    def handle(self):
        data = self.rfile.read()
        if data != b'ignore me':
            self.wfile.write(data[::-1])


class Server(socketserver.UDPServer):
    def verify_request(self, request, client_address):
        return request[0] != b'ignore me'


with Server(('127.0.0.1', 0), Reverse) as server:
    t = threading.Thread(target=server.serve_forever, args=(0.05,))
    t.start()
    c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    c.settimeout(5)
    for word in [b'hello', b'datagram', b'x']:
        c.sendto(word, server.server_address)
        data, addr = c.recvfrom(1024)
        print(data, addr == server.server_address)
    # expect: b'olleh' True
    # expect: b'margatad' True
    # expect: b'x' True
    c.settimeout(0.2)
    c.sendto(b'ignore me', server.server_address)
    try:
        c.recvfrom(1024)
    except TimeoutError as e:
        print('TimeoutError', e)  # expect: TimeoutError timed out
    c.close()
    server.shutdown()
    t.join()
