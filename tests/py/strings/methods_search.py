# find/rfind/index/rindex/count/replace.
s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("dog"), s.rfind("dog"))  # expect: 5 20 -1 -1
print(s.find("at", 6), s.find("at", 6, 10), s.find(""), s.rfind(""))  # expect: 9 -1 0 22
print(s.index("sat"), s.rindex("the"))  # expect: 8 15
print(s.count("at"), s.count("the"), s.count(""), "aaaa".count("aa"), s.count("a", 10))
# expect: 3 2 23 2 1
print(s.replace("at", "og"), s.replace("at", "og", 1), s.replace("the ", ""))
# expect: the cog sog on the mog the cog sat on the mat cat sat on mat
print("aaa".replace("a", "bb", 2), "abc".replace("", "-"), "abc".replace("x", "y"))
# expect: bbbba -a-b-c- abc
print("banana".replace("ana", "_"), "x".replace("x", "", 0))  # expect: b_na x
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: substring not found
try:
    s.rindex("dog")
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: substring not found
print("a-b-c".find("-", -2), "hello"[:-1].find("o"))  # expect: 3 -1
print("Mississippi".count("ss"), "Mississippi".find("ss", 3), "Mississippi".rfind("ss"))
# expect: 2 5 5
