# Evil input: must fail cleanly (an exception, never a crash).
try:
    l = [0] * (2 ** 62)
except MemoryError:
    print("MemoryError")
except OverflowError as e:
    print("OverflowError")
try:
    s = "x" * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
big = [0] * 1000000
print(len(big), sum(big))
b = list(range(1000000))
print(b[-1], len(str(2 ** 100000)) if False else "")
try:
    (1 << 10 ** 10)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
print(len("ab" * 100000))
try:
    bytes(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    "x" * -1
    print("empty ok")
except Exception as e:
    print(e)
try:
    range(10)[2**70]
except IndexError as e:
    print("IndexError:", e)
# expect: MemoryError
# expect: MemoryError
# expect: 1000000 0
# expect: 999999 
# expect: 200000
# expect: ValueError: negative count
# expect: empty ok
# expect: IndexError: range object index out of range
