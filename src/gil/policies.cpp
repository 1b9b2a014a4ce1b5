// The table of GIL policies (see policies.h for who reads it).
#include "gil/policies.h"

#include "gil/gil.h"

namespace gilvm {

// Adding a policy: its .cpp file (defining `std::unique_ptr<Gil>
// make_NAME_gil()`) and one line here: X(NAME, "description", knobs).
// Nothing else lists policies: the --help text, the name checks, the fork
// path and `gilvm bench`'s default (every policy) all expand this table.
#define GILVM_GIL_POLICIES(X)                                                                    \
  X(legacy, "Python 2's lock: a release every check interval, no hand-over", kKnobCheckInterval) \
  X(interval, "Python 3.2's lock: a switch interval and drop requests", kKnobSwitchInterval)    \
  X(fair, "gilvm's scheduler: I/O first, FIFO hand-over, fair slices", kKnobSwitchInterval)

#define GILVM_DECLARE_FACTORY_(name, description, knobs) std::unique_ptr<Gil> make_##name##_gil();
GILVM_GIL_POLICIES(GILVM_DECLARE_FACTORY_)
#undef GILVM_DECLARE_FACTORY_

namespace {

#define GILVM_POLICY_ROW_(name, description, knobs) {#name, make_##name##_gil, description, knobs},
constexpr GilPolicy kPolicies[] = {GILVM_GIL_POLICIES(GILVM_POLICY_ROW_)};
#undef GILVM_POLICY_ROW_

}  // namespace

std::span<const GilPolicy> gil_policies() { return kPolicies; }

const GilPolicy* find_gil_policy(std::string_view name) {
  for (const GilPolicy& p : kPolicies) {
    if (name == p.name) return &p;
  }
  return nullptr;
}

std::string gil_policy_names(std::string_view sep, std::string_view last) {
  std::string out;
  const size_t n = std::size(kPolicies);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out += i + 1 == n ? last : sep;
    out += kPolicies[i].name;
  }
  return out;
}

std::string unknown_gil_policy(std::string_view name, std::string_view where) {
  return "unknown GIL policy '" + std::string(name) + "'" + std::string(where) + " (expected " +
         gil_policy_names(", ", " or ") + ")";
}

std::string gil_policies_with(GilKnob knob) {
  std::string out;
  for (const GilPolicy& p : kPolicies) {
    if (!(p.knobs & knob)) continue;
    if (!out.empty()) out += ", ";
    out += p.name;
  }
  return out;
}

}  // namespace gilvm
