// SyntaxError objects and their CPython-style rendering.
#include "vm/syntax_errors.h"

#include <fmt/core.h>

#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/thread_state.h"

namespace gilvm {

namespace {

Type* syntax_error_type(ThreadState& ts, const std::string& name) {
  if (name == "IndentationError") return ts.exc_types().IndentationError;
  if (name == "TabError") return ts.exc_types().TabError;
  return ts.exc_types().SyntaxError;
}

}  // namespace

void raise_syntax_error(ThreadState& ts, const SyntaxErrorInfo& info) {
  Ref msg = Ref::steal(str_new(ts, info.message));
  Ref filename = Ref::steal(str_new(ts, info.filename));
  Ref text = Ref::steal(str_new(ts, info.text));
  Ref details = Ref::steal(tuple_pack(ts, {filename.get(), Value::from_small(info.line),
                                          Value::from_small(info.col), text.get()}));
  Value args[2] = {msg.get(), details.get()};
  Ref exc = Ref::steal(exception_new(ts, syntax_error_type(ts, info.type), args, 2));
  if (!exc) return;
  set_attr(ts, exc.get(), str_intern(ts, "msg"), msg.get());
  set_attr(ts, exc.get(), str_intern(ts, "filename"), filename.get());
  set_attr(ts, exc.get(), str_intern(ts, "lineno"), Value::from_small(info.line));
  set_attr(ts, exc.get(), str_intern(ts, "offset"), Value::from_small(info.col));
  set_attr(ts, exc.get(), str_intern(ts, "end_offset"), Value::from_small(info.end_col));
  set_attr(ts, exc.get(), str_intern(ts, "text"), text.get());
  ts.clear_error();
  ts.set_error(exc.release());
}

std::string format_syntax_error(const SyntaxErrorInfo& info) {
  std::string out = fmt::format("  File \"{}\", line {}\n", info.filename, info.line);
  if (!info.text.empty()) {
    // CPython shows the line without its indentation and moves the caret
    // accordingly. Columns are in code points; count them in the text.
    std::string text = info.text;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    size_t strip = 0;
    while (strip < text.size() && (text[strip] == ' ' || text[strip] == '\t' || text[strip] == '\f')) ++strip;
    std::string shown = text.substr(strip);
    out += "    " + shown + "\n";
    if (info.col > 0) {
      int caret_col = info.col - 1 - static_cast<int>(strip);
      // Count code points in `shown` to clamp the caret.
      int length = 0;
      for (unsigned char c : shown) length += (c & 0xC0) != 0x80;
      if (caret_col < 0) caret_col = 0;
      if (caret_col > length) caret_col = length;
      int width = info.end_col > info.col ? info.end_col - info.col : 1;
      if (caret_col + width > length + 1) width = std::max(1, length + 1 - caret_col);
      out += "    " + std::string(static_cast<size_t>(caret_col), ' ') + std::string(static_cast<size_t>(width), '^') + "\n";
    }
  }
  out += info.type + ": " + info.message + "\n";
  return out;
}

bool syntax_error_info(ThreadState& ts, Value exc, SyntaxErrorInfo* out) {
  if (!is_exception(exc) || exception_matches(ts, exc, Value::from_object(ts.exc_types().SyntaxError)) != 1) {
    return false;
  }
  auto get_str = [&](const char* name, std::string* dst) {
    Value v = get_attr_optional(ts, exc, str_intern(ts, name));
    if (v && is_str_like(v)) *dst = std::string(as_str(v)->view());
    decref(v);
  };
  auto get_int = [&](const char* name, int* dst) {
    Value v = get_attr_optional(ts, exc, str_intern(ts, name));
    if (v && v.is_small()) *dst = static_cast<int>(v.as_small());
    decref(v);
  };
  out->type = std::string(exc.as_object()->type->name->view());
  out->message.clear();
  get_str("msg", &out->message);
  if (out->message.empty()) out->message = exception_message(ts, exc);
  get_str("filename", &out->filename);
  get_str("text", &out->text);
  get_int("lineno", &out->line);
  get_int("offset", &out->col);
  get_int("end_offset", &out->end_col);
  ts.clear_error();
  return true;
}

}  // namespace gilvm
