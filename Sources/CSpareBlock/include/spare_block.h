// The allocator policy of every pmreport process (the executable links it; nothing calls it).
//
// glibc's malloc, with two changes made when the process starts and by `malloc` and `free` defined
// here in front of glibc's:
// - Blocks of 4 MB and more are always mapped on their own (`M_MMAP_THRESHOLD` fixed; glibc's
//   dynamic threshold would rise to the size of the first such block freed and put later ones in
//   the heap), and the heap's free top is returned past 8 MB (`M_TRIM_THRESHOLD`).
// - The largest such block freed, up to 32 MB, is kept, not unmapped, and handed back by the next
//   `malloc` it is large enough for: one spare block a process, its pages kept.
//
// Why: cairo 1.16's CFF subsetter copies a CJK font's whole CFF table (15.5–16 MB) for every PDF
// that uses the font. With glibc's dynamic threshold those copies went to the heap, and a
// personalised summary's two faces (Noto Sans CJK Regular, then Bold, 0.56 MB larger) left two
// copy-sized holes there, the Regular-sized one pinned by small blocks allocated above it and too
// small for Bold's copy: ~16 MB a process kept for nothing. Unmapping every copy instead refaults
// 16 MB a file (+50 % CPU for certificates). The spare block serves both faces' copies, with no
// fault after the first. See BENCHMARKS.md, "summarymem".
