# Source given to compile()/exec()/eval() as bytes must be UTF-8: invalid
# or truncated sequences are a SyntaxError (gilvm compiled them, turning
# the bytes into U+FFFD names). Bytes inside comments are not decoded.
exact = [b"\xff", b"x = 1\n\xff", b"x = 1\nab\xff = 2\n"]
for data in exact:
    try:
        compile(data, "<bytes>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, e.filename)

# Where CPython's tokenizer reports a different position, the error is the same.
for data in [b"x = '\xff'\n", b"abc \xe2\x82", b"x = 1\n\n\xc3\x28\n", b"\xed\xa0\x80 = 1", b"\xf5\x80\x80\x80",
             b"\xc0\xaf", bytearray(b"y = 2\n\xfe")]:
    try:
        compile(data, "<bytes>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.lineno, e.msg.startswith("(unicode error) 'utf-8' codec can't decode"))

for run in [lambda: exec(b"print('valid', '\xc3\xa9')"), lambda: eval(b"\xc3"), lambda: exec(b"# \xff\nprint('comment bytes are fine')\n"),
            lambda: exec(b"s = '\\\\'  # \xff\nprint(s)\n")]:
    try:
        run()
    except SyntaxError as e:
        print("SyntaxError", e.lineno)

# The expected output, in order:
# expect: "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte" 1 1 <bytes>
# expect: "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte" 2 1 <bytes>
# expect: "(unicode error) 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte" 2 3 <bytes>
# expect: SyntaxError 1 True
# expect: SyntaxError 1 True
# expect: SyntaxError 3 True
# expect: SyntaxError 1 True
# expect: SyntaxError 1 True
# expect: SyntaxError 1 True
# expect: SyntaxError 2 True
# expect: valid é
# expect: SyntaxError 1
# expect: comment bytes are fine
# expect: \
