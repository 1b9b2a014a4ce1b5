# The child's world: env= (replacing the environment, PATH looked up in
# it), cwd=, executable=, pass_fds, start_new_session, and a child
# started from a thread (which must not inherit the thread's blocked
# signals).
import os
import subprocess
import threading

r = subprocess.run(["env"], env={"ONLY": "this"}, capture_output=True)
print(r.stdout)  # expect: b'ONLY=this\n'
env = dict(os.environ, GREETING="hello from env")
print(subprocess.check_output("echo $GREETING", shell=True, env=env))  # expect: b'hello from env\n'
os.environ["GILVM_SUBPROCESS_TEST"] = "inherited"
print(subprocess.check_output(["sh", "-c", "echo $GILVM_SUBPROCESS_TEST"]))  # expect: b'inherited\n'
print(subprocess.check_output(["env"], env={b"BYTES": b"too"}))  # expect: b'BYTES=too\n'
# With env's PATH empty of `echo`, the command is not found.
try:
    subprocess.run(["echo", "x"], env={"PATH": "/nonexistent"})
except FileNotFoundError as e:
    print(e)  # expect: [Errno 2] No such file or directory: 'echo'

here = os.getcwd()
print(subprocess.check_output(["pwd"], cwd="/"))  # expect: b'/\n'
print(subprocess.check_output(["pwd"], cwd=b"/usr"))  # expect: b'/usr\n'
print(subprocess.check_output("pwd", shell=True, cwd="/tmp", text=True))  # expect: /tmp
# expect:
print(os.getcwd() == here)  # expect: True

# executable= runs another program under the same argv[0].
print(subprocess.check_output(["ignored", "-c", "echo $0"], executable="/bin/sh"))  # expect: b'ignored\n'
print(subprocess.check_output(["/bin/echo", "absolute"]))  # expect: b'absolute\n'

# pass_fds keeps a descriptor open in the child; others are closed.
r, w = os.pipe()
subprocess.run(["sh", "-c", "echo through fd %d >&%d" % (w, w)], pass_fds=[w])
os.close(w)
print(os.read(r, 100).decode().strip().replace(str(w), "W"))  # expect: through fd W
os.close(r)
r, w = os.pipe()
res = subprocess.run(["sh", "-c", "echo x >&%d" % w], capture_output=True)
print(res.returncode != 0)  # expect: True
os.close(r)
os.close(w)

# close_fds (the default): the child sees 0, 1, 2 and its own descriptor.
print(subprocess.check_output(["ls", "/proc/self/fd"], stdin=subprocess.DEVNULL))  # expect: b'0\n1\n2\n3\n'

# start_new_session: the child leads a session of its own.
show = "echo $$; cut -d' ' -f6 /proc/$$/stat"
pid, sid = subprocess.check_output(["sh", "-c", show], start_new_session=True).split()
print(pid == sid)  # expect: True
pid, sid = subprocess.check_output(["sh", "-c", show]).split()
print(pid == sid)  # expect: False

# From a thread (gilvm blocks SIGINT there): the child gets the default
# mask, so SIGINT still kills it; and SIGPIPE is not ignored in the child.
results = []


def spawn():
    p = subprocess.Popen(["sleep", "5"])
    p.send_signal(2)
    results.append(p.wait(timeout=5))
    blocked = subprocess.check_output(["grep", "SigBlk", "/proc/self/status"])
    results.append(blocked.split()[1])
    ignored = subprocess.check_output(["grep", "SigIgn", "/proc/self/status"])
    results.append(int(ignored.split()[1], 16) & (1 << 12))  # bit 12: SIGPIPE


t = threading.Thread(target=spawn)
t.start()
t.join()
print(results)  # expect: [-2, b'0000000000000000', 0]
r = subprocess.run("yes | head -n 2", shell=True, capture_output=True, timeout=10)
print(r.stdout, r.stderr)  # expect: b'y\ny\n' b''
