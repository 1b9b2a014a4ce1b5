# A ThreadPoolExecutor fetching from a local server: the way a Python
# programmer overlaps waits. At first the server holds each answer until
# eight requests are in at once (a barrier), so the fetches finish only if
# all eight workers can wait for their answers at the same time: each must
# release the GIL while it waits. Then map() fetches in turn.
import concurrent.futures
import socket
import threading

DATA = {'k%d' % i: 'value-%d' % (i * i) for i in range(24)}
phase = ['all at once']

all_eight_waiting = threading.Barrier(8, timeout=30)
listener = socket.create_server(('127.0.0.1', 0))
port = listener.getsockname()[1]


def serve(conn):
    with conn, conn.makefile('rw') as f:
        key = f.readline().split()[1]
        if phase[0] == 'all at once':
            all_eight_waiting.wait()
        f.write(DATA.get(key, '?') + '\n')


def accept_loop():
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


acceptor = threading.Thread(target=accept_loop, daemon=True)
acceptor.start()


def fetch(key):
    with socket.create_connection(('127.0.0.1', port)) as s:
        s.sendall(('GET %s\n' % key).encode())
        return key, s.makefile('r').readline().strip()


with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
    futures = [pool.submit(fetch, k) for k in DATA]
    got = dict(f.result() for f in concurrent.futures.as_completed(futures))
    phase[0] = 'in turn'
    ordered = list(pool.map(fetch, ['k3', 'k1', 'missing'] + ['k2'] * 6))
print(got == DATA)  # expect: True
print(ordered[:3])  # expect: [('k3', 'value-9'), ('k1', 'value-1'), ('missing', '?')]
print(ordered[3:] == [('k2', 'value-4')] * 6)  # expect: True
listener.close()
