// Type objects: creating built-in types, `type` and `object` themselves,
// and the generic attribute protocol shared by all instances.
//
// Bootstrap order (the Interpreter constructor):
//   1. init_type_type      creates `object` and `type`, plus empty shells of
//                          `str`, `dict` and `tuple`, so that names, type
//                          dicts and MRO tuples can be built at once. The
//                          shells are adopted (returned) by the later
//                          new_builtin_type("str"/"dict"/"tuple", ...) calls
//                          of init_str_type etc., which fill in their slots.
//   2. init_singleton_types None, NotImplemented, Ellipsis (most inits use None)
//   3. init_str_type, init_dict_type, init_tuple_type, then every other init_*
//      in any order, except that init_function_types must precede anything
//      calling add_method/add_function (init_exception_types included), and
//      init_exception_types must precede anything that may raise.
//   4. finish_type_bootstrap, after init_function_types (it adds object's and
//      type's methods, which are builtin_function_or_method objects) and
//      after the init_* of str/dict/tuple; it also checks that the shells
//      were adopted.
// Until step 3 ran for a shell, only the functions that need nothing but its
// Type pointer work (str_intern, dict_new/dict_set with str keys, tuple_new);
// ops.cpp has exact-tag fast paths for str hashing and equality so that
// dicts with str keys work before str's slots exist.
#pragma once

#include <cstddef>
#include <string>

#include "runtime/object.h"

namespace gilvm {

// Instances of plain classes: a type pointer and an attribute dict.
struct Instance : Object {
  Dict* dict;  // may be null until the first attribute is set
};

// Creates an immortal built-in type named `name` deriving from `base`
// (null: object). Fill `slots` and add methods (add_method) afterwards.
Type* new_builtin_type(ThreadState& ts, const char* name, Type* base, Tag instance_tag,
                       size_t basic_size);

// Adds a class attribute (e.g. a constant) to a built-in type.
void type_set_attr(ThreadState& ts, Type* type, const char* name, Value value);

// The generic lookup: data descriptors on the type, then the instance dict,
// then other type attributes (functions bind to the instance).
Value generic_getattr(ThreadState& ts, Value obj, Str* name);
int generic_setattr(ThreadState& ts, Value obj, Str* name, Value value);
// The instance dict slot of `obj`, or null when it has none.
Dict** instance_dict_slot(Value obj);

void init_type_type(ThreadState& ts);
void finish_type_bootstrap(ThreadState& ts);
// NoneType, NotImplementedType and ellipsis, and their singletons (none.cpp).
void init_singleton_types(ThreadState& ts);

// Where a user subclass of a fixed-size built-in layout (list, dict, float,
// ...) keeps its attribute dict: right after the fields of its nearest
// built-in base ("solid base"), whose basic_size gives the offset. A class
// builder for such a subclass sets basic_size = solid base's basic_size +
// sizeof(Dict*) and instances_have_dict; alloc_object then allocates at least
// basic_size. Layouts with their own dict field (Object, Exception,
// Function) and variable-size layouts (str, bytes, tuple) have no trailing
// slot: returns null for them.
Dict** instance_dict_trailing_slot(Object* o);

// Copies every null slot of `type` from `base`, except the layout-specific
// dealloc and construct slots when the two layouts differ. new_builtin_type
// calls it; a class builder should too (before installing dunder wrappers).
void type_inherit_slots(Type* type, Type* base);

// The name CPython shows in reprs and tracebacks: "int" for built-in types,
// "mod.Outer.Inner" for user classes ("__main__.A" included; callers that
// hide __main__ strip it), from __module__ and __qualname__ in the type dict.
std::string type_qualified_name(ThreadState& ts, Type* type, bool hide_main = false);

// Creates a user class, as type(name, bases, ns) does: C3 MRO, the layout
// of the most derived built-in base, slots inherited from it and then
// overridden by the dunder methods the class defines (type_update_slots),
// `__set_name__` called on descriptors. `ns` is copied. User classes are
// immortal: instances do not count references to their type.
// `kwvalues`/`kwnames` (the class statement's keywords other than metaclass)
// go to the parent's __init_subclass__, which is called last.
Value type_new_class(ThreadState& ts, Type* metatype, Str* name, Tuple* bases, Dict* ns,
                     const Value* kwvalues = nullptr, Tuple* kwnames = nullptr);
// Re-derives the slots of a user class from the dunder methods on its MRO
// (__repr__, __eq__, __add__/__radd__, __len__, __getitem__, __iter__,
// __next__, __call__, __get__, __new__/__init__, ...). type_setattr calls it
// when a dunder is assigned on the class.
void type_update_slots(ThreadState& ts, Type* type);

// type(...) for classes without their own __new__: object.__new__, then
// __init__. The eval loop recognises this slot to inline the __init__ call.
Value object_construct(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames);

// Creates a plain instance (Tag::Object layout) of `type` without running
// __init__: object.__new__(type).
Value object_new_instance(ThreadState& ts, Type* type);

}  // namespace gilvm
