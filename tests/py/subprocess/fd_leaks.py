# 200 children started with every kind of pipe leave no file descriptor
# (and no zombie) behind; nor do failed starts and timeouts.
import os
import subprocess


def open_fds():
    return len(os.listdir("/proc/self/fd"))


before = open_fds()
PIPE = subprocess.PIPE
for i in range(200):
    kind = i % 4
    if kind == 0:
        subprocess.run(["true"], capture_output=True)
    elif kind == 1:
        subprocess.run(["cat"], input=b"x", stdout=PIPE, stderr=subprocess.STDOUT)
    elif kind == 2:
        subprocess.run(["true"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    else:
        with subprocess.Popen(["echo", "x"], stdout=PIPE, text=True) as p:
            p.stdout.read()
print(open_fds() - before)  # expect: 0

for _ in range(10):
    try:
        subprocess.run(["true"], cwd="/nonexistent", capture_output=True)
    except FileNotFoundError:
        pass
    try:
        subprocess.run(["sleep", "5"], capture_output=True, timeout=0.01)
    except subprocess.TimeoutExpired:
        pass
print(open_fds() - before)  # expect: 0

# A grandchild that keeps the pipes open after the child is killed: no end
# of file ever comes while we wait, yet the pipes are closed on exit.
try:
    subprocess.run(["sh", "-c", "sleep 1 & exec sleep 5"], capture_output=True, timeout=0.1)
except subprocess.TimeoutExpired as e:
    print(e)  # expect: Command '['sh', '-c', 'sleep 1 & exec sleep 5']' timed out after 0.1 seconds
print(open_fds() - before)  # expect: 0
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError:
    print("no children left")  # expect: no children left
