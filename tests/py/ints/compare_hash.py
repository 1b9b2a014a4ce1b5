# Comparisons across big ints, small ints and floats; hash equality.
big = 2 ** 64
print(big > 1, big < 1, big == 2 ** 64, big != big + 1)  # expect: True False True True
print(-big < -1, -big < big, big > 1e19, big < 1e20)  # expect: True True True True
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53))  # expect: False True
print(1 == 1.0, 1 < 1.5, 2 > 1.999, -1 == -1.0)  # expect: True True True True
print(10 ** 400 > float("inf"), 10 ** 400 < float("inf"), -10 ** 400 > float("-inf"))
# expect: False True True
print(hash(1) == hash(1.0), hash(0) == hash(0.0) == hash(False), hash(True) == hash(1))
# expect: True True True
print(hash(2 ** 70) == hash(float(2 ** 70)))  # expect: True
print(hash(-1) == hash(-1.0), hash(-1))  # expect: True -2
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)  # expect: {1: 'bool'}
print({1, 1.0, True}, len({0, 0.0, False, -0.0}))  # expect: {1} 1
print(max(1, 2.5, 2 ** 3), min(-(2 ** 70), 0.5))  # expect: 8 -1180591620717411303424
print(sorted([3, 1.5, 2 ** 65, -2, 0.0]))  # expect: [-2, 0.0, 1.5, 3, 36893488147419103232]
print((2 ** 64) // 1 == 2 ** 64, 0 == -0, 0.0 == -0.0)  # expect: True True True
print(hash(123) == 123, hash("a") == hash("a"))  # expect: True True
