// Generic operations on any value: what the eval loop and built-in functions
// call when no fast path applies. Each dispatches on the operand types'
// slots, with Python's rules for reflected operands and fallbacks.
//
// Conventions: Value results are new references (null = exception pending);
// int results are 1/0 for true/false and -1 for an exception.
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gilvm {

Type* type_of(ThreadState& ts, Value v);
std::string_view type_name(ThreadState& ts, Value v);  // e.g. "int"

Value repr(ThreadState& ts, Value v);    // a Str
Value to_str(ThreadState& ts, Value v);  // str(v), a Str
// Convenience for C++ callers; returns false with an exception pending.
bool repr_utf8(ThreadState& ts, Value v, std::string* out);
bool str_utf8(ThreadState& ts, Value v, std::string* out);

int64_t hash(ThreadState& ts, Value v);  // -1 on error (TypeError: unhashable type: 'list')
int truthy(ThreadState& ts, Value v);
int equal(ThreadState& ts, Value a, Value b);  // a == b as a C++ truth value
Value compare(ThreadState& ts, Value a, Value b, CompareOp op);  // rich comparison
int compare_bool(ThreadState& ts, Value a, Value b, CompareOp op);

Value binary_op(ThreadState& ts, BinaryOp op, Value a, Value b);
Value inplace_op(ThreadState& ts, BinaryOp op, Value a, Value b);
Value unary_op(ThreadState& ts, UnaryOp op, Value v);
const char* binary_op_symbol(BinaryOp op);  // "+", "//", ...

int64_t length(ThreadState& ts, Value v);  // len(); -1 on error
Value get_item(ThreadState& ts, Value container, Value key);
int set_item(ThreadState& ts, Value container, Value key, Value value);
int del_item(ThreadState& ts, Value container, Value key);
int contains(ThreadState& ts, Value container, Value item);  // `item in container`

Value get_iter(ThreadState& ts, Value v);
// The next item; null with no exception pending when exhausted.
Value iter_next(ThreadState& ts, Value iterator);

Value get_attr(ThreadState& ts, Value obj, Str* name);
Value get_attr(ThreadState& ts, Value obj, std::string_view name);
// Like get_attr but returns null *without* an exception when missing.
Value get_attr_optional(ThreadState& ts, Value obj, Str* name);
int set_attr(ThreadState& ts, Value obj, Str* name, Value value);
int del_attr(ThreadState& ts, Value obj, Str* name);
// Looks `name` up along the MRO of `type`: borrowed, null if missing.
Value type_lookup(Type* type, Str* name);
bool is_subtype(Type* a, Type* b);
bool is_instance(ThreadState& ts, Value v, Type* t);

// Calls any callable (vectorcall convention, see NativeFn).
Value call(ThreadState& ts, Value callable, const Value* args, size_t nargs, Tuple* kwnames = nullptr);
Value call_method(ThreadState& ts, Value obj, std::string_view name, const Value* args, size_t nargs);
bool is_callable(ThreadState& ts, Value v);

// Converts an int-like value to an index (for subscripts, range, ...).
// Raises TypeError mentioning `what` otherwise.
bool to_index(ThreadState& ts, Value v, int64_t* out);

}  // namespace gilvm
