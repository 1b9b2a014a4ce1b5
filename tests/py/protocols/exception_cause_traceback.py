# An uncaught exception raised `from` another prints both, cause first.
class ConfigError(Exception):
    def __init__(self, key, reason):
        super().__init__(f"{key}: {reason}")
        self.key = key

def load(key):
    try:
        return {"a": 1}[key]
    except KeyError as e:
        raise ConfigError(key, "missing") from e

print(load("a"))  # expect: 1
load("b")
# expect-error: KeyError: 'b'
# expect-error: The above exception was the direct cause of the following exception:
# expect-error: ConfigError: b: missing
