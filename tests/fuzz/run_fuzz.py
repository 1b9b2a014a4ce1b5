#!/usr/bin/env python3
"""Feed gilvm malformed and hostile programs; it must never crash or hang.

The corpus is built deterministically (a seeded RNG) from three sources:

  * hand-written hostile sources: deep nesting, long operator chains, huge
    literals, null bytes, invalid UTF-8, unterminated everything;
  * valid programs that stress the runtime: deep recursion (with and without
    sys.setrecursionlimit(100000)), recursion through __repr__/__eq__/
    __hash__/sorted(key=...), self-referential containers, generator
    re-entrancy, mutation during iteration;
  * mutations of the scripts under tests/py: lines and tokens deleted,
    duplicated, swapped; random bytes inserted.

Any result is fine (output, SyntaxError, a traceback) except dying from a
signal (exit status < 0 or >= 128), a sanitizer or segfault report in
stderr, or a hang (more than --timeout seconds). A mutated program that hangs
is only reported when python3 finishes the same program in time: a mutation
can turn a loop into an infinite one.

The coverage-guided libFuzzer targets beside it (`make fuzz`) and how the
two relate: docs/fuzzing.md.

    python3 tests/fuzz/run_fuzz.py --gilvm build/gilvm
    python3 tests/fuzz/run_fuzz.py --gilvm build/gilvm --mutants 2000 --seed 7 -v
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CRASH_MARKERS = (b"Segmentation fault", b"AddressSanitizer", b"UndefinedBehaviorSanitizer",
                 b"runtime error:", b"terminate called", b"Aborted", b"core dumped")
# Scripts whose mutants can legitimately run for long (sleeps, big loops).
MUTATION_SKIP = re.compile(r"\b(sleep|input)\b")


@dataclass
class Case:
    name: str
    source: bytes
    mutant: bool = False  # a timeout is checked against python3 first


# ------------------------------------------------------------------ corpus

def hostile_sources() -> list[Case]:
    c: list[Case] = []

    def add(name: str, text: str | bytes) -> None:
        c.append(Case(name, text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text))

    add("parens-10k", "(" * 10000 + "1" + ")" * 10000 + "\n")
    add("parens-open-10k", "(" * 10000 + "\n")
    add("brackets-100k", "[" * 100000 + "\n")
    add("braces-100k", "x = " + "{" * 100000 + "\n")
    add("mixed-brackets", "([{" * 30000 + "\n")
    add("closers-only", ")]}" * 1000 + "\n")
    add("minus-chain", "x = " + "-" * 100000 + "1\nprint(x)\n")
    add("not-chain", "x = " + "not " * 50000 + "1\n")
    add("tilde-chain", "print(" + "~" * 100000 + "1)\n")
    add("plus-chain", "print(" + "1+" * 100000 + "1)\n")
    add("pow-chain", "print(" + "2**" * 5000 + "1)\n")
    add("attr-chain", "x = a" + ".b" * 100000 + "\n")
    add("call-chain", "f = lambda: f\nx = f" + "()" * 50000 + "\n")
    add("subscript-chain", "x = [0]\nx" + "[0]" * 50000 + "\n")
    add("lambda-chain", "f = " + "lambda: " * 20000 + "1\n")
    add("ternary-chain", "x = " + "1 if 1 else " * 20000 + "1\n")
    add("compare-chain", "print(" + "1 < " * 50000 + "2)\n")
    add("and-chain", "print(" + "1 and " * 50000 + "2)\n")
    add("tuple-wide", "x = (" + "1," * 200000 + ")\nprint(len(x))\n")
    add("list-wide", "x = [" + "1," * 200000 + "]\nprint(len(x))\n")
    add("dict-wide", "x = {" + ",".join(f"{i}: {i}" for i in range(50000)) + "}\nprint(len(x))\n")
    add("args-wide", "def f(*a): return len(a)\nprint(f(" + "1," * 100000 + "))\n")
    add("params-wide", "def f(" + ",".join(f"a{i}" for i in range(20000)) + "): pass\n")
    add("locals-wide", "def f():\n" + "".join(f"    v{i} = {i}\n" for i in range(70000)) + "f()\n")
    add("consts-wide", "x = [" + ",".join(f"'{i}'" for i in range(70000)) + "]\n")
    add("names-wide", "".join(f"n{i} = 0\n" for i in range(70000)))
    add("indent-deep", "".join("    " * i + "if 1:\n" for i in range(200)) + "    " * 200 + "pass\n")
    add("indent-deep-def", "".join(" " * i + "def f():\n" for i in range(120)) + " " * 120 + "pass\n")
    add("nested-funcs-99", "".join(" " * i + f"def f{i}(x{i}):\n" for i in range(99)) + " " * 99 + "return 1\n")
    add("nested-try", "".join("  " * i + "try:\n" for i in range(99)) + "  " * 99 + "pass\n"
        + "".join("  " * i + "finally:\n" + "  " * (i + 1) + "pass\n" for i in reversed(range(99))))
    add("huge-int", "x = 1" + "0" * 200000 + "\nprint(x % 97)\n")
    add("huge-int-str", "x = 1" + "0" * 5000 + "\nprint(len(str(x)))\n")
    add("huge-hex", "x = 0x" + "f" * 100000 + "\nprint(x & 255)\n")
    add("huge-float", "x = 1" + "0" * 400 + ".0\nprint(x)\n")
    add("huge-exp-float", "print(1e99999999999999999999, 1e-99999999999999999999)\n")
    add("huge-shift", "print(1 << 100000 >> 99999)\n")
    add("shift-neg", "try:\n    1 << -1\nexcept ValueError as e:\n    print(e)\n")
    add("shift-huge", "try:\n    1 << (1 << 70)\nexcept (OverflowError, MemoryError) as e:\n    print(type(e))\n")
    add("pow-huge", "try:\n    print(len(str(7 ** 100000)))\nexcept ValueError as e:\n    print(e)\n")
    add("int-overflow", "x = 2**62\nprint(x + x, -x - x, x * x, -(-x - x), abs(-x - x), (-x - x) // -1)\n"
        "print((-2**63) % -1, (-2**63) // -1, divmod(-2**63, -1), -2**63 * -1)\n"
        "print(2**63 - 1 + 1, 4611686018427387903 + 1, -4611686018427387904 - 1)\n"
        "print(4611686018427387903 * 4611686018427387903, 3037000500 * 3037000500)\n"
        "print(hash(-1), hash(2**64), hash(-2**63), round(2**62, -100), 10**18 // -7)\n")
    add("huge-repeat", "try:\n    x = [0] * (1 << 62)\nexcept (MemoryError, OverflowError) as e:\n    print(type(e))\n")
    add("huge-repeat-str", "try:\n    x = 'ab' * (1 << 62)\nexcept (MemoryError, OverflowError) as e:\n    print(type(e))\n")
    add("huge-range", "r = range(-2**70, 2**70, 3)\nprint(r[2**60] if len(r) else 0)\n")
    add("range-len-big", "try:\n    print(len(range(2**64)))\nexcept OverflowError as e:\n    print(e)\n")
    add("slice-extreme", "l = list(range(10))\nprint(l[::-(2**63)], l[-2**63:2**63], l[::2**63], 'abc'[::-2**70])\n"
        "print(l[2**62:], l[-2**62::-1], (1,2,3)[::-(2**62)])\n"
        "b = bytearray(b'abc')\nb[::2**63] = b'z'\nprint(b)\n")
    add("index-extreme", "for n in (2**62, -2**62, 2**63, -2**63 - 1, 2**100):\n"
        "    for s in ([1], (1,), 'x', b'x', range(1)):\n        try:\n            s[n]\n"
        "        except IndexError:\n            pass\n")
    add("string-long-literal", "s = '" + "a" * 1000000 + "'\nprint(len(s))\n")
    add("fstring-deep", "x = 1\nprint(f'" + "{" * 300 + "x" + "}" * 300 + "')\n")
    add("fstring-nested", "x = 1\nprint(f\"{f'{x!r:>{x}}'}\")\nprint(f'{x:{x}{x}}')\n")
    add("fstring-bad", "print(f'{')\nprint(f'}')\nprint(f'{x!z}')\n")
    add("format-huge-width", "try:\n    print(len(format(1, '99999999999999999999')))\nexcept (ValueError, OverflowError, MemoryError) as e:\n    print(type(e))\n")
    add("format-width-1e6", "print(len(format(1, '1000000')), len('%1000000d' % 1), len(f'{1:>1000000}'))\n")
    add("percent-star", "try:\n    print('%*d' % (2**62, 1))\nexcept (ValueError, OverflowError, MemoryError) as e:\n    print(type(e))\n")
    add("null-bytes", b"print(1)\x00\nprint(2)\n")
    add("null-in-string", b"x = '\x00'\nprint(len(x))\n")
    add("null-only", b"\x00" * 100)
    add("invalid-utf8", b"x = '\xff\xfe'\nprint(x)\n")
    add("invalid-utf8-ident", b"\xc3\x28 = 1\n")
    add("invalid-utf8-comment", b"# \xe2\x82\nprint(1)\n")
    add("truncated-utf8", b"print('\xe2\x82")
    add("bom", b"\xef\xbb\xbfprint('bom')\n")
    add("bom-twice", b"\xef\xbb\xbf\xef\xbb\xbfprint('bom')\n")
    add("lone-surrogate-escape", "print(ascii('\\ud800'), len('\\udfff'))\n")
    add("bad-escapes", "print('\\N{NOT A NAME}')\n")
    add("bad-escape-u", "print('\\u12')\n")
    add("bad-escape-U", "print('\\U00110000')\n")
    add("bad-escape-x", "print(b'\\x1')\n")
    add("unterminated-string", "x = 'abc\n")
    add("unterminated-triple", "x = '''abc\n" * 3)
    add("unterminated-fstring", "x = f'{1\n")
    add("backslash-eof", "x = 1 + \\")
    add("backslash-only", "\\")
    add("tabs-spaces", "if 1:\n\tif 1:\n        pass\n")
    add("form-feed", "\x0cif 1:\n\x0c    pass\n")
    add("cr-only", "print(1)\rprint(2)\r")
    add("empty", "")
    add("only-newlines", "\n" * 10000)
    add("only-indent", "    \n" * 1000 + "    x\n")
    add("dedent-mismatch", "if 1:\n        x = 1\n    y = 2\n")
    add("keywords-soup", "if else elif while for in not and or is lambda def class return yield\n")
    add("operators-soup", "+-*/%@&|^~<<>>//**=<>!===:=->...:;,.()[]{}\n")
    add("decorator-deep", "".join("@d\n" for _ in range(10000)) + "def f(): pass\n")
    add("walrus-weird", "print((x := 1), [y := 2 for _ in 'a'])\n")
    add("star-weird", "*a = 1\n")
    add("star-many", "a, *b, *c = 1, 2, 3\n")
    add("unpack-big", "a, b = range(10**6)\n")
    add("global-weird", "def f():\n    x = 1\n    global x\n")
    add("nonlocal-weird", "def f():\n    nonlocal x\n")
    add("return-in-class", "class A:\n    return 1\n")
    add("yield-outside", "yield 1\n")
    add("await-weird", "await x\n")
    add("match-stmt", "match x:\n    case 1: pass\n")
    add("del-weird", "del (a, [b, c]), d[0], e.f\n")
    add("assign-to-weird", "f() = 1\n(a, b) += 1\nNone = 1\n")
    add("bytes-nonascii", "x = b'é'\n")
    add("number-weird", "print(0_0, 1__0)\n")
    add("number-weird2", "print(0b, 0o9, 0x, 1e, 1.e+, 09)\n")
    add("long-line", "x = 1" + " + 1" * 300000 + "\nprint(x)\n")
    add("many-lines", "x = 0\n" + "x += 1\n" * 200000 + "print(x)\n")
    add("many-blocks", "for i in range(2):\n" + "    if i:\n        pass\n" * 20000)
    add("comment-huge", "#" + "x" * 1000000 + "\nprint(1)\n")
    add("exec-bad", "try:\n    exec('(' * 10000)\nexcept SyntaxError as e:\n    print(type(e))\n")
    add("eval-bad", "for s in ['[' * 100000, '-' * 100000 + '1', 'not ' * 100000, '\\x00', '1 +', 'lambda: (yield)']:\n"
        "    try:\n        eval(s)\n    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:\n"
        "        print(type(e).__name__)\n")
    add("compile-bad", "for s in ['x = (', 'def f(:', 'class', '\\n\\n\\t\\t x', b'\\xff'.decode('latin-1')]:\n"
        "    try:\n        compile(s, 'f', 'exec')\n    except (SyntaxError, ValueError) as e:\n"
        "        print(type(e).__name__)\n")
    add("int-parse-bad", "for s in ['', ' ', '1_', '_1', '0x', '1' * 100000, '-' * 1000, '\\x00', '١٢٣']:\n"
        "    for b in (0, 2, 10, 16, 36):\n        try:\n            int(s, b)\n"
        "        except ValueError:\n            pass\n"
        "for b in (-1, 1, 37, 2**70):\n    try:\n        int('1', b)\n    except (ValueError, OverflowError):\n        pass\n")
    add("float-parse-bad", "for s in ['', 'nan', '-inf', '1e', '1' * 100000, '1e999999999999', '0x1p3', '\\x00', '.', 'infinity']:\n"
        "    try:\n        float(s)\n    except ValueError:\n        pass\n")
    add("chr-ord-extreme", "for n in (-1, 0x110000, 2**63, -2**63, 2**100):\n    try:\n        chr(n)\n"
        "    except (ValueError, OverflowError):\n        pass\n")
    add("str-methods-extreme", "s = 'abc'\nfor n in (-2**63, -1, 0, 2**31, 2**63, 2**100):\n"
        "    for m in ('center', 'ljust', 'rjust', 'zfill', 'expandtabs'):\n        try:\n"
        "            r = getattr(s, m)(n) if abs(n) < 2**20 else None\n"
        "        except (ValueError, OverflowError, MemoryError, TypeError):\n            pass\n"
        "    for m in ('split', 'rsplit', 'splitlines'):\n        try:\n            getattr(s, m)(None, n) if m != 'splitlines' else s.splitlines()\n"
        "        except (ValueError, OverflowError, TypeError):\n            pass\n"
        "    try:\n        s.replace('a', 'b', n)\n        s.find('a', n, -n)\n        s.count('', n)\n        s[n:n]\n"
        "    except (OverflowError, TypeError):\n        pass\n")
    add("list-methods-extreme", "l = [1, 2, 3]\nfor n in (-2**63, -2**62, -1, 2**62, 2**63, 2**100):\n"
        "    for call in (lambda: l.insert(n, 0), lambda: l.pop(n), lambda: l.index(1, n, -n), lambda: l[n:n],\n"
        "                 lambda: l.__setitem__(slice(n, None), []), lambda: l.__delitem__(slice(None, None, n) if n else 0),\n"
        "                 lambda: [0] * n, lambda: 'x' * n, lambda: (0,) * n, lambda: b'x' * n, lambda: range(n)[n]):\n"
        "        try:\n            call()\n        except (IndexError, ValueError, OverflowError, MemoryError, TypeError):\n            pass\n"
        "print(l)\n")
    add("round-extreme", "for n in (-2**63, -2**62, -400, 400, 2**62, 2**63):\n    for x in (1, 1.5, 2**70, -7):\n"
        "        try:\n            round(x, n)\n        except (OverflowError, TypeError):\n            pass\n")
    add("float-ops-extreme", "import math\nfor x in (0.0, -0.0, 1e308, -1e308, 5e-324, float('inf'), float('nan'), 2**1023):\n"
        "    for y in (0.0, -0.0, 1e308, 5e-324, float('inf'), float('nan'), 3, -2**63, 2**70):\n"
        "        for f in (lambda: x + y, lambda: x * y, lambda: x / y, lambda: x // y, lambda: x % y,\n"
        "                  lambda: x ** y, lambda: divmod(x, y), lambda: int(x), lambda: round(x),\n"
        "                  lambda: math.floor(x), lambda: math.ceil(x), lambda: x < y, lambda: hash(x),\n"
        "                  lambda: float(y), lambda: math.sqrt(x), lambda: math.log(x), lambda: int(x) << 3,\n"
        "                  lambda: math.isqrt(int(abs(x))) if x == x and abs(x) != float('inf') else 0, lambda: format(x, '.100f'),\n"
        "                  lambda: format(x, '.3e'), lambda: repr(x), lambda: x.is_integer()):\n"
        "            try:\n                f()\n"
        "            except (ZeroDivisionError, OverflowError, ValueError, TypeError):\n                pass\n")
    add("int-ops-extreme", "vals = [0, 1, -1, 2**62 - 1, -2**62, 2**62, 2**63 - 1, -2**63, 2**64, -2**64, 2**200, -(2**200)]\n"
        "for x in vals:\n    for y in vals:\n"
        "        for f in (lambda: x + y, lambda: x - y, lambda: x * y, lambda: x // y, lambda: x % y,\n"
        "                  lambda: divmod(x, y), lambda: x ** (y % 70), lambda: pow(x, y, 97) if y >= 0 else pow(x, 3, y or 5),\n"
        "                  lambda: x << (y % 200), lambda: x >> (y % 200), lambda: x >> y if y >= 0 else 0,\n"
        "                  lambda: x & y, lambda: x | y, lambda: x ^ y, lambda: ~x, lambda: -x, lambda: abs(x),\n"
        "                  lambda: x < y, lambda: x == y, lambda: hash(x), lambda: x / y, lambda: float(x),\n"
        "                  lambda: x.bit_length(), lambda: str(x), lambda: hex(x), lambda: bin(x), lambda: oct(x),\n"
        "                  lambda: format(x, ','), lambda: format(x, '_x'), lambda: int.from_bytes(b'\\xff' * 9, 'big'),\n"
        "                  lambda: (x).to_bytes(20, 'big', signed=True)):\n"
        "            try:\n                f()\n"
        "            except (ZeroDivisionError, OverflowError, ValueError, AttributeError, TypeError):\n                pass\n"
        "print('ok')\n")
    return c


def stress_programs() -> list[Case]:
    progs = {
        "recurse-plain": "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n    print('ok')\n",
        "recurse-uncaught": "def f(n):\n    return f(n + 1)\nf(0)\n",
        "recurse-limit-100k": "import sys\nsys.setrecursionlimit(100000)\ndef f(n):\n    return f(n + 1)\n"
                              "try:\n    f(0)\nexcept RecursionError:\n    print('ok')\n",
        "recurse-limit-100k-uncaught": "import sys\nsys.setrecursionlimit(100000)\ndef f(n):\n    return 1 + f(n + 1)\nf(0)\n",
        "recurse-limit-1m": "import sys\nsys.setrecursionlimit(10**6)\ndef f(n):\n    return f(n + 1)\n"
                              "try:\n    f(0)\nexcept RecursionError:\n    print('ok')\n",
        "recurse-mutual": "import sys\nsys.setrecursionlimit(100000)\ndef a(n):\n    return b(n)\n"
                          "def b(n):\n    return a(n)\ntry:\n    a(0)\nexcept RecursionError:\n    print('ok')\n",
        "recurse-in-except": "import sys\nsys.setrecursionlimit(100000)\ndef f():\n    try:\n        raise ValueError\n"
                             "    except ValueError:\n        f()\ntry:\n    f()\nexcept RecursionError:\n    print('ok')\n",
        "recurse-lambda": "import sys\nsys.setrecursionlimit(100000)\nf = lambda: f()\ntry:\n    f()\nexcept RecursionError:\n    print('ok')\n",
        "recurse-kwargs": "import sys\nsys.setrecursionlimit(100000)\ndef f(*a, **k):\n    return f(*a, **k)\n"
                          "try:\n    f(1, x=2)\nexcept RecursionError:\n    print('ok')\n",
        "recurse-init": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __init__(self):\n        A()\n"
                        "try:\n    A()\nexcept RecursionError:\n    print('ok')\n",
        "recurse-repr": "class A:\n    def __repr__(self):\n        return repr(self)\ntry:\n    repr(A())\nexcept RecursionError:\n    print('ok')\n",
        "recurse-repr-100k": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __repr__(self):\n        return repr(self)\n"
                             "try:\n    repr(A())\nexcept RecursionError:\n    print('ok')\n",
        "recurse-str-100k": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __str__(self):\n        return str(self)\n"
                            "try:\n    print(A())\nexcept RecursionError:\n    print('ok')\n",
        "recurse-format-100k": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __format__(self, spec):\n        return f'{self}'\n"
                               "try:\n    f'{A()}'\nexcept RecursionError:\n    print('ok')\n",
        "recurse-eq": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __eq__(self, o):\n        return self == o\n"
                      "try:\n    A() == A()\nexcept RecursionError:\n    print('ok')\n",
        "recurse-lt-sort": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __lt__(self, o):\n        return sorted([o, self])\n"
                           "try:\n    sorted([A(), A()])\nexcept RecursionError:\n    print('ok')\n",
        "recurse-hash": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __hash__(self):\n        return hash(self)\n"
                        "try:\n    {A()}\nexcept RecursionError:\n    print('ok')\n",
        "recurse-hash-dict": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __hash__(self):\n        return hash(self)\n"
                             "try:\n    d = {}\n    d[A()] = 1\nexcept RecursionError:\n    print('ok')\n",
        "recurse-sorted-key": "import sys\nsys.setrecursionlimit(100000)\ndef key(x):\n    return sorted([1, 2], key=key)\n"
                              "try:\n    sorted([1, 2], key=key)\nexcept RecursionError:\n    print('ok')\n",
        "recurse-map": "import sys\nsys.setrecursionlimit(100000)\ndef f(x):\n    return list(map(f, [x]))\n"
                       "try:\n    f(1)\nexcept RecursionError:\n    print('ok')\n",
        "recurse-getattr": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __getattr__(self, n):\n        return self.x\n"
                           "try:\n    A().y\nexcept RecursionError:\n    print('ok')\n",
        "recurse-getitem": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __getitem__(self, i):\n        return self[i]\n"
                           "try:\n    A()[0]\nexcept RecursionError:\n    print('ok')\n",
        "recurse-iter": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __iter__(self):\n        return iter(self)\n"
                        "try:\n    list(A())\nexcept RecursionError:\n    print('ok')\n",
        "recurse-len": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __len__(self):\n        return len(self)\n"
                       "try:\n    bool(A())\nexcept RecursionError:\n    print('ok')\n",
        "recurse-bool": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __bool__(self):\n        return not self\n"
                        "try:\n    bool(A())\nexcept RecursionError:\n    print('ok')\n",
        "recurse-add": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __add__(self, o):\n        return self + o\n"
                       "    __radd__ = __add__\ntry:\n    A() + 1\nexcept RecursionError:\n    print('ok')\n",
        "recurse-contains": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __contains__(self, o):\n        return o in self\n"
                            "try:\n    1 in A()\nexcept RecursionError:\n    print('ok')\n",
        "recurse-exit": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __enter__(self):\n        with self:\n            pass\n"
                        "    def __exit__(self, *a):\n        pass\ntry:\n    with A():\n        pass\nexcept RecursionError:\n    print('ok')\n",
        "recurse-call": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    def __call__(self):\n        return self()\n"
                        "try:\n    A()()\nexcept RecursionError:\n    print('ok')\n",
        "recurse-property": "import sys\nsys.setrecursionlimit(100000)\nclass A:\n    @property\n    def p(self):\n        return self.p\n"
                            "try:\n    A().p\nexcept RecursionError:\n    print('ok')\n",
        "recurse-generator": "import sys\nsys.setrecursionlimit(100000)\ndef g(n):\n    yield from g(n + 1)\n"
                             "try:\n    list(g(0))\nexcept RecursionError:\n    print('ok')\n",
        "recurse-generator-next": "import sys\nsys.setrecursionlimit(100000)\ndef g():\n    yield next(g())\n"
                                  "try:\n    next(g())\nexcept RecursionError:\n    print('ok')\n",
        "recurse-exception-str": "import sys\nsys.setrecursionlimit(100000)\nclass E(Exception):\n    def __str__(self):\n        return str(self)\n"
                                 "raise E()\n",
        "recurse-exception-repr": "class E(Exception):\n    def __repr__(self):\n        return repr(self)\n"
                                  "try:\n    repr(E())\nexcept RecursionError:\n    print('ok')\n",
        "recurse-import-self": "import sys\nsys.setrecursionlimit(100000)\ndef f():\n    exec('f()')\n"
                               "try:\n    f()\nexcept RecursionError:\n    print('ok')\n",
        "recurse-eval": "import sys\nsys.setrecursionlimit(100000)\ndef f():\n    return eval('f()')\n"
                        "try:\n    f()\nexcept RecursionError:\n    print('ok')\n",
        "recurse-deep-data": "x = []\nfor _ in range(100000):\n    x = [x]\ntry:\n    print(len(repr(x)))\nexcept RecursionError:\n    print('ok')\n"
                             "y = ()\nfor _ in range(100000):\n    y = (y,)\ntry:\n    hash(y)\nexcept RecursionError:\n    print('ok')\n"
                             "try:\n    print(x == x, x == [x], y == (y,))\nexcept RecursionError:\n    print('ok')\n"
                             "del x, y\n",
        "recurse-deep-dict": "d = {}\nfor _ in range(100000):\n    d = {1: d}\ntry:\n    str(d)\nexcept RecursionError:\n    print('ok')\n"
                             "del d\n",
        "deep-data-free": "x = None\nfor _ in range(1000000):\n    x = [x]\ndel x\nprint('freed')\n"
                          "t = None\nfor _ in range(1000000):\n    t = (t, 1)\nt = None\nprint('freed')\n"
                          "class N:\n    pass\nn = None\nfor _ in range(300000):\n    m = N()\n    m.next = n\n    n = m\n"
                          "n = m = None\nprint('freed')\n",
        "deep-generator-chain": "def g(it):\n    yield from it\nit = iter([1, 2, 3])\nfor _ in range(100000):\n    it = g(it)\n"
                                "try:\n    print(list(it))\nexcept RecursionError:\n    print('ok')\n",
        "self-ref-list": "l = [1]\nl.append(l)\nprint(l, repr(l), str(l), len(str(l)))\nl2 = [l, l]\nprint(l2)\n"
                         "print(l == l, l in l)\n",
        "self-ref-dict": "d = {}\nd['d'] = d\nd[1] = [d, (d,)]\nprint(d)\n",
        "self-ref-tuple-list": "l = []\nt = (l, l)\nl.append(t)\nprint(t, l)\n",
        "self-ref-set": "class A:\n    def __repr__(self):\n        return repr(s)\ns = {A()}\ntry:\n    print(s)\nexcept RecursionError:\n    print('ok')\n",
        "self-ref-object": "class A:\n    def __repr__(self):\n        return f'A({self.o!r})'\na = A()\na.o = [a]\ntry:\n    print(a)\nexcept RecursionError:\n    print('ok')\n",
        "gen-reentrant-next": "def g():\n    yield next(it)\nit = g()\ntry:\n    next(it)\nexcept ValueError as e:\n    print(e)\n",
        "gen-reentrant-send": "def g():\n    x = yield 1\n    it.send(2)\nit = g()\nnext(it)\ntry:\n    it.send(1)\nexcept ValueError as e:\n    print(e)\n",
        "gen-reentrant-throw": "def g():\n    try:\n        yield 1\n    except KeyError:\n        it.throw(ValueError)\nit = g()\nnext(it)\n"
                               "try:\n    it.throw(KeyError)\nexcept ValueError as e:\n    print('ok', e)\n",
        "gen-reentrant-close": "def g():\n    try:\n        yield 1\n    finally:\n        it.close()\nit = g()\nnext(it)\n"
                               "try:\n    it.close()\nexcept ValueError as e:\n    print(e)\n",
        "gen-yield-from-self": "def g():\n    yield from it\nit = g()\ntry:\n    next(it)\nexcept ValueError as e:\n    print(e)\n",
        "gen-finished-ops": "def g():\n    yield 1\n    return 2\nit = g()\nprint(list(it), list(it))\nit.close()\n"
                            "try:\n    it.send(5)\nexcept StopIteration:\n    print('stop')\n"
                            "try:\n    it.throw(ValueError)\nexcept ValueError:\n    print('thrown')\n",
        "gen-send-nonnone": "def g():\n    yield 1\ntry:\n    g().send(5)\nexcept TypeError as e:\n    print(e)\n",
        "gen-throw-weird": "def g():\n    yield 1\nfor x in (1, None, 'x', ValueError, ValueError('v'), StopIteration, GeneratorExit):\n"
                           "    it = g()\n    next(it)\n    try:\n        it.throw(x)\n    except BaseException as e:\n        print(type(e).__name__)\n",
        "gen-close-yield": "def g():\n    while True:\n        try:\n            yield 1\n        except GeneratorExit:\n            yield 2\n"
                           "it = g()\nnext(it)\ntry:\n    it.close()\nexcept RuntimeError as e:\n    print(e)\n",
        "gen-stopiteration-inside": "def g():\n    raise StopIteration\n    yield\ntry:\n    next(g())\nexcept RuntimeError as e:\n    print(e)\n",
        "gen-abandoned": "def g():\n    try:\n        yield 1\n    finally:\n        print('cleanup')\nfor _ in range(3):\n    it = g()\n    next(it)\n"
                         "    del it\nprint('done')\n",
        "gen-abandoned-raising": "def g():\n    try:\n        yield 1\n    finally:\n        raise ValueError\nit = g()\nnext(it)\ndel it\nprint('done')\n",
        "gen-in-gen-frames": "def inner():\n    yield 1\n    raise KeyError('k')\ndef outer():\n    try:\n        yield from inner()\n"
                             "    except KeyError:\n        yield 2\nprint(list(outer()))\n",
        "gen-expression-mutation": "l = [1, 2, 3]\ng = (x for x in l)\nl.clear()\nprint(list(g))\n",
        "mutate-list-append": "l = [1, 2, 3]\nfor x in l:\n    if len(l) < 10000:\n        l.append(x)\nprint(len(l))\n",
        "mutate-list-remove": "l = list(range(100))\nfor x in l:\n    l.remove(x)\nprint(l)\n",
        "mutate-list-clear": "l = list(range(100))\nfor x in l:\n    l.clear()\n    l.extend(range(3)) if x == 0 else None\nprint(l)\n",
        "mutate-list-del-slice": "l = list(range(100))\nfor i, x in enumerate(l):\n    del l[:50]\nprint(l)\n",
        "mutate-list-sort-key": "l = list(range(10))\ndef key(x):\n    l.append(x)\n    l.clear()\n    return x\n"
                                "try:\n    l.sort(key=key)\nexcept ValueError as e:\n    print(e)\nprint(l)\n",
        "mutate-list-sort-cmp": "l = list(range(30))\nclass A:\n    def __init__(self, v):\n        self.v = v\n"
                                "    def __lt__(self, o):\n        l.clear()\n        return self.v < o.v\nl = [A(i) for i in range(30)]\n"
                                "try:\n    l.sort()\nexcept ValueError as e:\n    print(e)\nprint(len(l))\n",
        "mutate-list-in-eq": "class A:\n    def __eq__(self, o):\n        l.clear()\n        return False\nl = [A(), A(), A()]\n"
                             "print(0 in l, l.count(0), l)\nl = [A(), A()]\ntry:\n    l.index(0)\nexcept ValueError:\n    print('ok')\n"
                             "l = [A(), A()]\ntry:\n    l.remove(0)\nexcept ValueError:\n    print('ok')\n",
        "mutate-list-compare": "class A:\n    def __eq__(self, o):\n        del a[:]\n        del b[:]\n        return True\n"
                               "a = [A(), A(), A()]\nb = [A(), A(), A()]\nprint(a == b, a < b)\n",
        "mutate-list-repr": "class A:\n    def __repr__(self):\n        l.clear()\n        return 'A'\nl = [A(), A(), A()]\nprint(l)\n",
        "mutate-list-extend-self": "l = [1, 2]\nl.extend(l)\nl += l\nl[1:1] = l\nl[::2] = l[::2]\nprint(l)\n",
        "mutate-list-hash-key": "class K:\n    def __hash__(self):\n        d.clear()\n        return 1\n    def __eq__(self, o):\n        d.clear()\n"
                                "        return False\nd = {1: 1}\nd[K()] = 2\nd[K()] = 3\nprint(len(d))\n",
        "mutate-dict-iter": "d = {1: 1}\ntry:\n    for k in d:\n        d[k + 1] = 1\nexcept RuntimeError as e:\n    print(e)\n",
        "mutate-dict-iter-del": "d = dict.fromkeys(range(10))\ntry:\n    for k in d:\n        del d[k]\nexcept RuntimeError as e:\n    print(e)\n",
        "mutate-dict-values": "d = dict.fromkeys(range(10))\ntry:\n    for v in d.values():\n        d.clear()\nexcept RuntimeError as e:\n    print(e)\n"
                              "d = dict.fromkeys(range(10))\ntry:\n    for k, v in d.items():\n        d.pop(k)\n"
                              "except RuntimeError as e:\n    print(e)\n",
        "mutate-dict-same-size": "d = {1: 1, 2: 2}\ntry:\n    for k in d:\n        del d[k]\n        d[k + 10] = 1\n"
                                 "except RuntimeError as e:\n    print(e)\nprint(len(d))\n",
        # The mutation is bounded: whether an unbounded one ever ends depends on
        # whether the refilled table lands at the same address (in CPython too).
        "mutate-dict-eq": "class K:\n    def __init__(self, h):\n        self.h = h\n    def __hash__(self):\n        return self.h\n"
                          "    def __eq__(self, o):\n        if n[0] < 20:\n            n[0] += 1\n            d.clear()\n"
                          "            for i in range(100):\n                d[i] = i\n        return False\n"
                          "n = [0]\nd = {}\nfor i in range(8):\n    d[K(1)] = i\nprint(len(d))\n",
        "mutate-dict-repr": "class A:\n    def __repr__(self):\n        d.clear()\n        return 'A'\nd = {1: A(), 2: A(), 3: A()}\nprint(d)\n",
        "mutate-set-iter": "s = {1, 2, 3}\ntry:\n    for x in s:\n        s.add(x + 10)\nexcept RuntimeError as e:\n    print(e)\n"
                           "s = set(range(10))\ntry:\n    for x in s:\n        s.discard(x)\nexcept RuntimeError as e:\n    print(e)\n",
        "mutate-set-eq": "class K:\n    def __hash__(self):\n        return 1\n    def __eq__(self, o):\n        s.clear()\n        return False\n"
                         "s = set()\nfor i in range(8):\n    s.add(K())\nprint(len(s))\n",
        "mutate-bytearray-iter": "b = bytearray(b'abc')\nfor x in b:\n    if len(b) < 1000:\n        b.extend(b'xy')\nprint(len(b))\n"
                                 "b = bytearray(b'abcdef')\nfor x in b:\n    b.clear()\nprint(b)\n",
        "mutate-in-sorted-key": "l = [3, 1, 2]\nprint(sorted(l, key=lambda x: (l.append(x), l.clear(), x)[2]))\n",
        "mutate-max-key": "l = [3, 1, 2]\nprint(max(l, key=lambda x: (l.clear(), x)[1]), min([3, 1], key=lambda x: -x))\n",
        "mutate-str-join": "class A:\n    def __iter__(self):\n        return iter(l)\nl = ['a', 'b']\nprint(','.join(l), ','.join(A()))\n"
                           "class S(str):\n    pass\nprint('-'.join([S('x'), S('y')]))\ntry:\n    ''.join([1])\nexcept TypeError as e:\n    print(e)\n",
        "exc-context-cycle": "try:\n    try:\n        raise ValueError\n    except ValueError as e:\n        e2 = e\n        raise e\nexcept ValueError as e:\n"
                             "    print(e is e2, e.__context__)\ne = ValueError()\ne.__context__ = e\ntry:\n    raise KeyError from e\nexcept KeyError:\n    print('ok')\n",
        "exc-cause-cycle-uncaught": "a = ValueError('a')\nb = KeyError('b')\na.__cause__ = b\nb.__cause__ = a\nraise a\n",
        "exc-context-cycle-uncaught": "a = ValueError('a')\nb = KeyError('b')\na.__context__ = b\nb.__context__ = a\nraise a\n",
        "exc-raise-weird": "for x in (1, None, 'x', object, type, ValueError(1), [ValueError]):\n    try:\n        raise x\n"
                           "    except BaseException as e:\n        print(type(e).__name__)\n",
        "exc-args-weird": "e = ValueError(*range(1000))\nprint(len(str(e)))\ne.args = ()\nprint(repr(e))\n"
                          "try:\n    e.args = 5\nexcept TypeError:\n    pass\nprint(str(e))\n",
        "exc-deep-traceback": "import sys\nsys.setrecursionlimit(100000)\ndef f(n):\n    if n == 0:\n        raise ValueError('deep')\n"
                              "    f(n - 1)\nf(50000)\n",
        "exc-in-del-iter": "class It:\n    def __iter__(self):\n        return self\n    def __next__(self):\n        raise KeyError('k')\n"
                           "try:\n    for x in It():\n        pass\nexcept KeyError:\n    print('ok')\n"
                           "try:\n    a, b = It()\nexcept KeyError:\n    print('ok')\n"
                           "try:\n    [*It()]\nexcept KeyError:\n    print('ok')\n",
        "exc-bad-iter": "class I:\n    def __iter__(self):\n        return 5\ntry:\n    for x in I():\n        pass\nexcept TypeError as e:\n    print(e)\n"
                        "class J:\n    def __next__(self):\n        return 1\n    def __iter__(self):\n        return None\n"
                        "for f in (list, tuple, set, sorted, sum, min, enumerate, zip, dict.fromkeys, ''.join):\n    try:\n        f(J())\n"
                        "    except (TypeError, ValueError) as e:\n        print(type(e).__name__)\n",
        "exc-bad-returns": "class A:\n    def __len__(self):\n        return -1\n    def __hash__(self):\n        return 'x'\n"
                           "    def __repr__(self):\n        return 5\n    def __str__(self):\n        return None\n"
                           "    def __bool__(self):\n        return 2\n    def __index__(self):\n        return 1.5\n"
                           "    def __iter__(self):\n        return iter([1])\na = A()\nfor f in (len, hash, repr, str, bool, print, lambda x: [0][x], lambda x: 'ab'[x:x],\n"
                           "          lambda x: range(x), lambda x: x in {}, lambda x: {x: 1}, lambda x: f'{x}'):\n"
                           "    try:\n        f(a)\n    except (TypeError, ValueError) as e:\n        print(type(e).__name__)\n",
        "exc-bad-len-huge": "class A:\n    def __len__(self):\n        return 2**100\nfor f in (len, bool, list):\n    try:\n        f(A())\n"
                            "    except (OverflowError, TypeError) as e:\n        print(type(e).__name__)\n",
        "class-weird": "class A(object, object):\n    pass\n",
        "class-weird-bases": "for b in (1, None, 'x', type, int, bool, (lambda: 0)):\n    try:\n        class A(b):\n            pass\n"
                             "    except TypeError as e:\n        print(type(e).__name__)\n",
        "class-mro-conflict": "class A: pass\nclass B(A): pass\ntry:\n    class C(A, B):\n        pass\nexcept TypeError as e:\n    print('mro')\n",
        "class-set-class": "class A: pass\nclass B: pass\na = A()\ntry:\n    a.__class__ = B\nexcept TypeError:\n    pass\nprint(type(a).__name__)\n",
        "class-del-special": "class A:\n    def __repr__(self):\n        return 'A'\na = A()\ndel A.__repr__\nprint(repr(a)[:3])\n"
                             "A.__eq__ = lambda s, o: 1 / 0\ntry:\n    a == a\nexcept ZeroDivisionError:\n    print('zde')\n",
        "class-subclass-builtins": "class L(list):\n    def __iter__(self):\n        return iter([9])\n    def __len__(self):\n        return 100\n"
                                   "l = L([1, 2])\nprint(list(l), sorted(l), l, len(l), [*l])\n"
                                   "class D(dict):\n    def __getitem__(self, k):\n        return 5\n    def keys(self):\n        return [1]\n"
                                   "d = D(a=1)\nprint(d['x'], dict(d), {**d})\nclass I(int):\n    def __add__(self, o):\n        return 'add'\n"
                                   "print(I(1) + 1, 1 + I(1), I(5) * 2, hash(I(3)))\nclass S(str):\n    def __eq__(self, o):\n        return True\n"
                                   "    __hash__ = str.__hash__\nprint(S('a') == 'b', {S('a'): 1}.get('a'))\n",
        "int-str-huge": "x = 10 ** 100000\ntry:\n    print(len(str(x)))\nexcept ValueError as e:\n    print('limit')\n"
                        "try:\n    print(int('1' * 100000) % 7)\nexcept ValueError as e:\n    print('limit')\n",
        "float-int-huge": "try:\n    print(float(10 ** 400))\nexcept OverflowError as e:\n    print(e)\n"
                          "try:\n    print(10 ** 400 / 3)\nexcept OverflowError as e:\n    print(e)\n"
                          "print(int(1e308) % 1000, 10 ** 400 // 3 % 1000, (10 ** 400) ** 0.0)\n",
        "many-exceptions": "for i in range(20000):\n    try:\n        raise ValueError(i)\n    except ValueError:\n        pass\nprint('ok')\n",
        "many-closures": "fs = []\nfor i in range(100000):\n    fs.append(lambda i=i: i)\nprint(sum(f() for f in fs))\n",
        "star-huge": "print(len([*range(1000000)]), len((*range(100000),)))\ndef f(*a, **k):\n    return len(a) + len(k)\n"
                     "print(f(*range(100000), **{str(i): i for i in range(10000)}))\n",
        "kwargs-weird": "def f(**k):\n    return k\nfor d in ({1: 2}, {'a': 1, **{'a': 2}}, {'': 1}):\n    try:\n        print(f(**d))\n"
                        "    except TypeError as e:\n        print('TypeError')\ntry:\n    f(**None)\nexcept TypeError:\n    print('TypeError')\n"
                        "try:\n    f(*1)\nexcept TypeError:\n    print('TypeError')\n",
        "with-weird": "class A:\n    def __enter__(self):\n        raise ValueError\n    def __exit__(self, *a):\n        return True\n"
                      "try:\n    with A():\n        pass\nexcept ValueError:\n    print('ok')\nclass B:\n    def __enter__(self):\n        return self\n"
                      "    def __exit__(self, *a):\n        raise KeyError\ntry:\n    with B():\n        raise ValueError\nexcept KeyError as e:\n"
                      "    print(type(e.__context__).__name__)\nfor x in range(3):\n    with B() if False else A() if False else open_ctx() if False else __import__('sys').stdout:\n        break\n",
        "finally-control": "def f():\n    for i in range(3):\n        try:\n            try:\n                return i\n            finally:\n                continue\n"
                           "        finally:\n            break\n    return 'end'\nprint(f())\ndef g():\n    try:\n        raise ValueError\n    finally:\n        return 1\nprint(g())\n",
        "globals-weird": "g = globals()\ng['x'] = 1\ndel g['__builtins__']\nprint(x)\ntry:\n    print(len)\nexcept NameError:\n    print('ne')\n",
        "builtins-shadow": "print = 1\ntry:\n    print(1)\nexcept TypeError:\n    pass\ndel print\nprint('back')\nimport sys\nsys.modules.clear()\nimport math\nprint(math.pi > 3)\n",
        "sys-stdout-weird": "import sys\nclass W:\n    def write(self, s):\n        raise ValueError\nsys.stdout = W()\ntry:\n    print('x')\nexcept ValueError:\n    pass\n"
                            "sys.stdout = None\nprint('y')\nsys.stdout = sys.__stdout__\nprint('z')\n",
        "sys-exit-weird": "import sys\nsys.exit(2**100)\n",
        "sys-exit-weird2": "import sys\nsys.exit(-1)\n",
        "sys-exit-obj": "import sys\nclass A:\n    def __str__(self):\n        raise ValueError\nsys.exit(A())\n",
        "print-weird": "print(1, 2, sep=None, end=None)\nfor kw in ({'sep': 1}, {'end': 2}, {'file': 3}, {'flush': 'x'}, {'bogus': 1}):\n"
                       "    try:\n        print('x', **kw)\n    except TypeError as e:\n        print('TypeError')\n",
        "recursion-limit-weird": "import sys\nfor n in (-1, 0, 1, 2**31, 2**63, 'x', 1.5):\n    try:\n        sys.setrecursionlimit(n)\n"
                                 "    except (ValueError, OverflowError, TypeError, RecursionError) as e:\n        print(type(e).__name__)\n"
                                 "sys.setrecursionlimit(1000)\nprint(sys.getrecursionlimit())\n",
        "recursion-limit-low": "import sys\ndef f(n):\n    if n:\n        return f(n - 1)\n    sys.setrecursionlimit(5)\ntry:\n    f(20)\n"
                               "except RecursionError as e:\n    print('RecursionError')\nsys.setrecursionlimit(1000)\nprint(f(0))\n",
    }
    return [Case("stress-" + k, v.encode()) for k, v in progs.items()]


TOKEN_RE = re.compile(rb"\s+|\w+|'[^'\n]*'|\"[^\"\n]*\"|.", re.S)
JUNK = [b"(", b")", b"[", b"]", b"{", b"}", b":", b",", b"\\", b"'", b'"', b'"""', b"\x00", b"\xff",
        b"\xc3", b"\n", b"\t", b"    ", b"lambda", b"yield", b"return", b"*", b"**", b"-", b"~",
        b"not", b"await", b"global x", b"del", b"import", b"from", b"f'{", b"@", b"=", b":=",
        b"9" * 40, b"0x", b"1e999", b"#", b"if", b"else", b"try", b"finally", b"class", b"def"]


