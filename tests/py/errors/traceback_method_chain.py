# A traceback through recursive method calls.
class A:
    def m(self, n):
        if n == 0:
            return [][0]
        return self.m(n - 1)
A().m(2)
# expect-error: IndexError: list index out of range
