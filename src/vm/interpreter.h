// Interpreter: what every thread of one Python program shares.
//
// There is no global mutable state: the built-in types, singletons, module
// table and the GIL all hang off this object, and each OS thread reaches it
// through its ThreadState. Fields are guarded by the GIL unless a comment
// says otherwise.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "gil/gil.h"
#include "runtime/exceptions.h"
#include "runtime/module.h"
#include "runtime/object.h"
#include "vm/limits.h"
#include "vm/thread_slots.h"

namespace gilvm {

struct ThreadState;
struct List;
class TraceRecorder;

struct BuiltinTypes {
  Type* object = nullptr;
  Type* type = nullptr;
  Type* none = nullptr;
  Type* not_implemented = nullptr;
  Type* ellipsis = nullptr;
  Type* int_ = nullptr;
  Type* bool_ = nullptr;
  Type* float_ = nullptr;
  Type* str = nullptr;
  Type* bytes = nullptr;
  Type* bytearray = nullptr;
  Type* list = nullptr;
  Type* tuple = nullptr;
  Type* dict = nullptr;
  Type* set = nullptr;
  Type* frozenset = nullptr;
  Type* range = nullptr;
  Type* slice = nullptr;
  Type* function = nullptr;
  Type* builtin_function = nullptr;
  Type* method = nullptr;
  Type* code = nullptr;
  Type* cell = nullptr;
  Type* generator = nullptr;
  Type* coroutine = nullptr;
  Type* async_generator = nullptr;
  Type* module = nullptr;
  Type* property = nullptr;
  Type* staticmethod = nullptr;
  Type* classmethod = nullptr;
  Type* super_ = nullptr;
  Type* dict_keys = nullptr;
  Type* dict_values = nullptr;
  Type* dict_items = nullptr;
};

// Frequently used interned names, so hot paths never hash a C string.
#define GILVM_NAMES(X)                                                                            \
  X(__init__) X(__new__) X(__name__) X(__qualname__) X(__module__) X(__doc__) X(__dict__)         \
  X(__class__) X(__main__) X(__builtins__) X(__file__) X(__len__) X(__iter__) X(__next__)         \
  X(__repr__) X(__str__) X(__hash__) X(__eq__) X(__call__) X(__enter__) X(__exit__) X(__bool__)   \
  X(__getitem__) X(__setitem__) X(__delitem__) X(__contains__) X(__getattr__) X(__setattr__)      \
  X(__delattr__) X(__format__) X(__index__) X(__float__) X(__int__)                              \
  X(value) X(args) X(__cause__) X(__context__) X(__traceback__) X(__suppress_context__)           \
  X(__build_class__) X(__import__) X(__all__) X(__path__) X(__package__) X(__spec__) X(write)     \
  X(flush) X(__mro__) X(__bases__) X(__base__) X(__get__) X(__set__) X(__delete__)

struct Names {
#define GILVM_DECLARE_NAME(n) Str* n = nullptr;
  GILVM_NAMES(GILVM_DECLARE_NAME)
#undef GILVM_DECLARE_NAME
};

struct InterpreterConfig {
  std::string gil_policy = "interval";
  int check_interval = 100;        // legacy policy: ticks between checks
  double switch_interval = 0.005;  // interval policy: seconds
  bool gil_stats = false;
  std::string gil_stats_json;      // --gil-stats-json=FILE
  bool disassemble = false;        // --dis: print each compiled module's bytecode
  std::string trace_file;          // --trace=FILE.json
  uint64_t trace_limit_bytes = 0;  // --trace-limit; 0: the default
  std::string command_line;        // for reports
  std::vector<std::string> argv;   // sys.argv
  ExecutionLimits limits;          // instruction budget, deadline, memory cap (vm/limits.h)
  std::vector<std::string> withheld_modules;  // native modules `import` must not find
};

struct Interpreter {
  explicit Interpreter(InterpreterConfig config);
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  // Creates the built-in types, singletons and modules; `ts` is the main
  // thread's state.
  void bootstrap(ThreadState& ts);
  Interpreter& operator=(const Interpreter&) = delete;

  InterpreterConfig config;
  BuiltinTypes types;
  ExceptionTypes exc;
  Names names;

  // Singletons; immortal.
  Value none;
  Value true_;
  Value false_;
  Value not_implemented;
  Value ellipsis;
  Value empty_tuple;
  Value empty_str;

  Dict* builtins = nullptr;     // the builtins module's dict
  Dict* modules = nullptr;      // sys.modules
  Value sys_module;
  std::unordered_map<std::string, ModuleInit> builtin_modules;  // native modules by name
  // Types made on first use by native code, by qualified name: iterator
  // types (iter.h), _thread locks, multiprocessing SemLock, SharedArray.
  std::unordered_map<std::string, Type*> native_types;
  // type.__subclasses__(): direct subclasses of each class, in creation order.
  std::unordered_map<Type*, std::vector<Type*>> subclasses;
  std::unordered_map<const char*, Type*> iterator_types_by_literal;  // iterator types, by name pointer
  static constexpr size_t kIteratorTypeCacheSize = 32;
  std::pair<const char*, Type*> iterator_type_cache[kIteratorTypeCacheSize] = {};  // see native_iter_type

  // Interned strings: key is the text; values are immortal Str objects.
  // Guarded by intern_mutex because the compiler may run without the GIL.
  std::mutex intern_mutex;
  std::unordered_map<std::string, Str*> interned;

  // The codec registry (runtime/codecs.cpp), made on first use: the search
  // functions codecs.register added, codecs.lookup's cache by normalised
  // name, and the error handlers by name.
  List* codec_search = nullptr;
  Dict* codec_cache = nullptr;
  Dict* codec_errors = nullptr;

  int recursion_limit = 1000;
  // Bumped whenever any type's dict changes, which invalidates every
  // attribute inline cache at once (class attributes rarely change after
  // start-up, so a global counter is simpler than per-type version tags).
  uint64_t type_epoch = 1;
  std::atomic<bool> finalizing{false};

  std::unique_ptr<Gil> gil;
  std::unique_ptr<TraceRecorder> trace;  // --trace; null when off
  ThreadState* main_thread = nullptr;

  // Every thread running Python, and the counters of those that finished.
  // Guarded by threads_mutex (threads register and leave without the GIL).
  struct FinishedThread {
    std::string name;
    GilCounters counters;
  };
  std::mutex threads_mutex;
  std::vector<ThreadState*> threads;
  std::vector<FinishedThread> finished_threads;
  ThreadSlots thread_slots;     // each live thread's Object::owner_slot
  uint64_t threads_named = 0;   // the N of the last "Thread-N" (--gil-stats, traces)
  size_t thread_stack_size = 0;  // _thread.stack_size(); 0: the default (16 MiB)
  // Set when a second thread starts: from then on the legacy policy counts
  // ticks (Python 2 only touched the lock once threads existed).
  std::atomic<bool> threads_started{false};
  // Threads started by _thread.start_new_thread that have not yet finished
  // with the interpreter (counted from before pthread_create, so a thread
  // not yet registered in `threads` is included).
  std::atomic<int> running_threads{0};

  LimitState limit_state;  // config.limits' budget and deadline (vm/limits.h)

  Value bool_value(bool b) const { return b ? true_ : false_; }
};

}  // namespace gilvm
