// Fuzz target: any argument list given to the command ends with exit status 0, 1 or 2 —
// never 3 (an internal error: an exception the command did not expect) and never a crash
// — and a failure always says why on stderr. An input is the arguments, one per line.
// Run it in the source folder (the replay test does), so that inputs can name the sample
// files; changing the folder from inside the target would hide libFuzzer's corpus from it.
#include "command.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Runs that are long by request (a million bootstrap resamples) are not findings.
bool too_long(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i + 1 < args.size(); ++i)
    if ((args[i] == "--bootstrap" || args[i].starts_with("--bootstrap=")) && args[i + 1].size() > 3) return true;
  for (const auto& a : args)
    if (a.starts_with("--bootstrap=") && a.size() > 15) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> args;
  for (std::size_t start = 0; start <= text.size();) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto arg = text.substr(start, end - start);
    if (!arg.empty() && arg.back() == '\r') arg.remove_suffix(1);
    if (!arg.empty() || end < text.size()) args.emplace_back(arg);
    start = end + 1;
  }
  if (args.size() > 32 || too_long(args)) return 0;
  std::ostringstream out, err;
  const int status = excellence::cli::run(args, {out, err});
  if (status == excellence::cli::exit_internal_error || status < 0 || status > 3) {
    std::fputs(err.str().c_str(), stderr);
    std::abort();
  }
  if (status != excellence::cli::exit_ok && err.str().empty()) std::abort();
  return 0;
}
