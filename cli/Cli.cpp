#include "cli/Cli.h"

#include "cli/Args.h"
#include "cli/Commands.h"
#include "cli/ExportTorchCommand.h"
#include "cli/ProbeCommand.h"
#include "cli/RetrieveCommand.h"
#include "cli/SweepCommand.h"
#include "math/Error.h"
#include "text/BuildInfo.h"

#include <new>

namespace aelab::cli {

namespace {
void printHelp(std::ostream& out)
{
    out << "aelab-cli: train and inspect autoencoders without the window\n\n"
           "  aelab-cli --version                 this build's version and its libraries'\n"
           "  aelab-cli list                      variants with every hyperparameter\n"
           "  aelab-cli datasets                  the built-in datasets\n"
           "  aelab-cli train --variant ae --dataset fashion-mnist --epochs 5\n"
           "            [--KEY VALUE ...] [--seed N] [--limit N] [--val F] [--threads N]\n"
           "            [--save FILE.safetensors] [--metrics FILE.json] [--stop-after STEPS]\n"
           "  aelab-cli train --resume FILE.safetensors [--dataset D --limit N] [--save ...] [--metrics ...]\n"
           "            continues a run saved by --save (or the window) exactly where it stopped: the\n"
           "            same losses as an uninterrupted run, for the same --threads\n"
           "  aelab-cli eval --model FILE --dataset D [--limit N] [--iwae-k 100]\n"
           "            the test terms; for an unpooling ae, the error from the code alone beside the\n"
           "            switches' bits; for a vae with a decoder density, the ELBO and the importance-\n"
           "            weighted log-likelihood with k samples\n"
           "  aelab-cli encode --model FILE --dataset D --out codes.csv|codes.npy [--split test|train]\n"
           "  aelab-cli retrieve --model HASHING.safetensors --dataset D [--queries N] [--k 100]\n"
           "  aelab-cli probe --model FILE --dataset D [--labels-per-class 1,10,100,all] [--out F.csv|F.json]\n"
           "            [--features codes,raw,pca] [--classifiers logistic,knn] [--neighbours 5] [--l2 0.001]\n"
           "            [--iterations 150] [--limit N] [--seed N]\n"
           "            test accuracy of logistic regression and k-NN fitted on N labels per class, on the\n"
           "            model's codes, the raw inputs and PCA with as many components as the code\n"
           "  aelab-cli finetune --model FILE --dataset D [--labels-per-class 1,10,100,all] [--steps 500]\n"
           "            [--batch 64] [--lr 0.001] [--out F.csv|F.json] [--limit N] [--seed N]\n"
           "            the encoder plus a softmax head trained on N labels per class, from the model's\n"
           "            weights and from a random start; test accuracy of both\n"
           "  aelab-cli sweep --variant V --dataset D --sweep KEY=v1,v2,...|KEY=lo:hi:n[:log] --out F.csv|F.json\n"
           "            [--seeds N] [--epochs E] [--KEY VALUE ...] [--param KEY=VALUE ...] [--probe 100]\n"
           "            [--limit N] [--val F] [--seed N] [--threads N]\n"
           "            one run per value (and seed), one after another; one row per run: every\n"
           "            hyperparameter, seed, final train/val loss terms, seconds (and probe accuracy);\n"
           "            KEY is any hyperparameter of V (aelab-cli list) or epochs; values of a list\n"
           "            setting are separated by ';' (--sweep 'hidden=512,256;256,128')\n"
           "  aelab-cli export-torch --model FILE --out DIR [--dataset D [--limit N]]\n"
           "            the model for PyTorch: its weights, the network as a torch.nn.Module\n"
           "            (aelab_model.py), train.py to continue training (python3, or torchrun for\n"
           "            DistributedDataParallel), and with --dataset its training data (data.npy);\n"
           "            ae, dae, vae and sparse, dense or conv (deconv or upsample)\n\n"
           "--dataset takes a built-in name, a folder of IDX files, idx:IMAGES[,LABELS], or a .csv file.\n";
}

void printVersion(std::ostream& out)
{
    out << "aelab-cli " << aelabVersion() << "\n";
    for (const LibraryVersion& lib : coreLibraries())
        out << "  " << lib.name << " " << lib.version << " (" << lib.licence << ")\n";
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
        if (cmd == "--version" || cmd == "version") {
            printVersion(out);
            return 0;
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
        if (cmd == "probe")
            return commandProbe(args, out, err, interactive);
        if (cmd == "finetune")
            return commandFineTune(args, out, err, interactive);
        if (cmd == "export-torch")
            return commandExportTorch(args, out);
        if (cmd == "sweep")
            return commandSweep(args, out, err, interactive);
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
