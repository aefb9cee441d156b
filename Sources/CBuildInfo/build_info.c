// The build's commit: `make build` writes commit.h (git-ignored) beside this file.
#include "build_info.h"

#if __has_include("commit.h")
#include "commit.h"
#endif

#ifndef PMREPORT_COMMIT
#define PMREPORT_COMMIT "unknown"
#endif

const char *pmreport_build_commit(void) { return PMREPORT_COMMIT; }
