#ifndef PMREPORT_BUILD_INFO_H
#define PMREPORT_BUILD_INFO_H

/// The git commit the binary was built from (`make build` records it in `commit.h`), or "unknown"
/// for a build from a tree without git.
const char *pmreport_build_commit(void);

#endif
