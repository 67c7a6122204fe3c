// aelab-cli: the headless front end (see core/cli/).
#include "cli/Cli.h"
#include "math/Memory.h"

#include <iostream>
#include <unistd.h>

int main(int argc, char** argv)
{
    aelab::keepTrainingMemory();
    std::vector<std::string> words(argv + 1, argv + argc);
    return aelab::cli::runCli(words, std::cout, std::cerr, ::isatty(STDERR_FILENO) != 0);
}
