// core/cda/render_text.cpp — the same content as the HTML, as plain text: section titles
// underlined, lists with bullets or numbers, table rows with " | ", deleted text marked.
#include <algorithm>

#include "core/cda/render.h"
#include "core/cda/document_summary.h"

namespace ssmix::cda {
namespace {

class TextWriter {
public:
    explicit TextWriter(const Document& document) : d_(document) {}

    std::string write() {
        line(document_title(d_));
        line(std::string(40, '='));
        for (const auto& [label, value] : header_rows(d_)) line(label + ": " + value);
        for (const auto& s : d_.sections) section(s, 0);
        if (d_.non_xml_body) {
            const auto& body = *d_.non_xml_body;
            line();
            if (body.media_type.starts_with("text/plain") && !body.bytes.empty()) out_ += std::string(as_text(body.bytes)) + "\n";
            else if (!body.bytes.empty()) line("[" + body.media_type + " の文書、" + std::to_string(body.bytes.size()) + " バイト]");
            else if (!body.reference.empty()) line("[本文は文書の外のファイル " + body.reference + " を参照しています（読み込みません）]");
        }
        return std::move(out_);
    }

private:
    void line(const std::string& text = "") { out_ += text + "\n"; }

    void section(const Section& s, int depth) {
        line();
        const std::string title = !s.title.empty() ? s.title : !s.code.display.empty() ? s.code.display : "（表題なし）";
        line(std::string(static_cast<std::size_t>(depth) * 2, ' ') + title);
        line(std::string(static_cast<std::size_t>(depth) * 2, ' ') + std::string(std::min<std::size_t>(title.size(), 40), depth == 0 ? '-' : '.'));
        indent_ = static_cast<std::size_t>(depth) * 2;
        block(s.text);
        flush();
        for (const auto& inner : s.sections) section(inner, depth + 1);
    }

    void flush() {
        std::string collapsed;
        for (char c : pending_) {
            const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
            if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
            collapsed += space ? ' ' : c;
        }
        while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
        if (!collapsed.empty()) line(std::string(indent_, ' ') + prefix_ + collapsed);
        pending_.clear();
        prefix_.clear();
    }

    void block(const std::vector<NarrativeNode>& nodes) {
        for (const auto& n : nodes) node(n);
    }

    void node(const NarrativeNode& n) {
        switch (n.kind) {
            case NodeKind::text: pending_ += n.text; break;
            case NodeKind::br: flush(); break;
            case NodeKind::paragraph:
            case NodeKind::caption:
                flush();
                block(n.children);
                flush();
                break;
            case NodeKind::list: {
                flush();
                int number = 0;
                for (const auto& item : n.children) {
                    if (item.kind != NodeKind::item) continue;
                    prefix_ = n.ordered ? std::to_string(++number) + ". " : "・";
                    block(item.children);
                    flush();
                }
                break;
            }
            case NodeKind::tr: {
                flush();
                std::string row;
                for (const auto& cell : n.children) {
                    if (cell.kind != NodeKind::th && cell.kind != NodeKind::td) continue;   // whitespace between cells
                    TextWriter inner(d_);
                    inner.block(cell.children);
                    inner.flush();
                    std::string text = inner.out_;
                    while (!text.empty() && text.back() == '\n') text.pop_back();
                    std::replace(text.begin(), text.end(), '\n', ' ');
                    row += (row.empty() ? "" : " | ") + text;
                }
                line(std::string(indent_, ' ') + row);
                break;
            }
            case NodeKind::content:
                if (n.deleted) pending_ += "［削除: ";
                block(n.children);
                if (n.deleted) pending_ += "］";
                break;
            case NodeKind::footnote:
                pending_ += "［注: ";
                block(n.children);
                pending_ += "］";
                break;
            case NodeKind::multimedia:
                pending_ += "［画像";
                if (!n.children.empty()) pending_ += ": ";
                for (const auto& c : n.children) block(c.children);
                pending_ += "］";
                break;
            case NodeKind::sup:
                pending_ += "^";
                block(n.children);
                break;
            case NodeKind::footnote_ref:
            case NodeKind::col: break;
            default: block(n.children);   // table parts, item, sub, sup, link
        }
    }

    const Document& d_;
    std::string out_, pending_, prefix_;
    std::size_t indent_ = 0;
};

}  // namespace

std::string render_text(const Document& document) { return TextWriter(document).write(); }

}  // namespace ssmix::cda
