#pragma once
// Under a sanitizer build (CMakePresets.json, scripts/sanitize.sh)
// AELAB_SANITIZER names the sanitizers. What they change (the allocator and
// its statistics, resident memory inflated by shadow memory and ASan's
// quarantine) is all a test may skip for, and it says so:
// AELAB_SKIP_UNDER_SANITIZER("why") at the call site (QtTest included).
// Time limits are multiplied by kSanitizerSlowdown instead (ASan with
// libFuzzer's coverage ran aelab-cli's training ~30x slower).
#ifdef AELAB_SANITIZER
#define AELAB_SKIP_UNDER_SANITIZER(why) QSKIP("skipped under the " AELAB_SANITIZER " sanitizer: " why)
inline constexpr bool kUnderSanitizer = true;
inline constexpr int kSanitizerSlowdown = 30;
#else
#define AELAB_SKIP_UNDER_SANITIZER(why) static_cast<void>(0)
inline constexpr bool kUnderSanitizer = false;
inline constexpr int kSanitizerSlowdown = 1;
#endif
