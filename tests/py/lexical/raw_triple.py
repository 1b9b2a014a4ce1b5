# Raw strings and triple-quoted strings.
print(r"C:\new\table")  # expect: C:\new\table
print(R'\d+\s*')  # expect: \d+\s*
print(len(r"\n"))  # expect: 2
print(rb"\x00".hex())  # expect: 5c783030
s = """line one
line two
    indented"""
print(s)
# expect: line one
# expect: line two
# expect:     indented
t = '''single 'quotes' and "double" inside'''
print(t)  # expect: single 'quotes' and "double" inside
u = """ends with quote\""""
print(u)  # expect: ends with quote"
print("""a""" """b""")  # expect: ab
empty = """"""
print(len(empty))  # expect: 0
print(repr("""first
second"""))
# expect: 'first\nsecond'
