// tests/unit/cda/table_grid_test.cpp — tests core/cda/table_grid.cpp: cells land where an HTML
// browser puts them, spans included, and absurd spans stay bounded.
#include <doctest/doctest.h>

#include "core/cda/table_grid.h"

using namespace ssmix::cda;

namespace {

NarrativeNode cell(NodeKind kind, const char* text, unsigned colspan = 1, unsigned rowspan = 1) {
    NarrativeNode c;
    c.kind = kind;
    c.colspan = colspan;
    c.rowspan = rowspan;
    NarrativeNode t;
    t.text = text;
    c.children.push_back(t);
    return c;
}

NarrativeNode row(std::vector<NarrativeNode> cells) {
    NarrativeNode r;
    r.kind = NodeKind::tr;
    r.children = std::move(cells);
    return r;
}

NarrativeNode part(NodeKind kind, std::vector<NarrativeNode> rows) {
    NarrativeNode p;
    p.kind = kind;
    p.children = std::move(rows);
    return p;
}

const std::string& text_of(const GridCell& g) { return g.cell->children.front().text; }

}  // namespace

TEST_CASE("table grid: row and column spans push later cells as HTML does") {
    NarrativeNode table;
    table.kind = NodeKind::table;
    table.children.push_back(part(NodeKind::thead, {row({cell(NodeKind::th, "検査", 1, 2), cell(NodeKind::th, "6月", 2)}),
                                                    row({cell(NodeKind::th, "値"), cell(NodeKind::th, "判定")})}));
    table.children.push_back(part(NodeKind::tbody, {row({cell(NodeKind::td, "HbA1c"), cell(NodeKind::td, "8.4"), cell(NodeKind::td, "H")}),
                                                    row({cell(NodeKind::td, "備考", 3)})}));
    const TableGrid grid = table_grid(table);
    REQUIRE(grid.rows.size() == 4);
    CHECK(grid.columns == 3);
    CHECK(grid.header_rows == std::vector<bool>{true, true, false, false});
    // Row 0: 検査 (2 rows) in column 0, 6月 over columns 1-2.
    CHECK(grid.rows[0][0].column == 0);
    CHECK(grid.rows[0][0].rows == 2);
    CHECK(grid.rows[0][1].column == 1);
    CHECK(grid.rows[0][1].columns == 2);
    // Row 1: column 0 is still 検査's, so 値 and 判定 go to columns 1 and 2.
    CHECK(text_of(grid.rows[1][0]) == "値");
    CHECK(grid.rows[1][0].column == 1);
    CHECK(grid.rows[1][1].column == 2);
    CHECK(grid.rows[2][2].column == 2);
    CHECK(grid.rows[3][0].columns == 3);
}

TEST_CASE("table grid: spans past the table's edge are cut, and a caption is kept apart") {
    NarrativeNode table;
    table.kind = NodeKind::table;
    NarrativeNode caption;
    caption.kind = NodeKind::caption;
    table.children.push_back(caption);
    table.children.push_back(row({cell(NodeKind::td, "a", 100000, 100000), cell(NodeKind::td, "b")}));
    table.children.push_back(row({cell(NodeKind::td, "c")}));
    const TableGrid grid = table_grid(table, 8);
    CHECK(grid.caption == &table.children[0]);
    REQUIRE(grid.rows.size() == 2);
    CHECK(grid.columns == 8);
    CHECK(grid.rows[0][0].columns == 8);
    CHECK(grid.rows[0][0].rows == 2);
    CHECK(grid.rows[0].size() == 1);   // no room left for b
    CHECK(grid.rows[1].empty());       // every column is a's
}
