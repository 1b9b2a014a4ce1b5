# A Unix-socket stream server that serves one request at a time in its own
# thread (handle_request), and a ForkingTCPServer whose handler runs in a
# child process: the pid the client is told differs from the server's.
import os
import socket
import socketserver
import tempfile
import threading


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request.recv(100)
        self.request.sendall(b'echo:' + data)


with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'sock')
    with socketserver.UnixStreamServer(path, Echo) as server:
        print(server.server_address == path)  # expect: True
        t = threading.Thread(target=server.handle_request)
        t.start()
        c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        c.connect(path)
        c.sendall(b'unix')
        print(c.recv(100))  # expect: b'echo:unix'
        c.close()
        t.join()
        server.timeout = 0.1
        calls = []
        server.handle_timeout = lambda: calls.append('timeout')
        server.handle_request()  # nobody connects: handle_timeout
        print(calls)  # expect: ['timeout']


class Pid(socketserver.StreamRequestHandler):
    def handle(self):
        self.rfile.readline()
        self.wfile.write(b'%d\n' % os.getpid())


with socketserver.ForkingTCPServer(('127.0.0.1', 0), Pid) as server:
    t = threading.Thread(target=server.serve_forever, args=(0.05,))
    t.start()
    pids = set()
    for i in range(3):
        with socket.create_connection(server.server_address) as c:
            c.sendall(b'who\n')
            pids.add(int(c.makefile('rb').readline()))
    print(len(pids), os.getpid() in pids)  # expect: 3 False
    server.shutdown()
    t.join()
print(server.active_children in (None, set()))  # expect: True
