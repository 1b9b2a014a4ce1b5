// See option_reader.h.
#include "common/option_reader.h"

namespace gilvm {

bool OptionReader::next() {
  if (++i_ >= argc_) return false;
  arg_ = argv_[i_];
  name_ = arg_;
  value_.clear();
  has_value_ = false;
  if (size_t eq = arg_.find('='); arg_.rfind("--", 0) == 0 && eq != std::string::npos) {
    name_ = arg_.substr(0, eq);
    value_ = arg_.substr(eq + 1);
    has_value_ = true;
  }
  return true;
}

bool OptionReader::take_value(std::string* value) {
  if (has_value_) {
    *value = value_;
    return true;
  }
  if (i_ + 1 >= argc_) return false;
  *value = argv_[++i_];
  return true;
}

}  // namespace gilvm
