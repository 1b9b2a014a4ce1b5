// Code objects: creation, source lines for tracebacks, and a disassembler.
#include "compiler/code.h"

#include <fmt/core.h>

#include <fstream>
#include <new>
#include <sstream>

#include "compiler/opcodes.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

void code_dealloc(Object* o) {
  auto* code = static_cast<Code*>(o);
  for (Value v : code->consts) decref(v);
  code->~Code();
}

Value code_repr(ThreadState& ts, Value self) {
  Code* c = as_code(self);
  return str_new(ts, fmt::format("<code object {} at {}, file \"{}\", line {}>", c->name->view(),
                                 static_cast<const void*>(c), c->filename->view(), c->firstlineno));
}

std::string nth_line(std::string_view text, int line) {
  size_t pos = 0;
  for (int l = 1; l < line; ++l) {
    pos = text.find('\n', pos);
    if (pos == std::string_view::npos) return "";
    ++pos;
  }
  size_t end = text.find('\n', pos);
  return std::string(text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
}

std::string strip(std::string s) {
  size_t b = s.find_first_not_of(" \t\r\f\v");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\f\v");
  return s.substr(b, e - b + 1);
}

}  // namespace

Code* code_new(ThreadState& ts) {
  void* mem = alloc_object(ts, ts.types().code, Tag::Code, sizeof(Code));
  // Construct the C++ members over the zeroed memory, keeping the header.
  Object header = *static_cast<Object*>(mem);
  Code* code = new (mem) Code();
  *static_cast<Object*>(code) = header;
  return code;
}

std::string code_source_line(const Code* code, int line) {
  if (line <= 0) return "";
  if (code->source) return strip(nth_line(*code->source, line));
  std::ifstream in(std::string(code->filename->view()));
  if (!in) return "";
  std::ostringstream ss;
  ss << in.rdbuf();
  return strip(nth_line(ss.str(), line));
}

std::string disassemble(ThreadState& ts, const Code* code) {
  std::string out = fmt::format("Disassembly of {}:\n", code->qualname->view());
  for (size_t i = 0; i < code->words.size();) {
    uint32_t w = code->words[i];
    Op op = decode_op(w);
    const OpInfo& info = kOpInfo[static_cast<int>(op)];
    out += fmt::format("{:>4} {:>6} {:<24} {}", code->line_at(i), i, info.name, decode_arg(w));
    for (int k = 1; k < info.words; ++k) out += fmt::format(" {:#x}", code->words[i + k]);
    if (op == Op::LOAD_CONST) {
      std::string r;
      if (repr_utf8(ts, code->consts[decode_arg(w)], &r)) out += " (" + r + ")";
      ts.clear_error();
    } else if (op == Op::LOAD_GLOBAL || op == Op::LOAD_NAME || op == Op::STORE_NAME || op == Op::LOAD_ATTR ||
               op == Op::LOAD_METHOD || op == Op::STORE_ATTR || op == Op::IMPORT_NAME) {
      out += fmt::format(" ({})", code->names[decode_arg(w)]->view());
    } else if (op == Op::LOAD_FAST || op == Op::STORE_FAST) {
      out += fmt::format(" ({})", code->varnames[decode_arg(w)]->view());
    }
    out += "\n";
    i += static_cast<size_t>(info.words);
  }
  for (const ExceptionHandler& h : code->handlers) {
    out += fmt::format("  handler [{}, {}) -> {} depth {}\n", h.start, h.end, h.target, h.depth);
  }
  for (Value c : code->consts) {
    if (is_code(c)) out += disassemble(ts, as_code(c));
  }
  return out;
}

void init_code_type(ThreadState& ts) {
  Type* t = new_builtin_type(ts, "code", nullptr, Tag::Code, sizeof(Code));
  ts.interp->types.code = t;
  t->slots.dealloc = code_dealloc;
  t->slots.repr = code_repr;
}

}  // namespace gilvm
