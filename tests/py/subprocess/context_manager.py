# Popen as a context manager: the pipes are closed and the child waited
# for on exit, also when the body raises.
import subprocess

with subprocess.Popen(["printf", "a\\nb\\n"], stdout=subprocess.PIPE) as p:
    print(p.stdout.readline())  # expect: b'a\n'
print(p.stdout.closed, p.returncode)  # expect: True 0

with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    p.stdin.write(b"in and out")
    p.stdin.close()
    print(p.stdout.read())  # expect: b'in and out'
print(p.stdin.closed, p.stdout.closed, p.returncode)  # expect: True True 0

try:
    with subprocess.Popen(["sh", "-c", "exit 3"], stdout=subprocess.PIPE) as p:
        raise KeyError("inside")
except KeyError as e:
    print("raised", e)  # expect: raised 'inside'
print(p.returncode)  # expect: 3

# After a communicate() timeout and a kill, the exit still closes cleanly.
with subprocess.Popen(["sleep", "5"], stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:
    try:
        p.communicate(timeout=0.1)
    except subprocess.TimeoutExpired:
        p.kill()
print(p.returncode)  # expect: -9

with subprocess.Popen(["echo", "plain"], stdout=subprocess.PIPE, text=True) as p:
    print(repr(p.stdout.read()), p.universal_newlines, p.text_mode)  # expect: 'plain\n' True True
print(repr(p)[:33])  # expect: <Popen: returncode: 0 args: ['ech
