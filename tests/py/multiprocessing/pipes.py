# multiprocessing.Pipe: duplex send/recv, poll with and without a timeout,
# one-way pipes, send_bytes/recv_bytes, EOFError once the other end is closed.
import multiprocessing as mp
import time


def echo(conn):
    while True:
        msg = conn.recv()
        if msg == "stop":
            break
        conn.send(("echo", msg))
    conn.close()


def late_writer(conn):
    time.sleep(0.2)
    conn.send_bytes(b"late bytes")
    conn.close()


if __name__ == "__main__":
    here, there = mp.Pipe()
    p = mp.Process(target=echo, args=(there,))
    p.start()
    there.close()
    print(here.poll())  # expect: False
    print(here.poll(0.05))  # expect: False
    here.send([1, "two", 3.0, None])
    print(here.poll(10))  # expect: True
    print(here.recv())  # expect: ('echo', [1, 'two', 3.0, None])
    here.send({"big": 2 ** 100})
    print(here.recv())  # expect: ('echo', {'big': 1267650600228229401496703205376})
    here.send("stop")
    p.join()
    try:
        here.recv()
    except EOFError:
        print("EOFError")  # expect: EOFError
    print(here.poll(0))  # expect: True
    here.close()
    print(here.closed)  # expect: True

    reader, writer = mp.Pipe(duplex=False)
    print(reader.readable, reader.writable, writer.readable, writer.writable)  # expect: True False False True
    p = mp.Process(target=late_writer, args=(writer,))
    p.start()
    writer.close()
    print(reader.poll(0.01))  # expect: False
    print(reader.poll(10), reader.recv_bytes())  # expect: True b'late bytes'
    p.join()
    try:
        reader.send("x")
    except OSError as e:
        print("OSError:", e)  # expect: OSError: connection is read-only
