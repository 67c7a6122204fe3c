#include "cli/Cli.h"

#include "cli/Args.h"
#include "cli/Commands.h"
#include "cli/RetrieveCommand.h"
#include "math/Error.h"

#include <new>

namespace aelab::cli {

namespace {
void printHelp(std::ostream& out)
{
    out << "aelab-cli: train and inspect autoencoders without the window\n\n"
           "  aelab-cli list                      variants with every hyperparameter\n"
           "  aelab-cli datasets                  the built-in datasets\n"
           "  aelab-cli train --variant ae --dataset fashion-mnist --epochs 5\n"
           "            [--KEY VALUE ...] [--seed N] [--limit N] [--val F] [--threads N]\n"
           "            [--save FILE.safetensors] [--metrics FILE.json]\n"
           "  aelab-cli eval --model FILE --dataset D [--limit N]\n"
           "  aelab-cli encode --model FILE --dataset D --out codes.csv|codes.npy [--split test|train]\n"
           "  aelab-cli retrieve --model HASHING.safetensors --dataset D [--queries N] [--k 100]\n\n"
           "--dataset takes a built-in name, a folder of IDX files, idx:IMAGES[,LABELS], or a .csv file.\n";
}
} // namespace

int runCli(const std::vector<std::string>& words, std::ostream& out, std::ostream& err, bool interactive)
{
    try {
        const Args args = Args::parse(words);
        const std::string& cmd = args.command();
        if (cmd.empty() || cmd == "help" || cmd == "--help" || cmd == "-h") {
            printHelp(out);
            return cmd.empty() ? 2 : 0;
        }
        if (cmd == "list")
            return commandList(args, out);
        if (cmd == "datasets")
            return commandDatasets(args, out);
        if (cmd == "train")
            return commandTrain(args, out, err, interactive);
        if (cmd == "eval")
            return commandEval(args, out);
        if (cmd == "encode")
            return commandEncode(args, out);
        if (cmd == "retrieve")
            return commandRetrieve(args, out);
        fail(ErrorKind::InvalidArgument, "unknown command '" + cmd + "' (try: aelab-cli help)");
    } catch (const Error& e) {
        err << "aelab-cli: error: " << e.what() << "\n";
        return 2;
    } catch (const std::bad_alloc&) {
        err << "aelab-cli: error: out of memory (try --limit or a smaller model)\n";
        return 2;
    }
}

} // namespace aelab::cli
