// The instruction set, defined once.
//
// Every instruction starts with one 32-bit word: the opcode in the low 8
// bits and an operand A in the high 24 bits. A few fused "superinstructions"
// carry extra operand words (WORDS > 1). The enum, the name table, the
// dispatch table of the eval loop and the disassembler all derive from this
// list, so they cannot drift apart.
//
// X(NAME, WORDS, STACK, "meaning")
//   STACK is the net stack effect, or V when it depends on A (see
//   stack_effect() in compiler.cpp).
#pragma once

#include <cstdint>

namespace gilvm {

#define GILVM_OPCODES(X)                                                                   \
  X(NOP, 1, 0, "do nothing")                                                               \
  X(POP_TOP, 1, -1, "drop TOS")                                                            \
  X(COPY, 1, 1, "push a new reference to stack[-A]")                                       \
  X(SWAP, 1, 0, "swap TOS and stack[-A]")                                                  \
  X(LOAD_CONST, 1, 1, "push consts[A]")                                                    \
  X(LOAD_FAST, 1, 1, "push locals[A] (UnboundLocalError if unset)")                        \
  X(STORE_FAST, 1, -1, "locals[A] = pop")                                                  \
  X(DELETE_FAST, 1, 0, "unset locals[A]")                                                  \
  X(LOAD_DEREF, 1, 1, "push the value of cell A")                                          \
  X(STORE_DEREF, 1, -1, "cell A = pop")                                                    \
  X(DELETE_DEREF, 1, 0, "empty cell A")                                                    \
  X(LOAD_CLOSURE, 1, 1, "push cell A itself (to build a closure)")                         \
  X(LOAD_GLOBAL, 2, 1, "push globals/builtins[names[A]]; word1 = its inline cache slot")  \
  X(STORE_GLOBAL, 1, -1, "globals[names[A]] = pop")                                        \
  X(DELETE_GLOBAL, 1, 0, "del globals[names[A]]")                                          \
  X(LOAD_NAME, 1, 1, "push locals/globals/builtins[names[A]] (module and class bodies)")   \
  X(STORE_NAME, 1, -1, "locals[names[A]] = pop")                                           \
  X(DELETE_NAME, 1, 0, "del locals[names[A]]")                                             \
  X(LOAD_ATTR, 2, 0, "TOS = TOS.names[A]; word1 = inline cache slot")                                                 \
  X(STORE_ATTR, 2, -2, "TOS.names[A] = TOS1; word1 = inline cache slot")                                              \
  X(DELETE_ATTR, 1, -1, "del TOS.names[A]")                                                \
  X(LOAD_METHOD, 2, 1, "TOS -> (callable, self or null) for CALL_METHOD; word1 = cache")                  \
  X(BINARY_ADD, 1, -1, "TOS = TOS1 + TOS")                                                 \
  X(BINARY_SUB, 1, -1, "TOS = TOS1 - TOS")                                                 \
  X(BINARY_MUL, 1, -1, "TOS = TOS1 * TOS")                                                 \
  X(BINARY_OP, 1, -1, "TOS = TOS1 (BinaryOp A) TOS")                                       \
  X(INPLACE_ADD, 1, -1, "TOS = TOS1 += TOS")                                               \
  X(INPLACE_SUB, 1, -1, "TOS = TOS1 -= TOS")                                               \
  X(INPLACE_OP, 1, -1, "TOS = TOS1 (BinaryOp A)= TOS")                                     \
  X(UNARY_OP, 1, 0, "TOS = (UnaryOp A) TOS")                                               \
  X(UNARY_NOT, 1, 0, "TOS = not TOS")                                                      \
  X(COMPARE_OP, 1, -1, "TOS = TOS1 (CompareOp A) TOS")                                     \
  X(IS_OP, 1, -1, "TOS = TOS1 is TOS (is not when A)")                                     \
  X(CONTAINS_OP, 1, -1, "TOS = TOS1 in TOS (not in when A)")                               \
  X(BINARY_SUBSCR, 1, -1, "TOS = TOS1[TOS]")                                               \
  X(STORE_SUBSCR, 1, -3, "TOS1[TOS] = TOS2")                                               \
  X(DELETE_SUBSCR, 1, -2, "del TOS1[TOS]")                                                 \
  X(BUILD_SLICE, 1, V, "pop A (2 or 3) bounds, push a slice")                              \
  X(BUILD_TUPLE, 1, V, "pop A items, push a tuple")                                        \
  X(BUILD_LIST, 1, V, "pop A items, push a list")                                          \
  X(BUILD_SET, 1, V, "pop A items, push a set")                                            \
  X(BUILD_MAP, 1, V, "pop A key/value pairs, push a dict")                                 \
  X(BUILD_STRING, 1, V, "pop A strs, push their concatenation")                            \
  X(LIST_APPEND, 1, -1, "v = pop; stack[-A].append(v) (displays, comprehensions)")                        \
  X(SET_ADD, 1, -1, "v = pop; stack[-A].add(v)")                                                \
  X(MAP_ADD, 1, -2, "v, k = pop, pop; stack[-A][k] = v")                                   \
  X(LIST_EXTEND, 1, -1, "v = pop; stack[-A].extend(v)")                                         \
  X(SET_UPDATE, 1, -1, "v = pop; stack[-A].update(v)")                                          \
  X(DICT_UPDATE, 1, -1, "v = pop; stack[-A].update(v) ({**d})")                                 \
  X(DICT_MERGE, 1, -1, "like DICT_UPDATE, but duplicate keys are an error (f(**d))")       \
  X(LIST_TO_TUPLE, 1, 0, "TOS = tuple(TOS)")                                               \
  X(FORMAT_VALUE, 1, V, "f-string field: A&3 conversion (0 none,1 s,2 r,3 a), A&4 spec")  \
  X(UNPACK_SEQUENCE, 1, V, "pop an iterable, push its A items (last first)")               \
  X(UNPACK_EX, 1, V, "starred unpack: A&0xff before, A>>8 after the star")                 \
  X(JUMP_FORWARD, 1, 0, "ip = A")                                                          \
  X(JUMP_BACKWARD, 1, 0, "ip = A; poll the eval breaker")                                  \
  X(POP_JUMP_IF_FALSE, 1, -1, "if not pop: ip = A")                                        \
  X(POP_JUMP_IF_TRUE, 1, -1, "if pop: ip = A")                                             \
  X(JUMP_IF_FALSE_OR_POP, 1, V, "if not TOS: ip = A else pop (and)")                       \
  X(JUMP_IF_TRUE_OR_POP, 1, V, "if TOS: ip = A else pop (or)")                             \
  X(GET_ITER, 1, 0, "TOS = iter(TOS)")                                                     \
  X(FOR_ITER, 1, 1, "push next(TOS), or pop TOS and ip = A when exhausted")                \
  X(CALL, 1, V, "call stack[-A-1] with A positional arguments")                            \
  X(CALL_METHOD, 1, V, "call after LOAD_METHOD with A arguments")                          \
  X(CALL_KW, 1, V, "call with A arguments, TOS a tuple of the keyword names")              \
  X(CALL_EX, 1, V, "call TOS1 or TOS2 with *TOS1 args and **TOS kwargs (A&1)")             \
  X(RETURN_VALUE, 1, -1, "return pop to the caller")                                       \
  X(MAKE_FUNCTION, 1, V, "code on TOS; A&1 defaults, A&2 kwdefaults, A&8 closure below")   \
  X(LOAD_BUILD_CLASS, 1, 1, "push builtins.__build_class__")                               \
  X(IMPORT_NAME, 1, -1, "TOS1 level, TOS fromlist: push __import__(names[A])")             \
  X(IMPORT_FROM, 1, 1, "push TOS.names[A] (ImportError if missing)")                       \
  X(IMPORT_STAR, 1, -1, "copy the public names of pop into locals")                        \
  X(RAISE_VARARGS, 1, V, "raise (A=0 re-raise, 1 exc, 2 exc from cause)")                  \
  X(PUSH_EXC_INFO, 1, 0, "entering an except block: TOS becomes the handled exception")   \
  X(POP_EXCEPT, 1, 0, "leaving an except block")                                           \
  X(CHECK_EXC_MATCH, 1, 0, "TOS = isinstance(TOS1, TOS) for except clauses")               \
  X(RERAISE, 1, -1, "raise pop again, keeping its traceback")                              \
  X(LOAD_ASSERTION_ERROR, 1, 1, "push AssertionError")                                     \
  X(BEFORE_WITH, 1, 1, "TOS=ctx -> push ctx.__exit__, ctx.__enter__()")                    \
  X(WITH_EXCEPT_START, 1, 1, "call stack[-2] (__exit__) with the exception TOS")           \
  X(YIELD_VALUE, 1, 0, "suspend the generator yielding TOS; resume pushing the sent value") \
  X(YIELD_FROM, 1, -1, "delegate to the iterator TOS1, sending TOS")                        \
  X(GEN_START, 1, 0, "first instruction of a generator: the sent value must be None")     \
  X(SETUP_ANNOTATIONS, 1, 0, "create __annotations__ in locals")                           \
  /* coroutines (compiler.cpp: emit_await, async_for_stmt; vm/coroutine.cpp) */            \
  X(GET_AWAITABLE, 1, 0, "TOS = the iterator `await TOS` drives (A: 1 after __aenter__, 2 after __aexit__)") \
  X(GET_AITER, 1, 0, "TOS = type(TOS).__aiter__(TOS)")                                      \
  X(GET_ANEXT, 1, 1, "push the awaitable of TOS.__anext__()")                              \
  X(END_ASYNC_FOR, 1, -2, "TOS exception, TOS1 async iterator: pop both if StopAsyncIteration, else re-raise") \
  X(BEFORE_ASYNC_WITH, 1, 1, "TOS=ctx -> push ctx.__aexit__, ctx.__aenter__() (an awaitable)") \
  X(ASYNC_GEN_WRAP, 1, 0, "TOS = TOS marked as an async generator's own yield")            \
  /* match statements (compiler.cpp: match_stmt) */                                       \
  X(MATCH_SEQUENCE, 1, 1, "push whether TOS is a sequence a pattern may match")           \
  X(MATCH_MAPPING, 1, 1, "push whether TOS is a mapping a pattern may match")             \
  X(GET_LEN, 1, 1, "push len(TOS)")                                                       \
  X(MATCH_KEYS, 1, 1, "TOS1 mapping, TOS keys tuple: push the values tuple, or None")     \
  X(MATCH_CLASS, 1, -2, "TOS2 subject, TOS1 class, TOS attr names: push attrs or None; A positional") \
  /* fused instructions for hot loops (see compiler.cpp: emit_fused_*) */                 \
  X(COMPARE_JUMP, 2, -2, "if not (TOS1 (CompareOp A) TOS): ip = word1 (pops both)")        \
  X(FAST_CONST_COMPARE_JUMP, 3, 0,                                                         \
    "if not (locals[A] (CompareOp word1>>24) consts[word1&0xffffff]): ip = word2")         \
  X(FAST_FAST_COMPARE_JUMP, 3, 0, "if not (locals[A] (CompareOp word1>>24) locals[word1]): ip = word2") \
  X(FAST_INPLACE_CONST, 2, 0, "locals[A] (BinaryOp word1>>24)= consts[word1&0xffffff]")  \
  X(FAST_BINARY_CONST, 2, 1, "push locals[A] (BinaryOp word1>>24) consts[word1&0xffffff]") \
  X(LOAD_FAST_LOAD_FAST, 1, 2, "push locals[A&0xfff], then locals[A>>12]")            \
  X(FAST_SUBSCR_CONST, 2, 1, "push locals[A][consts[word1]]")                            \
  X(SUBSCR_KEEP, 1, 1, "push TOS1[TOS], keeping both (augmented item assignment)")       \
  X(STORE_SUBSCR_TOP, 1, -3, "TOS2[TOS1] = TOS (augmented item assignment)")          \
  X(STORE_FAST_SUBSCR_CONST, 2, -1, "locals[A][consts[word1]] = TOS")

enum class Op : uint8_t {
#define GILVM_OP_ENUM(name, words, stack, doc) name,
  GILVM_OPCODES(GILVM_OP_ENUM)
#undef GILVM_OP_ENUM
      Count
};

inline constexpr int kStackVaries = 1000;

struct OpInfo {
  const char* name;
  int words;
  int stack;  // kStackVaries when it depends on A
  const char* doc;
};

inline constexpr OpInfo kOpInfo[] = {
#define V kStackVaries
#define GILVM_OP_INFO(name, words, stack, doc) {#name, words, stack, doc},
    GILVM_OPCODES(GILVM_OP_INFO)
#undef GILVM_OP_INFO
#undef V
};

inline constexpr uint32_t kMaxOperand = (1u << 24) - 1;  // A is 24 bits wide

inline constexpr uint32_t encode(Op op, uint32_t a = 0) {
  return static_cast<uint32_t>(op) | (a << 8);
}
inline constexpr Op decode_op(uint32_t word) { return static_cast<Op>(word & 0xff); }
inline constexpr uint32_t decode_arg(uint32_t word) { return word >> 8; }

}  // namespace gilvm
