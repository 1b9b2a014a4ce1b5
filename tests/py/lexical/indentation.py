# Indentation: blocks nest by any consistent amount; blank and comment lines don't count.
def f(x):
    if x > 0:
        return "pos"
    else:
          # a comment indented differently is ignored
          if x == 0:
                return "zero"

          return "neg"

print(f(1), f(0), f(-1))  # expect: pos zero neg

for i in range(2):
  for j in range(2):
   print(i, j)
# expect: 0 0
# expect: 0 1
# expect: 1 0
# expect: 1 1

if True:
	print("tab indented")
# expect: tab indented

x = 0
while x < 3:
    x += 1
    if x == 2: continue
    print("x", x)
# expect: x 1
# expect: x 3

class Empty: pass
def one_liner(): return 42
print(one_liner(), Empty.__name__)  # expect: 42 Empty
