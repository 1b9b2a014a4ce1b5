# sys.exit(3) exits with status 3.
import sys
print("x")
sys.exit(3)
# expect: x
# expect-exit: 3
