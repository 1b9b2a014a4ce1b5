# What goes wrong before or at exec: CPython's exceptions and messages for
# a missing command, a file that cannot be executed, a missing cwd, bad
# arguments, and conflicting options.
import os
import subprocess

try:
    subprocess.run(["nonexistent-cmd"])
except FileNotFoundError as e:
    print(e)  # expect: [Errno 2] No such file or directory: 'nonexistent-cmd'
    print(e.errno, e.filename)  # expect: 2 nonexistent-cmd
try:
    subprocess.Popen(["./no/such/dir/cmd", "arg"])
except FileNotFoundError as e:
    print(e)  # expect: [Errno 2] No such file or directory: './no/such/dir/cmd'
try:
    subprocess.check_output("echo", executable="/nonexistent/sh", shell=True)
except FileNotFoundError as e:
    print(e)  # expect: [Errno 2] No such file or directory: '/nonexistent/sh'

# A file without execute permission; a folder.
try:
    subprocess.run(["/etc/passwd"])
except PermissionError as e:
    print(e)  # expect: [Errno 13] Permission denied: '/etc/passwd'
try:
    subprocess.run(["/"])
except PermissionError as e:
    print(e)  # expect: [Errno 13] Permission denied: '/'

# A missing cwd names the folder, not the command.
try:
    subprocess.run(["pwd"], cwd="/nonexistent-dir")
except FileNotFoundError as e:
    print(e)  # expect: [Errno 2] No such file or directory: '/nonexistent-dir'
try:
    subprocess.run(["pwd"], cwd="/etc/passwd")
except NotADirectoryError as e:
    print(e)  # expect: [Errno 20] Not a directory: '/etc/passwd'

for bad in ([1], ["echo", None]):
    try:
        subprocess.run(bad)
    except TypeError as e:
        print(e)
# expect: expected str, bytes or os.PathLike object, not int
# expect: expected str, bytes or os.PathLike object, not NoneType
try:
    subprocess.run(["echo", "a\0b"])
except ValueError as e:
    print(e)  # expect: embedded null byte
try:
    subprocess.run(["true"], env={"A=B": "1"})
except ValueError as e:
    print(e)  # expect: illegal environment variable name

try:
    subprocess.run(["cat"], input=b"x", stdin=subprocess.PIPE)
except ValueError as e:
    print(e)  # expect: stdin and input arguments may not both be used.
try:
    subprocess.run(["true"], capture_output=True, stdout=subprocess.PIPE)
except ValueError as e:
    print(e)  # expect: stdout and stderr arguments may not be used with capture_output.
for kw in ("stdout", "check"):
    try:
        subprocess.check_output(["true"], **{kw: None})
    except ValueError as e:
        print(e)
# expect: stdout argument not allowed, it will be overridden.
# expect: check argument not allowed, it will be overridden.
try:
    subprocess.Popen(["true"], text=True, universal_newlines=False)
except subprocess.SubprocessError as e:
    print(e)  # expect: Cannot disambiguate when both text and universal_newlines are supplied but different. Pass one or the other.

# After a failed exec the parent holds no child and no extra descriptor.
before = len(os.listdir("/proc/self/fd"))
for _ in range(20):
    try:
        subprocess.run(["nonexistent-cmd"], capture_output=True, input=b"x")
    except FileNotFoundError:
        pass
print(len(os.listdir("/proc/self/fd")) - before)  # expect: 0
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print(e)  # expect: [Errno 10] No child processes

# Input of the wrong type raises in the caller, whichever path communicate takes.
for kw in ({"capture_output": True}, {"stdout": subprocess.PIPE}, {}):
    try:
        subprocess.run(["cat"], input="text", **kw)
    except TypeError as e:
        print(e)
# expect: memoryview: a bytes-like object is required, not 'str'
# expect: memoryview: a bytes-like object is required, not 'str'
# expect: a bytes-like object is required, not 'str'
try:
    subprocess.run(["cat"], input=b"bytes", capture_output=True, text=True)
except AttributeError as e:
    print(e)  # expect: 'bytes' object has no attribute 'encode'

# A child whose exec fails leaves without flushing the stdio buffers it
# inherited: this line, still buffered in the parent, is printed once.
print("printed once")  # expect: printed once
try:
    subprocess.run(["nonexistent-cmd"])
except FileNotFoundError:
    pass
