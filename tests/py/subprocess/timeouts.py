# Timeouts and signals: run(timeout=) kills and raises TimeoutExpired
# quickly; communicate(timeout=) can be called again after kill();
# wait(timeout=), poll() before and after, kill/terminate/send_signal.
import signal
import subprocess
import time

t0 = time.monotonic()
try:
    subprocess.run(["sleep", "5"], capture_output=True, timeout=0.3)
except subprocess.TimeoutExpired as e:
    print(e)  # expect: Command '['sleep', '5']' timed out after 0.3 seconds
    print(repr(e), e.timeout, e.output, e.stdout, e.stderr)  # expect: TimeoutExpired(['sleep', '5'], 0.3) 0.3 None None None
    print(isinstance(e, subprocess.SubprocessError))  # expect: True
print(time.monotonic() - t0 < 2)  # expect: True

# What the child wrote before the timeout comes with the exception.
try:
    subprocess.run(["sh", "-c", "echo early; exec sleep 5"], stdout=subprocess.PIPE, timeout=1)
except subprocess.TimeoutExpired as e:
    print(e.output)  # expect: b'early\n'

# communicate(timeout), kill(), communicate() again, as CPython's docs show.
p = subprocess.Popen(["sh", "-c", "echo so far; exec sleep 5"], stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE)
try:
    p.communicate(timeout=0.3)
except subprocess.TimeoutExpired as e:
    print("timed out", e.timeout)  # expect: timed out 0.3
p.kill()
print(p.communicate())  # expect: (b'so far\n', b'')
print(p.returncode)  # expect: -9

# wait(timeout) and poll().
p = subprocess.Popen(["sleep", "5"])
print(p.poll(), p.returncode)  # expect: None None
try:
    p.wait(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(e)  # expect: Command '['sleep', '5']' timed out after 0.2 seconds
try:
    p.wait(0)
except subprocess.TimeoutExpired as e:
    print(e)  # expect: Command '['sleep', '5']' timed out after 0 seconds
p.kill()
print(p.wait(timeout=5), p.poll(), p.returncode)  # expect: -9 -9 -9
p.kill()  # a child known to be dead is not signalled again
p.send_signal(signal.SIGTERM)

p = subprocess.Popen(["sleep", "5"])
p.terminate()
print(p.wait())  # expect: -15
p = subprocess.Popen(["sleep", "5"])
p.send_signal(signal.SIGINT)
print(p.wait())  # expect: -2
p = subprocess.Popen(["true"])
print(p.wait(timeout=5), p.poll())  # expect: 0 0

# A quick child within its timeout; check_output and call with timeouts.
print(subprocess.run(["echo", "quick"], capture_output=True, timeout=5).stdout)  # expect: b'quick\n'
try:
    subprocess.check_output(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(e.cmd, e.timeout)  # expect: ['sleep', '5'] 0.2
try:
    subprocess.call(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(e)  # expect: Command '['sleep', '5']' timed out after 0.2 seconds
print(time.monotonic() - t0 < 4)  # expect: True
