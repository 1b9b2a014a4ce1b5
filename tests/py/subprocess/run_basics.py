# subprocess.run and the helpers around it: captured output (bytes and
# text), CompletedProcess's repr and check_returncode, a failing command
# with check=True, call/check_call/check_output, getoutput/getstatusoutput,
# shell=True.
import subprocess

r = subprocess.run(["echo", "hi"], capture_output=True)
print(r)  # expect: CompletedProcess(args=['echo', 'hi'], returncode=0, stdout=b'hi\n', stderr=b'')
r = subprocess.run(["echo", "hi"], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr), r.returncode)  # expect: 'hi\n' '' 0
print(subprocess.run(["true"]))  # expect: CompletedProcess(args=['true'], returncode=0)
print(subprocess.run("echo one two", shell=True, stdout=subprocess.PIPE).stdout)  # expect: b'one two\n'
r = subprocess.run(["printf", "%s", "x"], stdout=subprocess.PIPE, universal_newlines=True)
print(r)  # expect: CompletedProcess(args=['printf', '%s', 'x'], returncode=0, stdout='x')
r.check_returncode()

r = subprocess.run(["false"])
print(r.returncode)  # expect: 1
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print(e)  # expect: Command '['false']' returned non-zero exit status 1.

try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print(e)  # expect: Command '['false']' returned non-zero exit status 1.
    print(repr(e), e.returncode, e.cmd, e.output, e.stderr)  # expect: CalledProcessError(1, ['false']) 1 ['false'] None None
    print(isinstance(e, subprocess.SubprocessError))  # expect: True

try:
    subprocess.run(["sh", "-c", "echo partial; echo oops >&2; exit 3"], capture_output=True, check=True)
except subprocess.CalledProcessError as e:
    print(e.returncode, e.stdout, e.output, e.stderr)  # expect: 3 b'partial\n' b'partial\n' b'oops\n'

# A child killed by a signal: a negative return code, the signal's name.
r = subprocess.run(["sh", "-c", "kill -9 $$"])
print(r.returncode)  # expect: -9
try:
    subprocess.check_call(["sh", "-c", "kill -15 $$"])
except subprocess.CalledProcessError as e:
    print(e)  # expect: Command '['sh', '-c', 'kill -15 $$']' died with <Signals.SIGTERM: 15>.

print(subprocess.call(["sh", "-c", "exit 7"]))  # expect: 7
print(subprocess.call("exit 5", shell=True))  # expect: 5
print(subprocess.check_call(["true"]))  # expect: 0
try:
    subprocess.check_call("exit 2", shell=True)
except subprocess.CalledProcessError as e:
    print(e)  # expect: Command 'exit 2' returned non-zero exit status 2.

print(subprocess.check_output(["echo", "out"]))  # expect: b'out\n'
print(subprocess.check_output(["cat"], input=b"fed"))  # expect: b'fed'
print(repr(subprocess.check_output(["tr", "a-z", "A-Z"], input="shout", text=True)))  # expect: 'SHOUT'
print(repr(subprocess.check_output("echo $((6 * 7))", shell=True, text=True)))  # expect: '42\n'
# input=None means an empty stdin for check_output (cat would wait otherwise).
print(subprocess.check_output(["cat"], input=None))  # expect: b''
try:
    subprocess.check_output(["sh", "-c", "echo got; exit 4"])
except subprocess.CalledProcessError as e:
    print(e.returncode, e.output)  # expect: 4 b'got\n'

# shell=True with a list: the first item is the script, the rest its $0, $1.
print(subprocess.check_output(["echo $0-$1", "zero", "one"], shell=True))  # expect: b'zero-one\n'

print(subprocess.getoutput("echo hello; echo world"))
# expect: hello
# expect: world
print(subprocess.getstatusoutput("echo fail >&2; exit 3"))  # expect: (3, 'fail')
print(subprocess.getstatusoutput("true"))  # expect: (0, '')
