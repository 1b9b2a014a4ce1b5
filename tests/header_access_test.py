#!/usr/bin/env python3
"""Keeps src/runtime/object.h's promise: nothing else touches the header.

Reference counts and header writes go through object.h's inline functions
(incref, decref, can_reuse_in_place, init_header, make_immortal,
set_object_type, ...), so that `--gil=none` can replace them with biased
counting in one place (docs/ARCHITECTURE.md). This test fails, naming
file:line, on

  - any mention of the header fields only object.h may use (`refcnt`,
    `header_flags`, `owner_slot`) outside object.h, comments excepted;
  - any assignment to the fields everyone may read (`tag`, `type`)
    outside object.h, except the listed structs that have their own `type`.

It first checks itself on a planted tree (each rule must catch its line),
then checks src/.

    python3 tests/header_access_test.py [--src DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OBJECT_H = Path("runtime/object.h")

PRIVATE_FIELDS = re.compile(r"\b(refcnt|header_flags|owner_slot)\b")
# `x->tag = ...`, `x.type |= ...`; not `==`.
FIELD_WRITE = re.compile(r"(->|\.)\s*(tag|type)\s*([|&^+-]?=)(?!=)")

# Writes to a `type` field of a struct that is not an Object: (file, text
# of the write). A new struct with a `type` field written outside
# object.h is added here.
NOT_THE_HEADER = [
    ("modules/socket.cpp", "s->type = type"),        # Socket::type, SOCK_STREAM etc.
    ("runtime/format.cpp", "out->type = spec[pos]"),  # FormatSpec::type, the presentation letter
    ("runtime/format.cpp", "text_spec.type = 0"),
    ("runtime/format.cpp", "spec.type = conv"),
    ("vm/syntax_errors.cpp", "out->type = std::string"),  # SyntaxErrorInfo::type, a class name
    ("parser/parser.cpp", "error_.type = type"),
    ("parser/parser.cpp", "h.type = expression()"),   # ExceptHandler::type, an AST node
    ("lexer/lexer.cpp", "error_.type = std::move(type)"),
    ("compiler/compiler.cpp", "e.type = std::move(type)"),
    ("vm/eval.cpp", "cache.type = t"),               # an inline cache's Type*, not a header
    ("runtime/type.cpp", "types.type = type"),       # BuiltinTypes::type, the `type` type
]


def code_part(line: str) -> str:
    """The line without its // comment (a '//' inside a string is rare in src/
    and only makes the check stricter)."""
    return line.split("//", 1)[0]


def violations(src: Path) -> list[str]:
    found = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".h", ".cpp", ".inc") or not path.is_file():
            continue
        rel = path.relative_to(src)
        if rel == OBJECT_H:
            continue
        for n, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            code = code_part(line)
            if m := PRIVATE_FIELDS.search(code):
                found.append(f"{src / rel}:{n}: uses the header's `{m.group(1)}` outside "
                             f"object.h: {line.strip()}")
            if m := FIELD_WRITE.search(code):
                if any(str(rel) == f and text in code for f, text in NOT_THE_HEADER):
                    continue
                found.append(f"{src / rel}:{n}: writes the header's `{m.group(2)}` outside "
                             f"object.h: {line.strip()}")
    return found


def self_check() -> list[str]:
    """Each rule must catch a planted line, and leave object.h and comments alone."""
    planted = {
        "runtime/list.cpp": ["  item.as_object()->refcnt += n;", "  // refcnt in a comment"],
        "vm/eval.cpp": ["  if (o->header_flags & 1) return;", "  cache.type = t;"],
        "runtime/str.cpp": ["  s->owner_slot = 3;", "  s->tag |= kSubclassBit;",
                            "  s->type = t;", "  if (s->type == t) return;"],
        "runtime/object.h": ["  o->refcnt = 1;", "  o->type = type;"],
    }
    expected = {"runtime/list.cpp:1", "vm/eval.cpp:1", "runtime/str.cpp:1",
                "runtime/str.cpp:2", "runtime/str.cpp:3"}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for rel, lines in planted.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text("\n".join(lines) + "\n")
        got = {v.split(": ", 1)[0].removeprefix(f"{root}/") for v in violations(root)}
    problems = []
    if got != expected:
        problems.append(f"self-check: expected {sorted(expected)}, got {sorted(got)}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=REPO / "src")
    args = ap.parse_args()
    problems = self_check()
    if problems:
        print("\n".join(problems))
        return 1
    found = violations(args.src)
    for v in found:
        print(v)
    if found:
        print(f"{len(found)} direct header access(es): use object.h's functions "
              f"(or extend them there)")
        return 1
    print(f"ok: no header access outside {OBJECT_H}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
