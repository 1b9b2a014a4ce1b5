// What the match statement's instructions ask of a subject (PEP 634): is it
// a sequence or a mapping a pattern may destructure, which values does it
// hold under a mapping pattern's keys, and which attributes does a class
// pattern look at. The compiler (compiler.cpp: match_stmt) arranges the
// rest: comparisons, lengths, unpacking and captures.
#pragma once

#include "runtime/object.h"

namespace gilvm {

// 1 or 0; -1 with an exception pending (a registered ABC's check failed).
int match_is_sequence(ThreadState& ts, Value subject);
int match_is_mapping(ThreadState& ts, Value subject);

// The values of `subject` under each key of the tuple `keys`, as a tuple;
// None when a key is missing; null with an exception pending (a repeated
// key is a ValueError).
Value match_keys(ThreadState& ts, Value subject, Value keys);

// `case cls(p1, ..., pN, k1=..., ...)`: the attributes the sub-patterns
// match, positional ones first (through cls.__match_args__), as a tuple;
// None when the subject is not an instance or lacks an attribute; null with
// an exception pending.
Value match_class(ThreadState& ts, Value subject, Value cls, Value kwd_names, int64_t npositional);

}  // namespace gilvm
