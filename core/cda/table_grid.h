// core/cda/table_grid.h — where each cell of a narrative <table> lies on the grid, as HTML lays
// it out: cells fill the next free column of their row, skipping columns that a rowspan from a
// row above still covers, and a cell takes colspan columns. For drawing tables cell by cell
// (the viewer's ImGui tables), which have no spans of their own.
#pragma once

#include <vector>

#include "core/cda/narrative.h"

namespace ssmix::cda {

struct GridCell {
    const NarrativeNode* cell = nullptr;   // a th or td of the table
    unsigned column = 0;                   // first column it covers
    unsigned columns = 1, rows = 1;        // how far it reaches (spans, cut at max_columns)
};

struct TableGrid {
    const NarrativeNode* caption = nullptr;
    std::vector<std::vector<GridCell>> rows;   // thead, tbody, tfoot rows (or rows directly under the table), in order
    std::vector<bool> header_rows;             // per row: in thead
    unsigned columns = 1;                      // grid width
};

// max_columns bounds the grid (a table claiming colspan="1000" does not make 1000 columns).
[[nodiscard]] TableGrid table_grid(const NarrativeNode& table, unsigned max_columns = 64);

}  // namespace ssmix::cda
