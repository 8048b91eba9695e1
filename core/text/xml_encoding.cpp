// core/text/xml_encoding.cpp — sniff, decode, rewrite the declaration. Names of encodings are
// compared without case, with the aliases Japanese systems write (IANA's and Java's).
#include "core/text/xml_encoding.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <optional>

#include "core/text/byte_decoders.h"
#include "core/text/iso2022jp.h"

namespace ssmix::text {
namespace {

enum class Kind { utf8, utf16le, utf16be, shift_jis, windows_31j, euc_jp, iso2022jp, latin1 };

const char* name_of(Kind kind) {
    switch (kind) {
    case Kind::utf8: return "UTF-8";
    case Kind::utf16le: return "UTF-16LE";
    case Kind::utf16be: return "UTF-16BE";
    case Kind::shift_jis: return "Shift_JIS";
    case Kind::windows_31j: return "Windows-31J";
    case Kind::euc_jp: return "EUC-JP";
    case Kind::iso2022jp: return "ISO-2022-JP";
    case Kind::latin1: return "ISO-8859-1";
    }
    return "";
}

bool is_utf16(Kind kind) { return kind == Kind::utf16le || kind == Kind::utf16be; }

std::optional<Kind> kind_of(std::string label) {
    std::transform(label.begin(), label.end(), label.begin(), [](unsigned char c) { return std::tolower(c); });
    auto any = [&](std::initializer_list<std::string_view> names) { return std::find(names.begin(), names.end(), label) != names.end(); };
    if (any({"utf-8", "utf8", "us-ascii", "ascii"})) return Kind::utf8;   // ASCII is UTF-8's first half
    if (any({"utf-16", "utf-16le", "utf-16be", "iso-10646-ucs-2", "ucs-2"})) return Kind::utf16le;   // the BOM says which
    if (any({"shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis"})) return Kind::shift_jis;
    if (any({"windows-31j", "cp932", "ms932", "x-ms-cp932", "cswindows31j"})) return Kind::windows_31j;
    if (any({"euc-jp", "eucjp", "x-euc-jp", "eucjp-ms", "cseucpkdfmtjapanese"})) return Kind::euc_jp;
    if (any({"iso-2022-jp", "csiso2022jp"})) return Kind::iso2022jp;
    if (any({"iso-8859-1", "iso_8859-1", "latin1", "l1", "cp819", "iso-ir-100", "csisolatin1"})) return Kind::latin1;
    return std::nullopt;
}

struct Declaration {
    std::string label;
    std::size_t value_at = 0;   // offset of the label's first character in the text
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The encoding pseudo-attribute of an <?xml ... ?> declaration at the start of the text.
std::optional<Declaration> declaration_of(std::string_view text) {
    if (text.size() < 6 || !text.starts_with("<?xml") || !is_space(text[5])) return std::nullopt;
    const std::string_view declaration = text.substr(0, text.find("?>"));
    for (std::size_t at = declaration.find("encoding"); at != std::string_view::npos; at = declaration.find("encoding", at + 1)) {
        if (!is_space(declaration[at - 1])) continue;
        std::size_t k = at + 8;
        while (k < declaration.size() && is_space(declaration[k])) ++k;
        if (k >= declaration.size() || declaration[k] != '=') continue;
        ++k;
        while (k < declaration.size() && is_space(declaration[k])) ++k;
        if (k >= declaration.size() || (declaration[k] != '"' && declaration[k] != '\'')) return std::nullopt;
        const std::size_t close = declaration.find(declaration[k], k + 1);
        if (close == std::string_view::npos) return std::nullopt;   // the parser reports it
        return Declaration{std::string(declaration.substr(k + 1, close - k - 1)), k + 1};
    }
    return std::nullopt;
}

// Kind from the first bytes alone (BOM, or "<?" in UTF-16), with the BOM's length.
struct Sniffed {
    std::optional<Kind> kind;
    std::size_t bom = 0;
    bool utf32 = false;
};

Sniffed sniff(ByteView b) {
    auto starts = [&](std::initializer_list<std::uint8_t> prefix) {
        return b.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), b.begin());
    };
    if (starts({0x00, 0x00, 0xFE, 0xFF}) || starts({0xFF, 0xFE, 0x00, 0x00}) || starts({0x00, 0x00, 0x00, 0x3C}) ||
        starts({0x3C, 0x00, 0x00, 0x00}))
        return {std::nullopt, 0, true};
    if (starts({0xEF, 0xBB, 0xBF})) return {Kind::utf8, 3};
    if (starts({0xFF, 0xFE})) return {Kind::utf16le, 2};
    if (starts({0xFE, 0xFF})) return {Kind::utf16be, 2};
    if (starts({0x3C, 0x00, 0x3F, 0x00})) return {Kind::utf16le, 0};
    if (starts({0x00, 0x3C, 0x00, 0x3F})) return {Kind::utf16be, 0};
    return {};
}

Decoding decode_as(Kind kind, ByteView bytes, const std::string& file, std::size_t base) {
    switch (kind) {
    case Kind::utf8: return check_utf8(bytes);
    case Kind::utf16le: return decode_utf16(bytes, std::endian::little);
    case Kind::utf16be: return decode_utf16(bytes, std::endian::big);
    case Kind::shift_jis: return decode_shift_jis(bytes, ShiftJisFlavour::jis);
    case Kind::windows_31j: return decode_shift_jis(bytes, ShiftJisFlavour::windows);
    case Kind::euc_jp: return decode_euc_jp(bytes);
    case Kind::latin1: return decode_latin1(bytes);
    case Kind::iso2022jp: {
        // The HL7 decoder, which goes on after a problem: its first error is ours. Its warnings
        // (CP932 characters, half-width kana) concern SS-MIX2 storage, not a document.
        auto decoded = decode_iso2022jp(bytes, Place{file, 0, ""}, base);
        Decoding out;
        for (const auto& d : decoded.diagnostics)
            if (d.severity == Severity::error) {
                const auto at = d.place.where.rfind("byte ");
                const std::size_t offset = at == std::string::npos ? base : std::stoul(d.place.where.substr(at + 5));
                out.failure = ByteProblem{offset - base, d.message};
                return out;
            }
        out.utf8 = std::move(decoded.utf8);
        return out;
    }
    }
    return {};
}

Place at_byte(const std::string& file, std::uint32_t line, std::size_t offset) {
    return {file, line, "byte " + std::to_string(offset)};
}

}  // namespace

