// core/text/xml_encoding.h — an XML document's bytes as the UTF-8 text its parser reads. The
// byte order mark and the declaration's encoding="..." pick the decoder (XML 1.0 §4.3.3 and
// Appendix F); the declaration in the text is rewritten to say UTF-8. The bytes are not
// changed: callers keep them as they are for the disc and decode again wherever they read.
#pragma once

#include <string>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"

namespace ssmix::text {

struct XmlText {
    std::string utf8;       // without a byte order mark; any declaration says encoding="UTF-8"
    std::string encoding;   // what the bytes were read as: "UTF-8", "Shift_JIS", "UTF-16LE" ...
};

// Reads UTF-8 (with or without a declaration or BOM), UTF-16 (with a BOM, or starting "<?" in
// UTF-16), and as declared: Shift_JIS, Windows-31J (CP932, MS932), EUC-JP, ISO-2022-JP,
// ISO-8859-1, US-ASCII. No value and an error naming `file`, the line and "byte N" when the
// bytes do not decode as declared (xml.encoding.invalid), are not UTF-8 and declare nothing
// (xml.encoding.undeclared), or declare another encoding (xml.encoding.unsupported).
[[nodiscard]] Parsed<XmlText> decode_xml(ByteView bytes, const std::string& file);

}  // namespace ssmix::text
