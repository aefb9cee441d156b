// The cairo font faces pages are drawn with, on FreeType faces opened once for each (file, face
// index) and kept (see drawing_faces.h).
#include "drawing_faces.h"

#include <fontconfig/fcfreetype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/// A face opened for drawing: `path`'s face `index`, kept for the process's life.
typedef struct drawing_face {
    char *path;  // the stream's path too: it outlives the face
    int index;
    FT_Face face;
    struct drawing_face *next;
} drawing_face;

/// A cairo font face made here, one reference kept for the process's life.
typedef struct kept_font_face {
    cairo_font_face_t *font_face;
    struct kept_font_face *next;
} kept_font_face;

/// Held around everything below, and around cairo's making of a font face here.
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/// The FreeType library the faces are opened on (made with the first).
static FT_Library library;
static drawing_face *faces;
static kept_font_face *font_faces;
/// How many faces this thread opened.
static _Thread_local uint64_t opened;

/// `path`'s face `index`, opened the first time; NULL when FreeType cannot open it (under `lock`).
static FT_Face face_of(const char *path, int index) {
    for (drawing_face *known = faces; known; known = known->next)
        if (known->index == index && strcmp(known->path, path) == 0) return known->face;
    if (!library && FT_Init_FreeType(&library) != FT_Err_Ok) {
        library = NULL;
        return NULL;
    }
    drawing_face *made = calloc(1, sizeof *made);
    char *copy = made ? strdup(path) : NULL;
    if (!copy || FT_New_Face(library, copy, index, &made->face) != FT_Err_Ok) {
        free(copy);
        free(made);
        return NULL;
    }
    made->path = copy;
    made->index = index;
    made->next = faces;
    faces = made;
    ++opened;
    return made->face;
}

/// Keeps one reference to `font_face` the first time it is met (under `lock`).
static void keep(cairo_font_face_t *font_face) {
    for (kept_font_face *known = font_faces; known; known = known->next)
        if (known->font_face == font_face) return;
    kept_font_face *kept = malloc(sizeof *kept);
    if (!kept) return;  // not kept: cairo destroys it with its last user's reference
    *kept = (kept_font_face){cairo_font_face_reference(font_face), font_faces};
    font_faces = kept;
}

cairo_font_face_t *pmreport_drawing_font_face(const FcPattern *pattern) {
    FcPattern *copy = FcPatternDuplicate(pattern);
    if (!copy) return cairo_ft_font_face_create_for_pattern((FcPattern *)pattern);
    FcChar8 *path = NULL;
    int index = 0;
    pthread_mutex_lock(&lock);
    if (FcPatternGetString(copy, FC_FILE, 0, &path) == FcResultMatch) {
        if (FcPatternGetInteger(copy, FC_INDEX, 0, &index) != FcResultMatch) index = 0;
        FT_Face face = face_of((const char *)path, index);
        if (face) FcPatternAddFTFace(copy, FC_FT_FACE, face);
    }
    cairo_font_face_t *font_face = cairo_ft_font_face_create_for_pattern(copy);
    if (cairo_font_face_status(font_face) == CAIRO_STATUS_SUCCESS) keep(font_face);
    pthread_mutex_unlock(&lock);
    FcPatternDestroy(copy);
    return font_face;
}

uint64_t pmreport_drawing_faces_opened(void) { return opened; }