def mutate(src: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(9)
        lines = src.split(b"\n")
        if kind <= 2 and len(lines) > 1:  # line operations
            i = rng.randrange(len(lines))
            j = rng.randrange(len(lines))
            if kind == 0:
                del lines[i]
            elif kind == 1:
                lines.insert(i, lines[j])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            src = b"\n".join(lines)
            continue
        tokens = TOKEN_RE.findall(src)
        if not tokens:
            src += rng.choice(JUNK)
            continue
        i = rng.randrange(len(tokens))
        j = rng.randrange(len(tokens))
        if kind == 3:
            del tokens[i]
        elif kind == 4:
            tokens.insert(i, tokens[j])
        elif kind == 5:
            tokens[i], tokens[j] = tokens[j], tokens[i]
        elif kind == 6:
            tokens.insert(i, rng.choice(JUNK))
        elif kind == 7:
            tokens.insert(i, bytes(rng.randrange(256) for _ in range(rng.randint(1, 4))))
        else:
            tokens[i] = tokens[i] * rng.randint(2, 50)
        src = b"".join(tokens)
    return src


def mutants(test_dir: Path, count: int, rng: random.Random) -> list[Case]:
    seeds = []
    for p in sorted(test_dir.rglob("*.py")):
        data = p.read_bytes()
        if MUTATION_SKIP.search(data.decode("utf-8", "replace")):
            continue
        seeds.append((p.relative_to(test_dir).as_posix(), data))
    if not seeds:
        return []
    out = []
    for n in range(count):
        name, data = rng.choice(seeds)
        out.append(Case(f"mutant-{n}-{name}", mutate(data, rng), mutant=True))
    return out


# ------------------------------------------------------------------ running

@dataclass
class Result:
    case: Case
    problem: str | None  # None: fine
    detail: str = ""


def run_one(cmd: list[str], source: bytes, workdir: str, timeout: float, env: dict) -> tuple[int | None, bytes]:
    path = os.path.join(workdir, "fuzz_case.py")
    with open(path, "wb") as f:
        f.write(source)
    try:
        p = subprocess.run(cmd + [path], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, cwd=workdir, timeout=timeout, env=env)
        return p.returncode, p.stderr
    except subprocess.TimeoutExpired as e:
        return None, e.stderr or b""


def check(case: Case, gilvm: str, python3: str | None, timeout: float, env: dict) -> Result:
    with tempfile.TemporaryDirectory(prefix="gilvm-fuzz-") as workdir:
        status, err = run_one([gilvm], case.source, workdir, timeout, env)
        if status is None:
            if case.mutant:
                # A mutation may have made the program loop forever; only a
                # hang python3 does not share is gilvm's.
                if python3 is None:
                    return Result(case, None)
                py_status, _ = run_one([python3], case.source, workdir, timeout, env)
                if py_status is None:
                    return Result(case, None)
            return Result(case, "hang", f"no exit within {timeout} s")
    tail = err[-2000:].decode("utf-8", "replace")
    # >= 128 is also what a shell reports for a signal; sys.exit(-1) gives 255 legitimately.
    if status < 0 or (status >= 128 and b"exit" not in case.source):
        return Result(case, "signal", f"exit status {status}\n{tail}")
    for marker in CRASH_MARKERS:
        if marker in err:
            return Result(case, "crash", f"'{marker.decode()}' in stderr (exit status {status})\n{tail}")
    return Result(case, None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gilvm", required=True, help="the gilvm executable")
    ap.add_argument("--tests", default=str(ROOT / "tests" / "py"), help="scripts to mutate")
    ap.add_argument("--seed", type=int, default=20100101)
    ap.add_argument("--mutants", type=int, default=600, help="number of mutated scripts")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds allowed per program")
    ap.add_argument("--budget", type=float, default=50.0,
                    help="stop starting new programs after this many seconds (a safety net, not a failure)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--only", help="run only cases whose name contains this text")
    ap.add_argument("--save", help="folder to write every failing program to")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    cases = hostile_sources() + stress_programs() + mutants(Path(args.tests), args.mutants, rng)
    if args.only:
        cases = [c for c in cases if args.only in c.name]
    python3 = shutil.which("python3") if not os.environ.get("GILVM_NO_PYTHON3") else None

    env = dict(os.environ)
    # Allocation failures must surface as MemoryError, not as a sanitizer report.
    asan = env.get("ASAN_OPTIONS", "")
    env["ASAN_OPTIONS"] = ":".join(filter(None, [asan, "detect_leaks=0", "allocator_may_return_null=1"]))
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")

    start = time.monotonic()
    failures: list[Result] = []
    done = skipped = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        def submit(c: Case):
            if time.monotonic() - start > args.budget:
                return None
            return check(c, args.gilvm, python3, args.timeout, env)

        for result in pool.map(submit, cases):
            if result is None:
                skipped += 1
                continue
            done += 1
            if result.problem:
                failures.append(result)
                print(f"FAIL {result.case.name}: {result.problem}: {result.detail}", flush=True)
                if args.save:
                    os.makedirs(args.save, exist_ok=True)
                    Path(args.save, result.case.name.replace("/", "_") + ".py").write_bytes(result.case.source)
            elif args.verbose:
                print(f"ok   {result.case.name}", flush=True)

    elapsed = time.monotonic() - start
    print(f"fuzz: {done} programs in {elapsed:.1f} s (seed {args.seed}), {len(failures)} failed"
          + (f", {skipped} skipped: over the {args.budget:.0f} s budget" if skipped else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
