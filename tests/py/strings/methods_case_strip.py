# Case, strip, padding and predicate methods.
s = "hello World"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase())
# expect: HELLO WORLD hello world Hello World Hello world HELLO wORLD
print("it's a test".title(), "MIXED case".capitalize(), "ÉCOLE".lower())
# expect: It'S A Test Mixed case école
print("  pad  ".strip() + "|", "  pad  ".lstrip() + "|", "  pad  ".rstrip() + "|")
# expect: pad| pad  |   pad|
print("xxhixx".strip("x"), "abcba".strip("ab"), "www.site.com".lstrip("w."), "a!?!".rstrip("!?"))
# expect: hi c site.com a
print("\t\n x \r\n".strip() + "|")  # expect: x|
print("[" + "ab".center(6) + "]", "[" + "ab".center(7, "*") + "]", "[" + "abc".center(2) + "]")
# expect: [  ab  ] [***ab**] [abc]
print("[" + "ab".ljust(5) + "]", "[" + "ab".rjust(5, "0") + "]", "[" + "ab".ljust(1) + "]")
# expect: [ab   ] [000ab] [ab]
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))  # expect: 00042 -0042 +007 abc
print("123".isdigit(), "12a".isdigit(), "".isdigit(), "abc".isalpha(), "ab1".isalpha())
# expect: True False False True False
print("ab1".isalnum(), "ab 1".isalnum(), "   ".isspace(), "".isspace(), "é".isalpha())
# expect: True False True False True
print("ABC".isupper(), "AbC".isupper(), "abc".islower(), "Title Case".istitle())
# expect: True False True True
print("abc".startswith("ab"), "abc".startswith(("x", "a")), "abc".endswith("bc"), "abc".endswith(("z", "y")))
# expect: True True True False
print("abcabc".startswith("c", 2), "abcabc".endswith("a", 0, 4))  # expect: True True
print("Hello".casefold(), "ß".upper(), "ǅ".lower())  # expect: hello SS ǆ
