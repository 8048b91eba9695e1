// core/cda/table_grid.cpp — one pass over the rows with, per column, the last row a rowspan
// from above still covers.
#include "core/cda/table_grid.h"

#include <algorithm>

namespace ssmix::cda {
namespace {

bool is_cell(const NarrativeNode& node) { return node.kind == NodeKind::th || node.kind == NodeKind::td; }

}  // namespace

TableGrid table_grid(const NarrativeNode& table, unsigned max_columns) {
    TableGrid grid;
    std::vector<const NarrativeNode*> rows;
    for (const auto& part : table.children) {
        if (part.kind == NodeKind::caption) {
            if (!grid.caption) grid.caption = &part;
        } else if (part.kind == NodeKind::tr) {
            rows.push_back(&part), grid.header_rows.push_back(false);
        } else {
            for (const auto& row : part.children)
                if (row.kind == NodeKind::tr) rows.push_back(&row), grid.header_rows.push_back(part.kind == NodeKind::thead);
        }
    }
    max_columns = std::max(1u, max_columns);
    std::vector<std::size_t> covered_through(max_columns, 0);   // row index + 1 a span above reaches; 0: none
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::vector<GridCell> placed;
        unsigned column = 0;
        for (const auto& cell : rows[r]->children) {
            if (!is_cell(cell)) continue;
            while (column < max_columns && covered_through[column] > r) ++column;
            if (column >= max_columns) break;
            GridCell g{&cell, column, std::min(std::max(1u, cell.colspan), max_columns - column),
                       static_cast<unsigned>(std::min<std::size_t>(std::max(1u, cell.rowspan), rows.size() - r))};
            for (unsigned c = column; c < column + g.columns; ++c) covered_through[c] = std::max(covered_through[c], r + g.rows);
            column += g.columns;
            grid.columns = std::max(grid.columns, column);
            placed.push_back(g);
        }
        grid.rows.push_back(std::move(placed));
    }
    for (std::size_t c = 0; c < max_columns; ++c)   // a rowspan can reach past the last cell of later rows
        if (covered_through[c] > 0) grid.columns = std::max(grid.columns, static_cast<unsigned>(c + 1));
    return grid;
}

}  // namespace ssmix::cda
