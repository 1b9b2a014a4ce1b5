# The match statement's compile-time errors, as CPython words and places them.
sources = [
    "match x:\n    case y:\n        pass\n    case 2:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 2:\n        pass\n",
    "match x:\n    case y | 1:\n        pass\n",
    "match x:\n    case 1 | y:\n        pass\n",
    "match x:\n    case [y, y]:\n        pass\n",
    "match x:\n    case {1: a, 1: b}:\n        pass\n",
    "match x:\n    case C(a=1, a=2):\n        pass\n",
    "match x:\n    case (y as z):\n        pass\n    case 2:\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case C(a=1, 2):\n        pass\n",
    "match x:\n    case 1 as _:\n        pass\n",
    "match x:\n    case f'{x}':\n        pass\n",
    "match x:\n    case [a, b] | [a, c]:\n        pass\n",
]
for src in sources:
    try:
        compile(src, "<case>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(f"{e.lineno}:{e.offset}: {e.msg}")

# A guard makes an irrefutable case fine; so does being last.
compile("match x:\n    case y if y:\n        pass\n    case 2:\n        pass\n", "<ok>", "exec")
compile("match x:\n    case 1:\n        pass\n    case y:\n        pass\n", "<ok>", "exec")
print("guards and last cases compile")

# Soft keywords: these are not match statements.
match = {"case": 1}
print(match["case"])
match: int = 5
print(match)
case = 3
print(case)

# The expected output, in order:
# expect: 2:10: name capture 'y' makes remaining patterns unreachable
# expect: 2:10: wildcard makes remaining patterns unreachable
# expect: 2:10: name capture 'y' makes remaining patterns unreachable
# expect: 2:14: alternative patterns bind different names
# expect: 2:14: multiple assignments to name 'y' in pattern
# expect: 2:10: mapping pattern checks duplicate key (1)
# expect: 2:19: attribute name repeated in class pattern: a
# expect: 2:11: name capture 'y' makes remaining patterns unreachable
# expect: 2:10: multiple starred names in sequence pattern
# expect: 2:17: positional patterns follow keyword patterns
# expect: 2:15: cannot use '_' as a target
# expect: 2:10: patterns may only match literals and attribute lookups
# expect: 2:23: alternative patterns bind different names
# expect: guards and last cases compile
# expect: 1
# expect: 5
# expect: 3
