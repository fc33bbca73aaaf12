// The `excellence` executable: the command's arguments and the process's streams.
#include "command.hpp"

#include <iostream>

int main(int argc, char** argv) {
  return excellence::cli::run(std::vector<std::string>(argv + 1, argv + argc), {std::cout, std::cerr});
}
