// core/cda/render_html.cpp — one pass over the model writing only elements from a fixed list;
// nothing from the document ever becomes markup, a URL or CSS except through this list.
#include "core/base/base64.h"
#include "core/base/html_escape.h"
#include "core/cda/render.h"
#include "core/cda/document_summary.h"
#include "core/cda/render_common.h"

namespace ssmix::cda {
namespace {

using detail::FootnoteNumbers;

bool is_shown_image(const std::string& media_type) {
    return media_type == "image/png" || media_type == "image/jpeg" || media_type == "image/gif";
}

constexpr const char* page_style = R"(body{font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic","Meiryo",sans-serif;margin:1.5em auto;max-width:50em;padding:0 1em;color:#111;line-height:1.6}
.cda h1{font-size:1.5em;margin:.2em 0 .6em}.cda h2{font-size:1.2em;border-bottom:2px solid #2b5797;margin-top:1.6em}.cda h3,.cda h4,.cda h5,.cda h6{font-size:1.05em;margin-top:1.2em}
.cda table{border-collapse:collapse;margin:.5em 0}.cda th,.cda td{border:1px solid #999;padding:.2em .5em;vertical-align:top;text-align:left}.cda th{background:#eef2f8}
.cda .header th{background:none;border:none;padding:.1em 1em .1em 0;white-space:nowrap}.cda .header td{border:none;padding:.1em 0}
.cda .b{font-weight:bold}.cda .i{font-style:italic}.cda .u{text-decoration:underline}.cda del{color:#a00}.cda ins{color:#060}
.cda .fn{font-size:.75em}.cda .footnotes{font-size:.9em;border-top:1px solid #bbb;margin-top:1em}.cda .missing{color:#a00}.cda .ref-id{font-size:.75em;color:#555}
.cda figure img{max-width:100%;height:auto}.cda nav ol{margin:.2em 0}.cda pre{white-space:pre-wrap}
@page{size:A4;margin:18mm 15mm}@media print{body{margin:0;max-width:none}.cda nav{display:none}.cda h2{break-after:avoid}.cda table,.cda figure{break-inside:avoid}})";

class HtmlWriter {
public:
    HtmlWriter(const Document& document, const HtmlOptions& options) : d_(document), prefix_(options.id_prefix) {
        for (const auto& s : d_.sections) number_footnotes(s.text);
    }

    std::string article() {
        out_ += "<article class=\"cda\" lang=\"ja\">\n<h1>" + html_escape(document_title(d_)) + "</h1>\n";
        header();
        if (d_.sections.size() > 1) contents();
        for (std::size_t i = 0; i < d_.sections.size(); ++i) section(d_.sections[i], 2, std::to_string(i + 1));
        if (d_.non_xml_body) non_xml(*d_.non_xml_body);
        out_ += "</article>\n";
        return std::move(out_);
    }

private:
    void number_footnotes(const std::vector<NarrativeNode>& nodes) {
        for (const auto& n : nodes) {
            if (n.kind == NodeKind::footnote) footnotes_.by_id.emplace_back(n.id, static_cast<int>(footnotes_.by_id.size()) + 1);
            number_footnotes(n.children);
        }
    }
    void number_footnotes(const Section& s) {
        number_footnotes(s.text);
        for (const auto& inner : s.sections) number_footnotes(inner);
    }

    std::string anchor(const std::string& id) const { return prefix_ + id; }

    void header() {
        out_ += "<table class=\"header\">\n";
        for (const auto& [label, value] : header_rows(d_)) out_ += "<tr><th>" + html_escape(label) + "</th><td>" + html_escape(value) + "</td></tr>\n";
        out_ += "</table>\n";
    }

    void contents() {
        out_ += "<nav><p>目次</p><ol>";
        for (std::size_t i = 0; i < d_.sections.size(); ++i)
            out_ += "<li><a href=\"#" + anchor("s" + std::to_string(i + 1)) + "\">" + html_escape(section_title(d_.sections[i])) + "</a></li>";
        out_ += "</ol></nav>\n";
    }

    static std::string section_title(const Section& s) {
        if (!s.title.empty()) return s.title;
        if (!s.code.display.empty()) return s.code.display;
        return "（表題なし）";
    }

    void section(const Section& s, int level, const std::string& number) {
        const std::string h = "h" + std::to_string(std::min(level, 6));
        out_ += "<section id=\"" + anchor("s" + number) + "\">\n<" + h + ">" + html_escape(section_title(s)) + "</" + h + ">\n";
        footnote_texts_.clear();
        nodes(s.text);
        if (!footnote_texts_.empty()) {
            out_ += "<ol class=\"footnotes\">";
            for (const auto& [number_of_note, html] : footnote_texts_)
                out_ += "<li value=\"" + std::to_string(number_of_note) + "\" id=\"" + anchor("fn" + std::to_string(number_of_note)) + "\">" + html + "</li>";
            out_ += "</ol>\n";
        }
        for (std::size_t i = 0; i < s.sections.size(); ++i) section(s.sections[i], level + 1, number + "-" + std::to_string(i + 1));
        out_ += "</section>\n";
    }

    void nodes(const std::vector<NarrativeNode>& list) {
        for (const auto& n : list) node(n);
    }

    std::string id_attribute(const NarrativeNode& n) const { return n.id.empty() ? "" : " id=\"" + html_escape(anchor(n.id)) + "\""; }

    void wrap(const NarrativeNode& n, const std::string& tag, const std::string& attributes = "") {
        out_ += "<" + tag + id_attribute(n) + attributes + ">";
        nodes(n.children);
        out_ += "</" + tag + ">";
    }

    void node(const NarrativeNode& n) {
        switch (n.kind) {
            case NodeKind::text: out_ += html_escape(n.text); break;
            case NodeKind::paragraph: wrap(n, "p"); out_ += "\n"; break;
            case NodeKind::content: content(n); break;
            case NodeKind::list: wrap(n, n.ordered ? "ol" : "ul"); out_ += "\n"; break;
            case NodeKind::item: wrap(n, "li"); break;
            case NodeKind::caption: wrap(n, "caption"); break;
            case NodeKind::table: wrap(n, "table"); out_ += "\n"; break;
            case NodeKind::colgroup: wrap(n, "colgroup"); break;
            case NodeKind::col: out_ += "<col>"; break;
            case NodeKind::thead: wrap(n, "thead"); break;
            case NodeKind::tbody: wrap(n, "tbody"); break;
            case NodeKind::tfoot: wrap(n, "tfoot"); break;
            case NodeKind::tr: wrap(n, "tr"); out_ += "\n"; break;
            case NodeKind::th:
            case NodeKind::td: {
                std::string spans;
                if (n.colspan > 1) spans += " colspan=\"" + std::to_string(n.colspan) + "\"";
                if (n.rowspan > 1) spans += " rowspan=\"" + std::to_string(n.rowspan) + "\"";
                wrap(n, n.kind == NodeKind::th ? "th" : "td", spans);
                break;
            }
            case NodeKind::br: out_ += "<br>"; break;
            case NodeKind::sub: wrap(n, "sub"); break;
            case NodeKind::sup: wrap(n, "sup"); break;
            case NodeKind::footnote: footnote(n); break;
            case NodeKind::footnote_ref: {
                const int number = footnotes_.find(n.target);
                if (number) out_ += "<sup class=\"fn\"><a href=\"#" + anchor("fn" + std::to_string(number)) + "\">" + std::to_string(number) + "</a></sup>";
                break;
            }
            case NodeKind::link:
                if (n.target.empty()) {
                    nodes(n.children);
                } else if (const auto colon = n.target.find(':'); colon != std::string::npos) {
                    // Not an ID in this document (IDs have no colon) but an object elsewhere, such
                    // as the image a DICOM report refers to ("dicom:<UID>"): named, not linked.
                    wrap(n, "span", " class=\"ref\"");
                    out_ += " <span class=\"ref-id\">(" + html_escape(n.target.substr(colon + 1)) + ")</span>";
                } else {
                    wrap(n, "a", " href=\"#" + html_escape(anchor(n.target)) + "\"");
                }
                break;
            case NodeKind::multimedia: multimedia(n); break;
        }
    }

    void content(const NarrativeNode& n) {
        std::string classes;
        for (const auto& style : n.styles) {
            if (style == "Bold") classes += " b";
            else if (style == "Italics" || style == "Emphasis") classes += " i";
            else if (style == "Underline") classes += " u";
        }
        const std::string tag = n.deleted ? "del" : n.inserted ? "ins" : "span";
        wrap(n, tag, classes.empty() ? "" : " class=\"" + classes.substr(1) + "\"");
    }

    void footnote(const NarrativeNode& n) {
        const int number = ++footnote_seen_;
        out_ += "<sup class=\"fn\"><a href=\"#" + anchor("fn" + std::to_string(number)) + "\">" + std::to_string(number) + "</a></sup>";
        std::string saved = std::move(out_);
        out_.clear();
        nodes(n.children);
        footnote_texts_.emplace_back(number, std::move(out_));
        out_ = std::move(saved);
    }

    void multimedia(const NarrativeNode& n) {
        out_ += "<figure>";
        std::string::size_type start = 0;
        while (start < n.target.size()) {
            const auto end = std::min(n.target.find(' ', start), n.target.size());
            const std::string id = n.target.substr(start, end - start);
            start = end + 1;
            if (id.empty()) continue;
            const auto media = d_.media.find(id);
            if (media != d_.media.end() && is_shown_image(media->second.media_type) && !media->second.bytes.empty())
                out_ += "<img alt=\"\" src=\"data:" + media->second.media_type + ";base64," + encode_base64(media->second.bytes) + "\">";
            else
                out_ += "<span class=\"missing\">［画像 " + html_escape(id) + " は文書に含まれていないため表示できません］</span>";
        }
        if (!n.children.empty()) {
            out_ += "<figcaption>";
            for (const auto& c : n.children) nodes(c.kind == NodeKind::caption ? c.children : std::vector<NarrativeNode>{c});
            out_ += "</figcaption>";
        }
        out_ += "</figure>\n";
    }

    void non_xml(const NonXmlBody& body) {
        out_ += "<section id=\"" + anchor("body") + "\">\n";
        if (body.media_type.starts_with("text/plain") && !body.bytes.empty()) {
            out_ += "<pre>" + html_escape(as_text(body.bytes)) + "</pre>\n";
        } else if (!body.bytes.empty()) {
            out_ += "<p>" + html_escape(body.media_type.empty() ? "不明な形式" : body.media_type) + " の文書（" +
                    std::to_string((body.bytes.size() + 1023) / 1024) + " KB）です。この表示では開けません。</p>\n";
        } else if (!body.reference.empty()) {
            out_ += "<p>本文は文書の外のファイル「" + html_escape(body.reference) + "」を参照しています（" + html_escape(body.media_type) +
                    "）。安全のため読み込みません。</p>\n";
        } else {
            out_ += "<p class=\"missing\">本文がありません。</p>\n";
        }
        out_ += "</section>\n";
    }

    const Document& d_;
    std::string prefix_;
    std::string out_;
    FootnoteNumbers footnotes_;
    int footnote_seen_ = 0;
    std::vector<std::pair<int, std::string>> footnote_texts_;
};

}  // namespace

const char* html_style() { return page_style; }

std::string render_html_fragment(const Document& document, const HtmlOptions& options) { return HtmlWriter(document, options).article(); }

std::string render_html_page(const Document& document, const HtmlOptions& options) {
    return "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
           html_escape(document_title(document)) + "</title>\n<style>" + page_style + "</style>\n</head>\n<body>\n" +
           render_html_fragment(document, options) + "</body>\n</html>\n";
}

}  // namespace ssmix::cda
