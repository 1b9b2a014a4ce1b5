# open() in text and binary modes, io.StringIO / io.BytesIO, tempfile.
import io
import os
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    print(os.path.isdir(tmp))
    # expect: True
    path = os.path.join(tmp, 'data.txt')
    with open(path, 'w') as f:
        print(f.name == path, f.mode, f.closed, f.writable(), f.readable())
        # expect: True w False True False
        print(f.write('first line\n'), f.write('second\n'))
        # expect: 11 7
        f.writelines(['third\n', 'héllo wörld\n'])
    print(f.closed)
    # expect: True
    with open(path) as f:
        print(repr(f.read()))
        # expect: 'first line\nsecond\nthird\nhéllo wörld\n'
    with open(path, encoding='utf-8') as f:
        print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()), f.readlines())
        # expect: 'first line\n' 'sec' 'ond\n' ['third\n', 'héllo wörld\n']
    with open(path) as f:
        print([line.rstrip('\n') for line in f])
        # expect: ['first line', 'second', 'third', 'héllo wörld']
    with open(path) as f:
        print(repr(f.read(5)), f.tell(), f.seek(0), repr(f.read(2)))
        # expect: 'first' 5 0 'fi'
        f.seek(0, 2)
        print(repr(f.read()))
        # expect: ''
    with open(path, 'a') as f:
        f.write('appended\n')
    with open(path, 'r') as f:
        print(f.read().splitlines()[-1])
        # expect: appended
    with open(path, 'r+') as f:
        f.write('FIRST')
        f.seek(0)
        print(f.readline())
        # expect: FIRST line
        # expect:
    with open(path, 'rb') as f:
        data = f.read()
        print(type(data).__name__, len(data), data[:5], f.mode)
        # expect: bytes 47 b'FIRST' rb
    with open(path, 'rb') as f:
        print(f.read(3), f.readline(), f.tell())
        # expect: b'FIR' b'ST line\n' 11
    bpath = os.path.join(tmp, 'bin.dat')
    with open(bpath, 'wb') as f:
        f.write(bytes(range(5)))
        f.write(bytearray(b'\xff'))
    with open(bpath, 'rb') as f:
        print(f.read(), f.mode)
        # expect: b'\x00\x01\x02\x03\x04\xff' rb
    with open(bpath, 'ab') as f:
        f.write(b'!')
    print(os.path.getsize(bpath))
    # expect: 7
    try:
        open(bpath, 'x')
    except FileExistsError as err:
        print(type(err).__name__, err.errno)
        # expect: FileExistsError 17
    with open(os.path.join(tmp, 'new.txt'), 'x') as f:
        f.write('x')
    f = open(path)
    f.close()
    try:
        f.read()
    except ValueError as err:
        print(err)
        # expect: I/O operation on closed file.
    try:
        open(path, 'r').write('nope')
    except OSError as err:
        print('OSError', err)
        # expect: OSError not writable
    with open(path, 'w') as f:
        try:
            f.write(b'bytes')
        except TypeError as err:
            print(err)
            # expect: write() argument must be str, not bytes
    with open(bpath, 'wb') as f:
        try:
            f.write('text')
        except TypeError as err:
            print(err)
            # expect: a bytes-like object is required, not 'str'
    try:
        open(tmp)
    except IsADirectoryError as err:
        print(type(err).__name__, err.errno)
        # expect: IsADirectoryError 21
    try:
        open(path, 'rw')
    except ValueError as err:
        print(err)
        # expect: must have exactly one of create/read/write/append mode
    with open(path, 'w') as f:
        print('via print', 42, file=f)
    with open(path) as f:
        print(f.read(), end='')
        # expect: via print 42
    print(os.path.exists(tmp))
    # expect: True
print(os.path.exists(tmp))
# expect: False

try:
    open('/no/such/file.txt')
except FileNotFoundError as err:
    print(err)
    # expect: [Errno 2] No such file or directory: '/no/such/file.txt'
    print(err.errno, err.strerror, err.filename)
    # expect: 2 No such file or directory /no/such/file.txt

s = io.StringIO()
s.write('hello\n')
s.write('world\n')
print(repr(s.getvalue()), s.tell())
# expect: 'hello\nworld\n' 12
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()))
# expect: 'hello\n' 'world\n' ''
s = io.StringIO('a\nb\nc')
print(list(s), s.readlines())
# expect: ['a\n', 'b\n', 'c'] []
s.seek(0)
print(s.readlines(), s.closed)
# expect: ['a\n', 'b\n', 'c'] False
with io.StringIO('x') as s2:
    print(s2.read())
    # expect: x
print(s2.closed)
# expect: True
b = io.BytesIO(b'abc\ndef')
print(b.read(2), b.readline(), b.read(), b.tell())
# expect: b'ab' b'c\n' b'def' 7
b.seek(1)
b.write(b'ZZ')
print(b.getvalue())
# expect: b'aZZ\ndef'

fd, name = tempfile.mkstemp(suffix='.txt')
os.write(fd, b'written via fd')
os.close(fd)
with open(name) as f:
    print(f.read(), name.endswith('.txt'))
    # expect: written via fd True
os.remove(name)
print(tempfile.gettempdir() != '', os.path.isdir(tempfile.gettempdir()))
# expect: True True
with tempfile.NamedTemporaryFile('w+') as nt:
    nt.write('named')
    nt.seek(0)
    print(nt.read(), os.path.exists(nt.name))
    # expect: named True
print(os.path.exists(nt.name))
# expect: False
