# if/elif/else, while/else, for/else, break, continue, pass.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(v) for v in (-5, 0, 5, 50)])  # expect: ['negative', 'zero', 'small', 'large']

i = 0
while i < 3:
    i += 1
else:
    print("while finished, i =", i)
# expect: while finished, i = 3

i = 0
while True:
    i += 1
    if i == 4:
        break
else:
    print("not printed")
print("broke at", i)  # expect: broke at 4

for x in range(3):
    pass
else:
    print("for finished, x =", x)
# expect: for finished, x = 2

for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print("not printed")
print("broke at", x)  # expect: broke at 2

evens = []
for x in range(10):
    if x % 2:
        continue
    evens.append(x)
print(evens)  # expect: [0, 2, 4, 6, 8]

for x in []:
    print("never")
else:
    print("empty for runs else")
# expect: empty for runs else

for i in range(3):
    for j in range(3):
        if j == i:
            break
    else:
        print("inner never completes")
    if i == 2:
        print("outer last", i, j)
# expect: outer last 2 2

n = 0
while n < 10:
    n += 1
    if n % 3:
        continue
    print("multiple of 3:", n)
# expect: multiple of 3: 3
# expect: multiple of 3: 6
# expect: multiple of 3: 9
if not []:
    pass
print("done")  # expect: done
