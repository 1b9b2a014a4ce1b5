# split/rsplit/join/splitlines/partition.
print("a b  c".split(), "a b  c".split(" "), "  lead trail  ".split())
# expect: ['a', 'b', 'c'] ['a', 'b', '', 'c'] ['lead', 'trail']
print("a,b,,c".split(","), "a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 1))
# expect: ['a', 'b', '', 'c'] ['a', 'b', 'c,d'] ['a,b,c', 'd']
print("a b c".split(maxsplit=1), "a b c".rsplit(maxsplit=1), "".split(), "".split(","))
# expect: ['a', 'b c'] ['a b', 'c'] [] ['']
print("one<>two<>three".split("<>"), "x".split("x"))  # expect: ['one', 'two', 'three'] ['', '']
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " - ".join("abc"), repr(",".join([])))
# expect: a,b,c xy a - b - c ''
print("\n".join(["l1", "l2"]).splitlines())  # expect: ['l1', 'l2']
print("a\nb\r\nc\rd\n".splitlines(), "a\n\nb".splitlines(), "x\ny\n".splitlines(True))
# expect: ['a', 'b', 'c', 'd'] ['a', '', 'b'] ['x\n', 'y\n']
print("key=value=more".partition("="), "novalue".partition("="))
# expect: ('key', '=', 'value=more') ('novalue', '', '')
print("key=value=more".rpartition("="), "novalue".rpartition("="))
# expect: ('key=value', '=', 'more') ('', '', 'novalue')
print("path/to/file.txt".rsplit("/", 1)[-1], "file.tar.gz".split(".", 1))
# expect: file.txt ['file', 'tar.gz']
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: sequence item 0: expected str instance, int found
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: empty separator
print("\ta\tb ".split("\t"), " x  y ".split(" "))  # expect: ['', 'a', 'b '] ['', 'x', '', 'y', '']
