# finally with return, break and continue.
def return_in_try():
    try:
        return "try"
    finally:
        print("finally after return")
print(return_in_try())
# expect: finally after return
# expect: try
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())  # expect: finally
def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(finally_swallows())  # expect: swallowed
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("finally on iteration", i)
# expect: finally on iteration 0
# expect: finally on iteration 1
for i in range(3):
    try:
        if i < 2:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
# expect: cleanup 0
# expect: cleanup 1
# expect: body 2
# expect: cleanup 2
def value_at_return():
    x = "before"
    try:
        return x
    finally:
        x = "after"
print(value_at_return())  # expect: before
def nested_finally():
    log = []
    try:
        try:
            return log
        finally:
            log.append("inner")
    finally:
        log.append("outer")
print(nested_finally())  # expect: ['inner', 'outer']
count = 0
while True:
    try:
        count += 1
        if count == 3:
            break
    finally:
        print("while finally", count)
# expect: while finally 1
# expect: while finally 2
# expect: while finally 3
def exception_in_except():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise TypeError("second")
        finally:
            print("finally sees the new exception in flight")
    except TypeError as e:
        return str(e)
print(exception_in_except())
# expect: finally sees the new exception in flight
# expect: second
