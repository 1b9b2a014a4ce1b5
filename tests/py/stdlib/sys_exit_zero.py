# sys.exit() and sys.exit(0) exit with status 0; SystemExit can be caught.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught", e.code, type(e).__name__)
# expect: caught 5 SystemExit
try:
    sys.exit()
except SystemExit as e:
    print("no code:", e.code)
# expect: no code: None
try:
    raise SystemExit("text")
except SystemExit as e:
    print("text code:", e.code)
# expect: text code: text
print(isinstance(SystemExit(), Exception), isinstance(SystemExit(), BaseException))
# expect: False True
sys.exit(0)
print("never")
