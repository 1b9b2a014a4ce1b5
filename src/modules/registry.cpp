// The table of native modules `import` can find without a file: one line
// per module, so adding a module is adding a factory and a line here.
#include "modules/modules.h"

#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm {

void register_builtin_modules(ThreadState& ts) {
  auto& table = ts.interp->builtin_modules;
  table["sys"] = make_sys_module;
  table["time"] = make_time_module;
  table["math"] = make_math_module;
  table["_os"] = make_os_native_module;
  table["_random"] = make_random_native_module;
  table["_struct"] = make_struct_native_module;
  table["_thread"] = make_thread_module;
  table["signal"] = make_signal_module;
  table["_posix"] = make_posix_module;
  table["_shared_memory"] = make_shared_memory_module;
  table["_multiprocessing"] = make_multiprocessing_native_module;
  table["_subprocess"] = make_subprocess_native_module;
  table["select"] = make_select_module;
  table["_socket"] = make_socket_native_module;
  table["_codecs"] = make_codecs_module;
  // A host running untrusted code withholds what forks, signals, or touches
  // files and the network (the fuzz targets); importing them then fails as
  // for any missing module.
  for (const std::string& name : ts.interp->config.withheld_modules) table.erase(name);
}

}  // namespace gilvm
