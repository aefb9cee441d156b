// Font tables libcairo copies, handed to it as private mappings of their file.
//
// cairo 1.16's CFF subsetter allocates a block the size of a face's whole `CFF ` table (`malloc`),
// has FreeType copy the table into it (`FT_Load_Sfnt_Table`), reads the few parts a subset needs
// (the header and dictionaries, the INDEX offsets, the glyphs used and their subroutines) and
// frees it: 15 to 16 MB for each Noto Sans CJK face, copied whole for every file that uses one.
// The copy cost CPU, and the allocator kept the freed 16 MB resident for the next copy.
//
// Here libcairo's own `malloc`, `realloc` and `free` (its entries in its global offset table, and
// no other library's) are routed through this file once a thread arms it (font_tables.c does,
// when cairo asks a whole table's length). Armed, cairo's next `malloc` of the table's size is a
// private mapping of the file placed so that the block starts at the table's first byte; the load
// into it copies nothing, only the pages cairo reads are faulted in (from the page cache, without
// zeroing), and its `free` unmaps it. Writes (cairo makes none) would go to private copies of the
// pages. Every other call goes straight on to the function the entry held.
#define _GNU_SOURCE
#include "table_maps.h"

#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))

#include <elf.h>
#include <link.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__x86_64__)
#define SLOT_RELOCATION R_X86_64_JUMP_SLOT
#define DATA_RELOCATION R_X86_64_GLOB_DAT
#else
#define SLOT_RELOCATION R_AARCH64_JUMP_SLOT
#define DATA_RELOCATION R_AARCH64_GLOB_DAT
#endif

typedef void *(*malloc_fn)(size_t);
typedef void *(*realloc_fn)(void *, size_t);
typedef void (*free_fn)(void *);

/// What libcairo's entries held before they were routed here.
static malloc_fn real_malloc;
static realloc_fn real_realloc;
static free_fn real_free;
/// 1 once libcairo's three entries are routed here.
static int routed;
static pthread_once_t routing = PTHREAD_ONCE_INIT;

/// A font file by identity (not by descriptor number: cairo may close a face's file between
/// asking a table's length and allocating its block, and the number be given to another file).
typedef struct {
    dev_t device;
    ino_t inode;
} file_identity;

/// Whether `fd` is open on a file, whose identity is then in `*identity`.
static int identify(int fd, file_identity *identity) {
    struct stat status;
    if (fstat(fd, &status) != 0) return 0;
    *identity = (file_identity){status.st_dev, status.st_ino};
    return 1;
}

/// The block the calling thread's next cairo `malloc` of `size` bytes is to be (size 0: none):
/// `fd` is a duplicate of the face's descriptor, this thread's own, closed once the block is
/// mapped or the arm is dropped, so it maps the file armed whatever cairo closes meanwhile.
static _Thread_local struct {
    size_t size;
    int fd;
    off_t at;
    file_identity file;
} armed;

/// Drops the calling thread's arm, if any, closing its descriptor.
static void disarm(void) {
    if (armed.size == 0) return;
    armed.size = 0;
    close(armed.fd);
}

/// A live block: where its mapping starts and ends, the block, and what it holds.
typedef struct {
    char *base;
    size_t mapped;
    char *block;
    size_t size;
    file_identity file;
    off_t at;
} table_block;

/// At most this many blocks live at once (cairo frees each before it loads the next).
#define BLOCKS 8
static table_block blocks[BLOCKS];
static pthread_mutex_t blocks_lock = PTHREAD_MUTEX_INITIALIZER;
/// How many of `blocks` are in use: `free` looks no further while it is 0.
static atomic_int live;

/// Removes and returns the live block starting at `pointer` (its `block` NULL when none is).
static table_block take_block(const void *pointer) {
    table_block found = {0};
    pthread_mutex_lock(&blocks_lock);
    for (int i = 0; i < BLOCKS; ++i) {
        if (blocks[i].block != NULL && blocks[i].block == pointer) {
            found = blocks[i];
            blocks[i].block = NULL;
            atomic_fetch_sub(&live, 1);
            break;
        }
    }
    pthread_mutex_unlock(&blocks_lock);
    return found;
}

