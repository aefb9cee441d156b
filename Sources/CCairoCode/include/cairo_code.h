// Where libcairo's code lies, for the functions CDeflateMemo and CFontTables define in place of
// other libraries' (they treat calls from libcairo alone differently).
#ifndef PMREPORT_CAIRO_CODE_H
#define PMREPORT_CAIRO_CODE_H

/// Whether `caller` (a return address) lies in libcairo's code (found once a process; never when
/// libcairo is not loaded). Linux only.
int pmreport_called_from_cairo(const void *caller);

#endif
