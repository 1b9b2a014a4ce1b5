# Evil input: must fail cleanly (an exception, never a crash).
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError")
# expect: RecursionError
