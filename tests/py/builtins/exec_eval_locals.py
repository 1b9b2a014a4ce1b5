# globals(), locals(), vars(), eval(), exec(), compile(), __import__().
x = 10
print(eval("x + 1"), eval("  x * 2"), eval("y", {"y": 5}), eval("a+b", {"a": 1}, {"b": 2}))  # expect: 11 20 5 3
g = {}
exec("z = 3\ndef f(): return z * 2", g)
print(g["z"], g["f"](), "__builtins__" in g)  # expect: 3 6 True
exec("w = 7")
print(w)  # expect: 7

def fn(a, b=2):
    c = a + b
    def inner(): return c
    print(sorted(locals()), locals()['c'])
    print(eval("a + c"))
    loc = {}
    exec("q = 100", globals(), loc)
    print(loc)
    return inner
fn(1)
# expect: ['a', 'b', 'c', 'inner'] 3
# expect: 4
# expect: {'q': 100}

def closure():
    free = "free"
    def inner():
        own = 1
        return sorted(locals())
    return inner()
print(closure())  # expect: ['own']

c = compile("1 + 2", "<expr>", "eval")
print(eval(c), type(c).__name__)  # expect: 3 code
c2 = compile("r = 5\nprint('in code', r)", "<s>", "exec")
exec(c2)  # expect: in code 5
print(r)  # expect: 5
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.filename, e.lineno)  # expect: SyntaxError <string> 1
try:
    exec("def (")
except SyntaxError as e:
    print("SyntaxError", e.msg)  # expect: SyntaxError invalid syntax
try:
    compile("x", "f", "bad")
except ValueError as e:
    print(e)  # expect: compile() mode must be 'exec', 'eval' or 'single'
try:
    eval(5)
except TypeError as e:
    print(e)  # expect: eval() arg 1 must be a string, bytes or code object
print(eval(b"1+1"), eval("[i*i for i in range(3)]"))  # expect: 2 [0, 1, 4]

print(globals() is globals(), globals()["x"], locals() is globals(), vars() is globals())  # expect: True 10 True True
class K:
# expect: ['a']
    a = 1
    print(sorted(k for k in locals() if not k.startswith("__")))
def noloc():
    v = 1
    print(vars(), dir())
noloc()  # expect: {'v': 1} ['v']

ns = {}
exec("import sys\nv = sys.version_info[0] >= 3", ns)
print(ns["v"], __import__("sys").version_info[0] >= 3)  # expect: True True
exec("def add(a, b):\n    return a + b\nresult = add(2, 3)", ns)
print(ns["result"])  # expect: 5
