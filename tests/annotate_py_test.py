#!/usr/bin/env python3
"""Write # expect: comments into a test script from what python3 prints (a drafting aid).

Usage: python3 tests/annotate_py_test.py FILE.py [ARGS...]
Old # expect: lines are replaced. Output is grouped by top-level statement: a single
line from a one-line statement becomes a trailing comment, anything else follows the
statement as standalone lines. Review the result: python3 is the oracle, but a test
should show what it means to check. expect-error lines are never written.
"""
import ast, io, os, re, sys, bisect, traceback
path = os.path.abspath(sys.argv[1])
src = open(path).read()
lines = src.split('\n')
# strip old annotations
clean = []
for l in lines:
    if re.match(r'^\s*# expect: ?', l) or l.strip() == '# expect:':
        continue
    l = re.sub(r'\s*# expect: ?.*$', '', l)
    clean.append(l)
src = '\n'.join(clean)
tree = ast.parse(src)
stmts = [(s.lineno, s.end_lineno) for s in tree.body]
starts = [a for a, b in stmts]
outputs = {}  # stmt idx -> list
real = sys.stdout
class Cap(io.TextIOBase):
    buf = ''
    def write(self, s):
        self.buf += s
        while '\n' in self.buf:
            line, self.buf = self.buf.split('\n', 1)
            self.emit(line)
        return len(s)
    def emit(self, line):
        f = sys._getframe(); top = None
        while f:
            if f.f_code.co_filename == path: top = f
            f = f.f_back
        i = bisect.bisect_right(starts, top.f_lineno) - 1 if top else len(stmts) - 1
        outputs.setdefault(i, []).append(line)
    def flush(self): pass
cap = Cap()
sys.stdout = cap
os.chdir(os.path.dirname(path))
sys.argv = [os.path.basename(path)] + sys.argv[2:]
sys.path.insert(0, os.path.dirname(path))
g = {'__name__': '__main__', '__file__': path}
try:
    exec(compile(src, path, 'exec'), g)
except SystemExit:
    pass
except BaseException:
    traceback.print_exc()
if cap.buf: cap.emit(cap.buf)
sys.stdout = real
out = clean[:]
inserts = {}
for i, outs in outputs.items():
    a, b = stmts[i]
    if a == b and len(outs) == 1 and '#' not in out[a-1] and len(out[a-1]) + len(outs[0]) < 90:
        out[a-1] = out[a-1] + ('  # expect: ' + outs[0] if outs[0] else '  # expect:')
    else:
        inserts[b] = ['# expect: ' + o if o else '# expect:' for o in outs]
res = []
for n, l in enumerate(out, 1):
    res.append(l)
    res.extend(inserts.get(n, []))
open(path, 'w').write('\n'.join(res))
n = sum(len(v) for v in outputs.values())
for v in outputs.values():
    for o in v:
        if o != o.rstrip(): print("WARNING trailing whitespace:", repr(o), file=sys.stderr)
print(f'{sys.argv[0]}: {path}: {n} expect lines', file=sys.stderr)
