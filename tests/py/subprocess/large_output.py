# communicate() with more than a pipe holds (64 KiB) on stdout and stderr
# at once, and with a large input too: a child that blocks writing one
# pipe while the parent waits on another would deadlock; the readers
# drain both.
import subprocess

MB = 1024 * 1024
both = "head -c %d /dev/zero; head -c %d /dev/zero | tr '\\0' e >&2" % (MB, MB)
p = subprocess.Popen(["sh", "-c", both], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate()
print(len(out), len(err), p.returncode)  # expect: 1048576 1048576 0
print(out.count(b"\0"), err.count(b"e"))  # expect: 1048576 1048576

# Interleaved: stderr first, then a lot of stdout, then stderr again.
mixed = "echo start >&2; head -c %d /dev/zero; echo end >&2" % (2 * MB)
r = subprocess.run(["sh", "-c", mixed], capture_output=True, timeout=30)
print(len(r.stdout), r.stderr)  # expect: 2097152 b'start\nend\n'

# 1 MB in through cat and out again: the writer and the reader run together.
data = bytes(range(256)) * (4 * 1024)
r = subprocess.run(["cat"], input=data, capture_output=True)
print(len(r.stdout), r.stdout == data)  # expect: 1048576 True

# The same in text mode, with a timeout (the threaded path).
text = "line of text\n" * 80000
r = subprocess.run(["cat"], input=text, capture_output=True, text=True, timeout=30)
print(len(r.stdout), r.stdout == text)  # expect: 1040000 True

# A child that exits without reading its input: no BrokenPipeError.
r = subprocess.run(["true"], input=b"x" * (4 * MB), capture_output=True)
print(r.returncode, r.stdout)  # expect: 0 b''
