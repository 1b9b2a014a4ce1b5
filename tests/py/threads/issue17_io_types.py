# Issue 17: the io classes open() returns, their names, modes and reprs
# (open and closed), and readinto on every binary file, as in CPython 3.11.
import os
import tempfile

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "data.bin")
with open(path, "wb") as f:
    f.write(b"hello world\n")


def shown(f):
    return repr(f).replace(repr(path), "PATH")


for mode, buffering in [("rb", 0), ("wb", 0), ("ab", 0), ("r+b", 0), ("w+b", 0), ("rb", -1), ("wb", -1),
                        ("r+b", -1), ("w+b", -1), ("ab", -1), ("a+b", -1), ("r", -1), ("a", -1)]:
    f = open(path, mode, buffering=buffering)
    print(mode, buffering, type(f).__name__, f.mode, hasattr(f, "readinto"), shown(f))
    f.close()
    print("  closed:", shown(f))
    if "w" in mode or "a" in mode:
        with open(path, "wb") as g:
            g.write(b"hello world\n")
# expect: rb 0 FileIO rb True <_io.FileIO name=PATH mode='rb' closefd=True>
# expect:   closed: <_io.FileIO [closed]>
# expect: wb 0 FileIO wb True <_io.FileIO name=PATH mode='wb' closefd=True>
# expect:   closed: <_io.FileIO [closed]>
# expect: ab 0 FileIO ab True <_io.FileIO name=PATH mode='ab' closefd=True>
# expect:   closed: <_io.FileIO [closed]>
# expect: r+b 0 FileIO rb+ True <_io.FileIO name=PATH mode='rb+' closefd=True>
# expect:   closed: <_io.FileIO [closed]>
# expect: w+b 0 FileIO rb+ True <_io.FileIO name=PATH mode='rb+' closefd=True>
# expect:   closed: <_io.FileIO [closed]>
# expect: rb -1 BufferedReader rb True <_io.BufferedReader name=PATH>
# expect:   closed: <_io.BufferedReader name=PATH>
# expect: wb -1 BufferedWriter wb True <_io.BufferedWriter name=PATH>
# expect:   closed: <_io.BufferedWriter name=PATH>
# expect: r+b -1 BufferedRandom rb+ True <_io.BufferedRandom name=PATH>
# expect:   closed: <_io.BufferedRandom name=PATH>
# expect: w+b -1 BufferedRandom rb+ True <_io.BufferedRandom name=PATH>
# expect:   closed: <_io.BufferedRandom name=PATH>
# expect: ab -1 BufferedWriter ab True <_io.BufferedWriter name=PATH>
# expect:   closed: <_io.BufferedWriter name=PATH>
# expect: a+b -1 BufferedRandom ab+ True <_io.BufferedRandom name=PATH>
# expect:   closed: <_io.BufferedRandom name=PATH>
# expect: r -1 TextIOWrapper r False <_io.TextIOWrapper name=PATH mode='r' encoding='UTF-8'>
# expect:   closed: <_io.TextIOWrapper name=PATH mode='r' encoding='UTF-8'>
# expect: a -1 TextIOWrapper a False <_io.TextIOWrapper name=PATH mode='a' encoding='UTF-8'>
# expect:   closed: <_io.TextIOWrapper name=PATH mode='a' encoding='UTF-8'>

raw = open(path, "rb", buffering=0)
print(raw.closefd, raw.name == path)  # expect: True True
buf = bytearray(5)
print(raw.readinto(buf), buf)  # expect: 5 bytearray(b'hello')
print(raw.read(3), raw.read(), raw.read(), raw.readinto(bytearray(4)))  # expect: b' wo' b'rld\n' b'' 0
raw.close()

f = open(path, "rb")
buf = bytearray(16)
print(f.readinto(buf), buf)  # expect: 12 bytearray(b'hello world\n\x00\x00\x00\x00')
f.seek(0)
view = memoryview(bytearray(4))
print(f.readinto(view), view.tobytes())  # expect: 4 b'hell'
for bad in (b"xx", "xx", memoryview(b"ro")):
    try:
        f.readinto(bad)
    except TypeError as e:
        print(e)
# expect: readinto() argument must be read-write bytes-like object, not bytes
# expect: readinto() argument must be read-write bytes-like object, not str
# expect: readinto() argument must be read-write bytes-like object, not memoryview
f.close()
try:
    f.readinto(bytearray(2))
except ValueError as e:
    print(e)  # expect: readinto of closed file

# A pipe through os.fdopen, unbuffered: read(n) returns what the pipe has.
r, w = os.pipe()
reader = os.fdopen(r, "rb", 0)
os.write(w, b"abc")
print(type(reader).__name__, reader.read(10))  # expect: FileIO b'abc'
os.write(w, b"de")
b = bytearray(10)
print(reader.readinto(b), bytes(b[:2]))  # expect: 2 b'de'
os.close(w)
print(reader.read(10))  # expect: b''
reader.close()

os.remove(path)
os.rmdir(tmp)
