// The executable's `malloc_conf` (jemalloc's settings, Linux only): no declarations to import;
// the target is linked for its one definition.
