// Scope analysis: decides, before any code is generated, where each name
// lives — a fast local slot, a cell shared with inner functions, a free
// variable captured from an outer function, a global, or (in module and
// class bodies) a dict entry. This is what lets the eval loop access locals
// by index instead of by name.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/syntax_error.h"
#include "parser/ast.h"

namespace gilvm {

enum class ScopeKind { Module, Function, Class, Comprehension };

enum class NameScope { Local, Cell, Free, GlobalExplicit, GlobalImplicit, Name };

struct Scope {
  ScopeKind kind;
  std::string name;
  const void* node = nullptr;  // the AST node that opened the scope
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;

  // Raw facts collected from the AST.
  std::map<std::string, unsigned> flags;
  std::vector<std::string> params;  // in order
  bool is_generator = false;
  // An `async def`, or a comprehension that awaits or has `async for`
  // (its call is awaited; a generator expression becomes an async generator).
  bool is_coroutine = false;
  bool needs_class_cell = false;  // uses super() or __class__
  std::map<std::string, ast::Loc> nonlocal_locs;  // where each `nonlocal x` is, for errors

  // Resolved: how each name is accessed in this scope.
  std::unordered_map<std::string, NameScope> resolved;
  std::vector<std::string> cellvars;  // sorted, CPython-like
  std::vector<std::string> freevars;  // in order of first discovery

  NameScope lookup(const std::string& name) const;
};

enum SymbolFlags : unsigned {
  kDefLocal = 1,      // assigned, imported, def/class name, for/with target
  kDefParam = 2,
  kDefGlobal = 4,     // `global x`
  kDefNonlocal = 8,   // `nonlocal x`
  kUse = 16,
  kDefWalrus = 32,    // bound by an assignment expression (`x := ...`)
};

class SymbolTable {
 public:
  // Analyses a whole module; returns an error for misuse of global/nonlocal.
  std::optional<SyntaxErrorInfo> build(const ast::Module& module, const std::string& filename,
                                       std::string_view source);
  Scope* scope_for(const void* node) const;
  Scope* module_scope() const { return root_.get(); }

 private:
  std::unique_ptr<Scope> root_;
  std::unordered_map<const void*, Scope*> by_node_;
  friend class SymbolVisitor;
};

}  // namespace gilvm
