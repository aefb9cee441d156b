#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

// The table extension's node types are variables the library fills in when the extension is
// registered; its public headers do not declare them.
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;

/// The node type of a GFM table (valid after cmark_gfm_core_extensions_ensure_registered).
static inline cmark_node_type ccmark_node_table(void) { return CMARK_NODE_TABLE; }
/// The node type of a table row.
static inline cmark_node_type ccmark_node_table_row(void) { return CMARK_NODE_TABLE_ROW; }
/// The node type of a table cell.
static inline cmark_node_type ccmark_node_table_cell(void) { return CMARK_NODE_TABLE_CELL; }