/// Notes `block` as live: 1, or 0 when every slot is taken.
static int note_block(table_block block) {
    int noted = 0;
    pthread_mutex_lock(&blocks_lock);
    for (int i = 0; i < BLOCKS && !noted; ++i)
        if (blocks[i].block == NULL) {
            blocks[i] = block;
            atomic_fetch_add(&live, 1);
            noted = 1;
        }
    pthread_mutex_unlock(&blocks_lock);
    return noted;
}

/// The armed block, mapped and noted, or NULL (then the caller allocates as usual).
static void *map_armed(void) {
    long page = sysconf(_SC_PAGESIZE);
    off_t start = armed.at - armed.at % page;
    size_t lead = (size_t)(armed.at - start);
    size_t mapped = lead + armed.size;
    char *base = mmap(NULL, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE, armed.fd, start);
    if (base == MAP_FAILED) return NULL;
    table_block block = {base, mapped, base + lead, armed.size, armed.file, armed.at};
    if (!note_block(block)) {
        munmap(base, mapped);
        return NULL;
    }
    return block.block;
}

static void *cairo_malloc(size_t size) {
    if (__builtin_expect(armed.size != 0, 0) && size == armed.size) {
        void *block = map_armed();
        disarm();
        if (block) return block;
    }
    return real_malloc(size);
}

static void cairo_free(void *pointer) {
    if (__builtin_expect(atomic_load_explicit(&live, memory_order_acquire) > 0, 0)) {
        table_block block = take_block(pointer);
        if (block.block) {
            munmap(block.base, block.mapped);
            return;
        }
    }
    real_free(pointer);
}

static void *cairo_realloc(void *pointer, size_t size) {
    if (__builtin_expect(atomic_load_explicit(&live, memory_order_acquire) > 0, 0)) {
        table_block block = take_block(pointer);
        if (block.block) {  // never met: cairo frees the table's block unchanged
            void *moved = real_malloc(size);
            if (!moved) {  // as realloc fails: the block stays as it was
                if (!note_block(block)) abort();  // its own slot was just freed
                return NULL;
            }
            memcpy(moved, block.block, size < block.size ? size : block.size);
            munmap(block.base, block.mapped);
            return moved;
        }
    }
    return real_realloc(pointer, size);
}

/// libcairo's pages made read-only after relocation (its RELRO segment, whole pages).
static uintptr_t relro_start, relro_end;

/// Points the entry at `slot` to `replacement`, keeping what it held in `*original` (what the
/// function's first entry held): 1 when done.
static int route(uintptr_t slot, void *replacement, void **original) {
    long page = sysconf(_SC_PAGESIZE);
    void *start = (void *)(slot - slot % (uintptr_t)page);
    void **entry = (void **)slot;
    if (slot < relro_start || slot + sizeof *entry > relro_end) return 0;
    if (*entry == NULL || (*original != NULL && *entry != *original)) return 0;
    // The entry lies in the pages made read-only after relocation (RELRO): writable for the store.
    if (mprotect(start, (size_t)page, PROT_READ | PROT_WRITE) != 0) return 0;
    *original = *entry;
    __atomic_store_n(entry, replacement, __ATOMIC_RELEASE);
    mprotect(start, (size_t)page, PROT_READ);
    return 1;
}

/// A dynamic entry's address (glibc relocates them in place; other loaders may not).
static uintptr_t dynamic_address(ElfW(Addr) base, ElfW(Addr) value) {
    return value < base ? base + value : value;
}

