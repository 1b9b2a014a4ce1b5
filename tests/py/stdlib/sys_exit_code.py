# sys.exit(code) ends the script with that status; finally blocks still run.
# expect-exit: 3
import sys
print("before")  # expect: before
try:
    sys.exit(3)
finally:
    print("finally runs")
# expect: finally runs
print("never")
