# try/except/else/finally in all combinations.
def run(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("boom")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run(False))  # expect: ['try', 'else', 'finally']
print(run(True))  # expect: ['try', 'except', 'finally']
try:
    pass
finally:
    print("finally without except")
# expect: finally without except
try:
    x = 1
except Exception:
    print("not printed")
else:
    print("else without finally", x)
# expect: else without finally 1
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally runs first")
except KeyError as e:
    print("outer caught", repr(e))
# expect: inner finally runs first
# expect: outer caught KeyError('inner')
try:
    raise TypeError("t")
except ValueError:
    print("wrong handler")
except TypeError:
    print("second handler")
except Exception:
    print("too late")
# expect: second handler
try:
    {}["missing"]
except (IndexError, KeyError) as e:
    print("tuple handler", type(e).__name__)
# expect: tuple handler KeyError
try:
    [][0]
except LookupError as e:
    print("base class handler", type(e).__name__)
# expect: base class handler IndexError
try:
    raise RuntimeError
except RuntimeError as e:
    print("class raised:", repr(e))
# expect: class raised: RuntimeError()
try:
    1 / 0
except:
    print("bare except")
# expect: bare except
def nested_handlers():
    try:
        try:
            raise ValueError("v")
        except TypeError:
            return "wrong"
    except ValueError as e:
        return "outer " + str(e)
print(nested_handlers())  # expect: outer v
