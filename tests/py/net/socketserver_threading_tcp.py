# The classic threaded server: ThreadingTCPServer with a StreamRequestHandler
# echoing lines back upper-cased, 16 clients at once, each on its own thread.
import socket
import socketserver
import threading


class Upper(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.upper())


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


server = Server(('127.0.0.1', 0), Upper)
host, port = server.server_address
print(host, port > 0)  # expect: 127.0.0.1 True
serving = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
serving.start()

results = {}


def client(n):
    with socket.create_connection((host, port), timeout=10) as s:
        f = s.makefile('rwb')
        got = []
        for i in range(5):
            f.write(b'client %d line %d\n' % (n, i))
            f.flush()
            got.append(f.readline().decode().rstrip('\n'))
        f.close()
    results[n] = got


threads = [threading.Thread(target=client, args=(n,)) for n in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
server.shutdown()
serving.join()
server.server_close()

print(len(results))  # expect: 16
print(results[0])  # expect: ['CLIENT 0 LINE 0', 'CLIENT 0 LINE 1', 'CLIENT 0 LINE 2', 'CLIENT 0 LINE 3', 'CLIENT 0 LINE 4']
print(results[15][4])  # expect: CLIENT 15 LINE 4
print(all(results[n] == ['CLIENT %d LINE %d' % (n, i) for i in range(5)] for n in results))  # expect: True
print(server.socket.fileno())  # expect: -1
