#include "io/WriteFault.h"

#include <algorithm>
#include <mutex>

namespace aelab {

namespace {

std::mutex g_mutex;
std::optional<WriteFault> g_fault;
int g_creates = 0;
int g_renames = 0;

bool armedFor(WriteStep step, int index)
{
    return g_fault && g_fault->step == step && g_fault->file == index;
}

} // namespace

void injectWriteFault(std::optional<WriteFault> fault)
{
    std::lock_guard lock(g_mutex);
    g_fault = fault;
    g_creates = 0;
    g_renames = 0;
}

namespace fault {

int onCreate(int& fileNumber)
{
    std::lock_guard lock(g_mutex);
    fileNumber = ++g_creates;
    return armedFor(WriteStep::Create, fileNumber) ? g_fault->error : 0;
}

int onRename()
{
    std::lock_guard lock(g_mutex);
    ++g_renames;
    return armedFor(WriteStep::Rename, g_renames) ? g_fault->error : 0;
}

std::size_t allowedWrite(int fileNumber, std::uint64_t written, std::size_t size, int& error)
{
    std::lock_guard lock(g_mutex);
    error = 0;
    if (!armedFor(WriteStep::Write, fileNumber) || written + size <= g_fault->afterBytes)
        return size;
    error = g_fault->error;
    return std::size_t(std::min<std::uint64_t>(size, g_fault->afterBytes - std::min(written, g_fault->afterBytes)));
}

} // namespace fault

} // namespace aelab
