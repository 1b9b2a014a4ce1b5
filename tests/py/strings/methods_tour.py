# Common str methods and their errors.
s = "  Hello, World  "
print(s.strip(), s.lstrip(), s.rstrip(), "xxhixx".strip("x"), s.lower(), s.upper(), s.swapcase())
print("a,b,,c".split(","), "a b  c".split(), "a b c".split(None, 1), "a,b,c".rsplit(",", 1), "".split(), "".split(","))
print("ab\ncd\r\nef".splitlines(), "ab\ncd\n".splitlines(True), "-".join(["a", "b"]), "".join([]))
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".index("e"), "hello".count("l"), "aaa".count("aa"))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "abc".replace("", "-"))
print("hello".startswith("he"), "hello".endswith(("x", "lo")), "hello".startswith("l", 2))
print("abc".isalpha(), "12".isdigit(), "a1".isalnum(), "  ".isspace(), "Ab".istitle(), "ab".islower(), "AB".isupper(), "١٢".isdigit(), "12".isnumeric(), "x".isidentifier())
print("hello world".title(), "hello world".capitalize(), "ab".center(6, "*"), "ab".ljust(4, "."), "ab".rjust(4), "42".zfill(5), "-42".zfill(5))
print("a-b-c".partition("-"), "a-b-c".rpartition("-"), "abc".partition("x"))
print("tab\there".expandtabs(4), "abc".encode(), "%s" % "x", "hello"[1:4], "hello"[::-2], "hello"[10:], "hello"[-100:2])
print(str(123), str(1.5), str([1, "a"]), str(None), str(True), repr("a\nb"), str(b"x"), str(), str("x"))
print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "a" * 3, "ab" in "cabd", "" in "x", ord("é"), chr(233), chr(0x1F600))
print(sorted("hello"), list("abc"), tuple("ab"), set("aa"), "x".join("abc"), " ".join(map(str, range(3))))
print("Hello".casefold(), "ßx".upper(), "ǅ".lower(), "straße".casefold(), "İ".lower().encode())
print("abc".removeprefix("a"), "abc".removesuffix("c"), "a\tb".split("\t"), "a1b2".translate({ord("1"): "X", ord("2"): None}))
print("%s|%s" % ("abc".strip("ac"), "  x  ".strip()), "abcabc".rindex("b"), "ab" == "ab", "ab" != "ab", "abc"[-1])
print(str.maketrans("ab", "xy"), "abc".translate(str.maketrans("ab", "xy")), "{:>3}".format("é"))
for c in "aé😀": print(c, ord(c), end=" ")
print()
try:
    "abc"[5]
except IndexError as e:
    print("IndexError:", e)
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "a".join([1])
except TypeError as e:
    print("TypeError:", e)
# expect: Hello, World Hello, World     Hello, World hi   hello, world     HELLO, WORLD     hELLO, wORLD  
# expect: ['a', 'b', '', 'c'] ['a', 'b', 'c'] ['a', 'b c'] ['a,b', 'c'] [] ['']
# expect: ['ab', 'cd', 'ef'] ['ab\n', 'cd\n'] a-b 
# expect: 2 3 -1 1 2 1
# expect: heLLo heLlo -a-b-c-
# expect: True True True
# expect: True True True True True True True True True True
# expect: Hello World Hello world **ab** ab..   ab 00042 -0042
# expect: ('a', '-', 'b-c') ('a-b', '-', 'c') ('abc', '', '')
# expect: tab here b'abc' x ell olh  he
# expect: 123 1.5 [1, 'a'] None True 'a\nb' b'x'  x
# expect: True True True True aaa True True 233 é 😀
# expect: ['e', 'h', 'l', 'l', 'o'] ['a', 'b', 'c'] ('a', 'b') {'a'} axbxc 0 1 2
# expect: hello SSX ǆ strasse b'i\xcc\x87'
# expect: bc ab ['a', 'b'] aXb
# expect: b|x 4 True False c
# expect: {97: 120, 98: 121} xyc   é
# expect: a 97 é 233 😀 128512 
# expect: IndexError: string index out of range
# expect: ValueError: substring not found
# expect: TypeError: sequence item 0: expected str instance, int found
