#pragma once
// Process-wide memory settings for training programs: call once from main().

namespace aelab {

// A training step allocates and frees megabytes of activations (tens of MB
// for conv networks). glibc serves blocks over 128 KB with fresh mmap()s and
// hands freed heap back to the OS as soon as twice the largest freed block
// sits free at its top, so every step faulted all those pages in again: a
// quarter of a conv step's CPU time, a few percent of a dense one. This keeps
// blocks up to 64 MB on the heap and up to 256 MB of free heap before trimming
// (glibc only; elsewhere it does nothing). It changes the whole process's
// allocator, so it belongs to the program, not to a library call.
void keepTrainingMemory();

} // namespace aelab