/// Routes libcairo's `malloc`, `realloc` and `free` entries here (for `dl_iterate_phdr`).
static int route_cairo(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    (void)data;
    if (info->dlpi_name == NULL || strstr(info->dlpi_name, "libcairo.so") == NULL) return 0;
    ElfW(Addr) base = info->dlpi_addr;
    const ElfW(Dyn) *dynamic = NULL;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type == PT_DYNAMIC)
            dynamic = (const ElfW(Dyn) *)(base + segment->p_vaddr);
        if (segment->p_type == PT_GNU_RELRO) {  // the pages the loader made read-only, as it does
            uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
            relro_start = (base + segment->p_vaddr) / page * page;
            relro_end = (base + segment->p_vaddr + segment->p_memsz) / page * page;
        }
    }
    if (dynamic == NULL) return 1;
    const ElfW(Sym) *symbols = NULL;
    const char *names = NULL;
    const ElfW(Rela) *tables[2] = {NULL, NULL};
    size_t lengths[2] = {0, 0};
    int bound_now = 0;
    for (const ElfW(Dyn) *entry = dynamic; entry->d_tag != DT_NULL; ++entry) {
        switch (entry->d_tag) {
        case DT_FLAGS: bound_now |= (entry->d_un.d_val & DF_BIND_NOW) != 0; break;
        case DT_FLAGS_1: bound_now |= (entry->d_un.d_val & DF_1_NOW) != 0; break;
        case DT_SYMTAB: symbols = (const void *)dynamic_address(base, entry->d_un.d_ptr); break;
        case DT_STRTAB: names = (const void *)dynamic_address(base, entry->d_un.d_ptr); break;
        case DT_JMPREL: tables[0] = (const void *)dynamic_address(base, entry->d_un.d_ptr); break;
        case DT_PLTRELSZ: lengths[0] = entry->d_un.d_val; break;
        case DT_RELA: tables[1] = (const void *)dynamic_address(base, entry->d_un.d_ptr); break;
        case DT_RELASZ: lengths[1] = entry->d_un.d_val; break;
        default: break;
        }
    }
    // Bound lazily, an entry would be rewritten by its first call's resolution, undoing the route.
    if (symbols == NULL || names == NULL || !bound_now) return 1;
    // Each function's entries (a called function has one, a function whose address is taken too
    // may have two), at most 4 each: malloc, realloc, free.
    uintptr_t slots[3][4] = {{0}};
    int counts[3] = {0, 0, 0};
    static const char *const wanted[3] = {"malloc", "realloc", "free"};
    for (int t = 0; t < 2; ++t) {
        if (tables[t] == NULL) continue;
        for (size_t i = 0; i < lengths[t] / sizeof(ElfW(Rela)); ++i) {
            const ElfW(Rela) *relocation = &tables[t][i];
            unsigned long type = ELF64_R_TYPE(relocation->r_info);
            if (type != SLOT_RELOCATION && type != DATA_RELOCATION) continue;
            const char *name = names + symbols[ELF64_R_SYM(relocation->r_info)].st_name;
            for (int w = 0; w < 3; ++w)
                if (strcmp(name, wanted[w]) == 0) {
                    if (counts[w] == 4) return 1;
                    slots[w][counts[w]++] = base + relocation->r_offset;
                }
        }
    }
    if (counts[0] == 0 || counts[1] == 0 || counts[2] == 0) return 1;
    // free first, then realloc, then malloc: no block is made before all are routed.
    void *replacements[3] = {(void *)cairo_malloc, (void *)cairo_realloc, (void *)cairo_free};
    void **originals[3] = {(void **)&real_malloc, (void **)&real_realloc, (void **)&real_free};
    for (int w = 2; w >= 0; --w)
        for (int i = 0; i < counts[w]; ++i)
            if (!route(slots[w][i], replacements[w], originals[w])) return 1;
    routed = 1;
    return 1;
}

static void route_once(void) { dl_iterate_phdr(route_cairo, NULL); }

int pmreport_table_maps_arm(size_t size, int fd, off_t at) {
    pthread_once(&routing, route_once);
    if (!routed || size == 0) return 0;
    disarm();
    file_identity file;
    if (!identify(fd, &file)) return 0;
    int own = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (own < 0) return 0;
    armed.size = size;
    armed.fd = own;
    armed.at = at;
    armed.file = file;
    return 1;
}

int pmreport_table_maps_holds(const void *buffer, size_t size, int fd, off_t at) {
    disarm();
    file_identity file;
    if (atomic_load_explicit(&live, memory_order_acquire) == 0 || !identify(fd, &file)) return 0;
    int holds = 0;
    pthread_mutex_lock(&blocks_lock);
    for (int i = 0; i < BLOCKS; ++i)
        if (blocks[i].block != NULL && blocks[i].block == buffer)
            holds = blocks[i].size == size && blocks[i].file.device == file.device &&
                    blocks[i].file.inode == file.inode && blocks[i].at == at;
    pthread_mutex_unlock(&blocks_lock);
    return holds;
}

#elif defined(__linux__)

// Other Linux architectures: libcairo's entries are left alone, so nothing is ever armed.
int pmreport_table_maps_arm(size_t size, int fd, off_t at) {
    (void)size;
    (void)fd;
    (void)at;
    return 0;
}

int pmreport_table_maps_holds(const void *buffer, size_t size, int fd, off_t at) {
    (void)buffer;
    (void)size;
    (void)fd;
    (void)at;
    return 0;
}

#endif
