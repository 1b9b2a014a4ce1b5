# Popen's pipes: stdin=PIPE with input (cat, tr), stderr=STDOUT, DEVNULL,
# files and descriptors as stdout, reading and writing the pipe objects
# directly (binary and text, with CPython's newline translation), and
# bufsize=0 for a line-by-line conversation with cat.
import os
import subprocess
import sys
import tempfile

PIPE, STDOUT, DEVNULL = subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL

print(subprocess.run(["cat"], input=b"through cat\n", stdout=PIPE).stdout)  # expect: b'through cat\n'
p = subprocess.Popen(["tr", "a-z", "A-Z"], stdin=PIPE, stdout=PIPE)
print(p.communicate(b"upper case"))  # expect: (b'UPPER CASE', None)
print(p.returncode, p.stdin.closed, p.stdout.closed)  # expect: 0 True True

r = subprocess.run(["sh", "-c", "echo out; echo err >&2; echo out2"], stdout=PIPE, stderr=STDOUT)
print(r.stdout, r.stderr)  # expect: b'out\nerr\nout2\n' None
r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], capture_output=True)
print(r.stdout, r.stderr)  # expect: b'out\n' b'err\n'
r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], stdout=DEVNULL, stderr=PIPE)
print(r.stdout, r.stderr)  # expect: None b'err\n'
print(subprocess.run(["cat"], stdin=DEVNULL, stdout=PIPE).stdout)  # expect: b''

# The pipe objects: types, binary reads, line iteration, text mode.
p = subprocess.Popen(["printf", "a\\nb\\nc"], stdout=PIPE)
print(p.stdin, p.stderr, type(p.pid), p.args)  # expect: None None <class 'int'> ['printf', 'a\\nb\\nc']
print(list(p.stdout))  # expect: [b'a\n', b'b\n', b'c']
p.stdout.close()
print(p.wait())  # expect: 0

p = subprocess.Popen(["printf", "one\\r\\ntwo\\rthree\\n\\xc3\\xa9\\n"], stdout=PIPE, text=True)
print(p.stdout.readline() == "one\n", p.stdout.readline() == "two\n")  # expect: True True
print(p.stdout.read())
# expect: three
# expect: é
# expect:
p.stdout.close()
p.wait()
r = subprocess.run(["printf", "x\\r\\ny\\rz"], capture_output=True, text=True)
print(repr(r.stdout))  # expect: 'x\ny\nz'
r = subprocess.run(["printf", "x\\r\\ny"], capture_output=True)
print(r.stdout)  # expect: b'x\r\ny'
r = subprocess.run(["cat"], input="\u00e9t\u00e9\n", capture_output=True, encoding="utf-8")
print(r.stdout == "\u00e9t\u00e9\n", repr(r.stderr))  # expect: True ''
r = subprocess.run(["printf", "\\377ok"], capture_output=True, errors="replace")
print(r.stdout == "\ufffdok")  # expect: True

# Writing to stdin ourselves, then communicate() for the rest.
p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE)
p.stdin.write(b"first ")
out, err = p.communicate(b"second")
print(out, err)  # expect: b'first second' None
p = subprocess.Popen(["tr", "a-z", "A-Z"], stdin=PIPE, stdout=PIPE, text=True)
p.stdin.write("typed\n")
p.stdin.close()
print(repr(p.stdout.read()))  # expect: 'TYPED\n'
p.stdout.close()
p.wait()

# bufsize=0: each write reaches cat at once, so a reply can be awaited.
p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, bufsize=0)
for word in (b"ping\n", b"pong\n"):
    p.stdin.write(word)
    print(p.stdout.readline())
# expect: b'ping\n'
# expect: b'pong\n'
p.stdin.close()
print(p.stdout.read(), p.wait())  # expect: b'' 0
p.stdout.close()
# bufsize=1 in text mode: line buffered.
p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, bufsize=1, text=True)
p.stdin.write("line\n")
print(repr(p.stdout.readline()))  # expect: 'line\n'
p.stdin.close()
p.stdout.close()
p.wait()

# A file and a raw descriptor as stdout, a file as stdin.
with tempfile.TemporaryFile() as f:
    subprocess.run(["echo", "to a file"], stdout=f)
    f.seek(0)
    print(f.read())  # expect: b'to a file\n'
    f.seek(0)
    print(subprocess.run(["tr", "a-z", "A-Z"], stdin=f, capture_output=True).stdout)  # expect: b'TO A FILE\n'
r, w = os.pipe()
subprocess.run(["echo", "to a descriptor"], stdout=w)
os.close(w)
print(os.read(r, 100))  # expect: b'to a descriptor\n'
os.close(r)

# stdout left alone goes to ours (flushed first: ours is a pipe here).
sys.stdout.write("before the child\n")
sys.stdout.flush()
subprocess.run(["echo", "from the child"])
print("after the child")
# expect: before the child
# expect: from the child
# expect: after the child

# open() over a pipe descriptor: unbuffered binary, but never unbuffered text.
try:
    open(os.devnull, "w", 0)
except ValueError as e:
    print(e)  # expect: can't have unbuffered text I/O
r, w = os.pipe()
with open(w, "wb", 0) as raw, open(r, "rb") as back:
    raw.write(b"unbuffered\n")
    print(back.readline())  # expect: b'unbuffered\n'

p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, text=True)
print(p.encoding, p.errors, p.stdout.encoding, p.stdin.errors)  # expect: UTF-8 None UTF-8 strict
print(p.communicate("x"))  # expect: ('x', None)
p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, encoding="ascii", errors="replace")
print(p.encoding, p.errors, p.stdout.encoding, p.stdout.errors)  # expect: ascii replace ascii replace
print(p.communicate("y"))  # expect: ('y', None)
