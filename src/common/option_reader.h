// One way to read options for every gilvm command (`gilvm`, `bench seed`,
// `bench convoy`, `report`): "--name VALUE" and "--name=VALUE" alike, as
// python3's own options and argparse accept them.
#pragma once

#include <string>

namespace gilvm {

class OptionReader {
 public:
  OptionReader(int argc, char** argv) : argc_(argc), argv_(argv) {}
  // Moves to the next argument; false past the last.
  bool next();
  const std::string& arg() const { return arg_; }    // as given
  const std::string& name() const { return name_; }  // before any '='
  bool has_value() const { return has_value_; }      // "--name=VALUE"
  // The value after '=' or, failing that, the next argument.
  bool take_value(std::string* value);
  // The index of the current argument in argv: where the arguments that
  // are not options (a script's own) begin once reading stops.
  int index() const { return i_; }

 private:
  int argc_;
  char** argv_;
  int i_ = -1;
  std::string arg_, name_, value_;
  bool has_value_ = false;
};

}  // namespace gilvm
