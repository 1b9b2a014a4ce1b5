# The command line as python3 users expect it: a folder as the script,
# a missing script, PYTHONPATH, PYTHONUNBUFFERED and -u, and
# sys.version_info as a struct sequence. Run through sys.executable, so
# that python3 and gilvm each check themselves.
import os
import subprocess
import sys
import tempfile


def run(args, env=None, cwd=None):
    full = dict(os.environ)
    full.pop("PYTHONPATH", None)
    full.update(env or {})
    r = subprocess.run([sys.executable] + args, capture_output=True, text=True, env=full, cwd=cwd)
    # The program's own name starts its messages: keep what follows it.
    err = r.stderr.strip().split(": ", 1)[-1]
    return r.returncode, r.stdout, err


with tempfile.TemporaryDirectory() as tmp:
    app = os.path.join(tmp, "app")
    os.mkdir(app)
    with open(os.path.join(app, "__main__.py"), "w") as f:
        f.write("import sys\nprint('app main', sys.argv[1:], sys.path[0] == sys.argv[0])\n")
    status, out, _ = run([app, "x", "y"])
    print(status, out, end="")  # expect: 0 app main ['x', 'y'] True

    empty = os.path.join(tmp, "empty")
    os.mkdir(empty)
    status, out, err = run([empty])
    print(status, repr(out), err == "can't find '__main__' module in " + repr(empty))  # expect: 1 '' True

    missing = os.path.join(tmp, "missing.py")
    status, out, err = run([missing])
    print(status, repr(out), err == "can't open file %r: [Errno 2] No such file or directory"
          % missing)  # expect: 2 '' True

    lib = os.path.join(tmp, "lib")
    os.mkdir(lib)
    with open(os.path.join(lib, "pp_module.py"), "w") as f:
        f.write("VALUE = 42\n")
    # An empty entry is the current folder.
    code = "import sys, pp_module; print(pp_module.VALUE, sys.path[1:4] == %r)" % [lib, tmp, app]
    status, out, err = run(["-c", code], env={"PYTHONPATH": lib + "::" + app}, cwd=tmp)
    print(status, out, end="")  # expect: 0 42 True

    # Unbuffered: stdout and stderr interleave in the order written.
    code = "import sys\nprint('one')\nsys.stderr.write('two\\n')\nprint('three')\n"
    for args, env in ((["-c", code], {"PYTHONUNBUFFERED": "1"}), (["-u", "-c", code], {})):
        r = subprocess.run([sys.executable] + args, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, env=dict(os.environ, **env))
        print(r.returncode, r.stdout.split())
    # expect: 0 ['one', 'two', 'three']
    # expect: 0 ['one', 'two', 'three']

v = sys.version_info
print(v.major, v.minor, v[:2], type(v).__name__, len(v))  # expect: 3 11 (3, 11) version_info 5
print(v >= (3, 8), v.releaselevel, isinstance(v, tuple))  # expect: True final True
major, minor, *rest = v
print(major == v[0], minor == v.minor, len(rest))  # expect: True True 3
print(repr(v).startswith("sys.version_info(major=3, minor=11, micro="))  # expect: True
