// tests/fuzz/dicom_text.cpp — fuzzes core/dicom/text: a string value of a file from another
// vendor decoded by any Specific Character Set (the input's first line), which must give valid
// UTF-8; that UTF-8 (without control characters) encoded again the way Japanese equipment
// writes it and decoded by the character set the encoder names must give it back (a Windows or
// Latin-1 look-alike as the JIS character it is written as), unless something could not be
// encoded.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/dicom/text.h"
#include "core/text/jis_map.h"
#include "core/text/utf8.h"

namespace {

// Valid UTF-8 reads back as itself; an invalid byte would read as U+FFFD, one byte at a time.
bool is_valid_utf8(std::string_view text) {
    std::string again;
    for (std::size_t at = 0; at < text.size();) ssmix::text::append_utf8(again, ssmix::text::next_code_point(text, at));
    return again == text;
}

// The text with each character JIS X 0208 holds in the form its table decodes to: the encoder
// writes a look-alike Windows or Latin-1 character (～ for 〜, ¥ for ￥) as the one JIS character.
std::string as_jis_reads_it(std::string_view text) {
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        char32_t cp = ssmix::text::next_code_point(text, at);
        if (const auto jis = cp >= 0x80 ? ssmix::text::unicode_to_jis(cp) : std::nullopt)
            if (const auto read = ssmix::text::jis_to_unicode(static_cast<std::uint8_t>(*jis >> 8), static_cast<std::uint8_t>(*jis & 0xFF))) cp = read->cp;
        ssmix::text::append_utf8(out, cp);
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = input.find('\n');
    const std::string_view charset = newline == std::string_view::npos ? std::string_view{} : input.substr(0, newline);
    const std::string_view value = newline == std::string_view::npos ? input : input.substr(newline + 1);
    const std::string utf8 = ssmix::dicom::to_utf8(value, charset);
    if (!is_valid_utf8(utf8)) __builtin_trap();
    (void)ssmix::dicom::display_person_name(utf8);
    // Control characters (ESC above all) are not text a name or a description carries: the
    // round trip is asked of the rest.
    for (const char c : utf8)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return 0;
    const auto encoded = ssmix::dicom::from_utf8(utf8);
    if (encoded.unencodable.empty() && ssmix::dicom::to_utf8(encoded.value, encoded.specific_character_set) != as_jis_reads_it(utf8)) __builtin_trap();
    return 0;
}
