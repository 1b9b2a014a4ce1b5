# A user-defined exception raised from a nested call, with a message.
class ConfigError(Exception):
    pass

def load(name):
    raise ConfigError("no such setting: " + name)

try:
    load("a")
except ConfigError as e:
    print("handled:", e)  # expect: handled: no such setting: a
load("b")
# expect-error: Traceback (most recent call last):
# expect-error: line 12, in <module>
# expect-error: line 6, in load
# expect-error: ConfigError: no such setting: b