Parsed<XmlText> decode_xml(ByteView bytes, const std::string& file) {
    Parsed<XmlText> result;
    const Sniffed sniffed = sniff(bytes);
    if (sniffed.utf32) {
        result.diagnostics.push_back(error(at_byte(file, 1, 0), "xml.encoding.unsupported",
                                           "the document is in UTF-32, which is not read (UTF-8, UTF-16, Shift_JIS, "
                                           "Windows-31J, EUC-JP and ISO-2022-JP are)"));
        return result;
    }
    const ByteView body = bytes.subspan(sniffed.bom);
    Kind kind = sniffed.kind.value_or(Kind::utf8);
    bool declared = sniffed.kind.has_value();   // a BOM (or UTF-16 "<?") says as much as a declaration
    if (!sniffed.kind || !is_utf16(*sniffed.kind)) {
        // One byte per ASCII character: the declaration can be read before decoding.
        if (const auto declaration = declaration_of(as_text(body))) {
            const std::size_t at = sniffed.bom + declaration->value_at;
            const auto named = kind_of(declaration->label);
            if (!named) {
                result.diagnostics.push_back(error(at_byte(file, 1, at), "xml.encoding.unsupported",
                                                   "the declared encoding \"" + declaration->label +
                                                       "\" is not read (UTF-8, UTF-16, Shift_JIS, Windows-31J, EUC-JP, "
                                                       "ISO-2022-JP and ISO-8859-1 are)"));
                return result;
            }
            if (is_utf16(*named)) {
                result.diagnostics.push_back(error(at_byte(file, 1, at), "xml.encoding.invalid",
                                                   "the document declares UTF-16, but its bytes are not UTF-16 (no byte order "
                                                   "mark, and the declaration itself is one byte per character)"));
                return result;
            }
            if (sniffed.kind && *named != Kind::utf8)
                result.diagnostics.push_back(warning(at_byte(file, 1, at), "xml.encoding.bom_mismatch",
                                                     "the document declares " + declaration->label +
                                                         " but starts with a UTF-8 byte order mark: read as UTF-8"));
            if (!sniffed.kind) kind = *named;
            declared = true;
        }
    }

    Decoding decoded = decode_as(kind, body, file, sniffed.bom);
    if (decoded.failure) {
        const std::size_t offset = sniffed.bom + decoded.failure->offset;
        // My decoders stop at the failure, so the text before it counts the lines; the
        // ISO-2022-JP one goes on, but it is 7-bit: its newlines are 0x0A bytes.
        const auto newlines = kind == Kind::iso2022jp
                                  ? std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), 0x0A)
                                  : std::count(decoded.utf8.begin(), decoded.utf8.end(), '\n');
        const auto line = static_cast<std::uint32_t>(1 + newlines);
        if (declared)
            result.diagnostics.push_back(error(at_byte(file, line, offset), "xml.encoding.invalid",
                                               std::string("the bytes do not decode as the declared ") + name_of(kind) + ": " +
                                                   decoded.failure->message));
        else
            result.diagnostics.push_back(error(at_byte(file, line, offset), "xml.encoding.undeclared",
                                               "not UTF-8 and no encoding declared: " + decoded.failure->message +
                                                   " (a Shift_JIS document must say so: <?xml version=\"1.0\" encoding=\"Shift_JIS\"?>)"));
        return result;
    }
    for (const auto& replaced : decoded.replaced)
        result.diagnostics.push_back(warning(at_byte(file, 0, sniffed.bom + replaced.offset), "xml.encoding.gaiji", replaced.message));

    if (const auto declaration = declaration_of(decoded.utf8)) {
        if (is_utf16(kind) && kind_of(declaration->label).value_or(Kind::utf16le) != Kind::utf16le)
            result.diagnostics.push_back(warning(at_byte(file, 1, 0), "xml.encoding.bom_mismatch",
                                                 "the document declares " + declaration->label +
                                                     " but its bytes are UTF-16 (byte order mark): read as UTF-16"));
        decoded.utf8.replace(declaration->value_at, declaration->label.size(), "UTF-8");
    }
    result.value = XmlText{std::move(decoded.utf8), name_of(kind)};
    return result;
}

}  // namespace ssmix::text
