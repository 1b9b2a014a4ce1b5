// Escaping text taken from a trace (thread names, command lines: user
// input) for the two places a report page puts it: HTML text and attribute
// values, and JSON embedded in a <script> element.
#pragma once

#include <string>
#include <string_view>

namespace gilvm::report {

// & < > " ' as character references: safe in text and in quoted attributes.
std::string html_escape(std::string_view text);

// A JSON string literal that is also safe inside <script>: besides what
// JSON requires, < > & and U+2028/U+2029 become \uXXXX escapes, so no
// "</script>" or "<!--" can end or change the element. Invalid UTF-8 bytes
// become U+FFFD so that the page's JSON.parse never fails.
std::string script_json_string(std::string_view text);

}  // namespace gilvm::report
