// The table of GIL policies: the one place that lists them.
//
// The command line (main.cpp), the interpreter and the fork path (through
// make_gil), and `gilvm bench` (its default --gil list and its check of
// names) all ask this table, so that a new policy is its .cpp file plus
// one line in policies.cpp. The trade-off: a policy's factory follows a
// naming rule (make_NAME_gil) that the table's macro spells, rather than
// being registered from its own file by a static initialiser, whose order
// nothing guarantees.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace gilvm {

class Gil;

// The knobs a policy reads (bits of GilPolicy::knobs). Every policy accepts
// all of them (sys.setswitchinterval works under legacy too, as in
// CPython); these say which ones change what it does.
enum GilKnob : unsigned {
  kKnobCheckInterval = 1u << 0,   // --check-interval, sys.setcheckinterval
  kKnobSwitchInterval = 1u << 1,  // --switch-interval, sys.setswitchinterval
};

struct GilPolicy {
  const char* name;                // --gil=NAME, Gil::name()
  std::unique_ptr<Gil> (*make)();  // a new GIL with default parameters
  const char* description;         // one line, for --help
  unsigned knobs;                  // GilKnob bits
};

// Every policy, in the order --help, errors and `gilvm bench` list them.
std::span<const GilPolicy> gil_policies();
// The policy of that name; nullptr when there is none.
const GilPolicy* find_gil_policy(std::string_view name);
// The names joined by `sep`, the last two by `last`: ("|", "|") gives
// "legacy|interval", (", ", " or ") "legacy or interval".
std::string gil_policy_names(std::string_view sep, std::string_view last);
// "unknown GIL policy 'NAME'" and what was expected, without `where` (e.g.
// " in GILVM_GIL") when that is empty: the one wording for main.cpp and
// `gilvm bench`.
std::string unknown_gil_policy(std::string_view name, std::string_view where = "");
// The policies whose GilPolicy::knobs contain `knob`, joined by ", ".
std::string gil_policies_with(GilKnob knob);

}  // namespace gilvm
