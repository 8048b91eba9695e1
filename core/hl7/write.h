// core/hl7/write.h — writes conformant SS-MIX2 messages: UTF-8 values are escaped, encoded as
// ISO-2022-JP (strict, see core/text), and every delimiter and CR follows an ESC ( B, so no
// reader can take half a kanji for a delimiter. MSH-1/MSH-2 are written from the delimiters.
//
//   MessageWriter w;
//   add_ssmix2_header(w, {.message_type = "ADT^A08^ADT_A01", .control_id = "1", .timestamp = "20111220224447"});
//   w.add_segment("PID");
//   w.set(3, "9999013");
//   w.set_components(5, {"患者", "太郎", "", "", "", "", "L", "I"});
//   w.set_components(5, {"カンジャ", "タロウ", "", "", "", "", "L", "P"}, 2);
//   auto written = w.finish({"new.hl7", 0, ""});
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"
#include "core/hl7/message.h"

namespace ssmix::hl7 {

class MessageWriter {
public:
    explicit MessageWriter(Delimiters delimiters = {});

    void add_segment(std::string id);
    // Sets a value of the last segment; positions are 1-based as HL7 writes them (MSH-3 is 3).
    void set(std::size_t field, std::string_view utf8, std::size_t component = 1, std::size_t repetition = 1,
             std::size_t subcomponent = 1);
    void set_components(std::size_t field, std::initializer_list<std::string_view> components, std::size_t repetition = 1);
    void set_components(std::size_t field, const std::vector<std::string>& components, std::size_t repetition = 1);

    struct Written {
        Bytes bytes;                          // segments each ended by CR
        std::vector<Diagnostic> diagnostics;  // characters that had to be changed to fit ISO-2022-JP
    };
    [[nodiscard]] Written finish(const Place& place) const;

private:
    using Component = std::vector<std::string>;        // subcomponents
    using Repetition = std::vector<Component>;
    using Field = std::vector<Repetition>;
    struct OutSegment {
        std::string id;
        std::map<std::size_t, Field> fields;
    };
    Delimiters delimiters_;
    std::vector<OutSegment> segments_;
};

struct MessageHeader {
    std::string sending_application, sending_facility, receiving_application, receiving_facility;
    std::string timestamp;          // MSH-7, YYYYMMDDHHMMSS[.SSS]
    std::string message_type;       // MSH-9, e.g. "ADT^A08^ADT_A01"
    std::string control_id;         // MSH-10
    std::string processing_id = "P";
};

// SS-MIX2's message profile (MSH-21) and character set declaration (MSH-18, MSH-20).
inline constexpr std::string_view ssmix2_profile = "SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO";

// Adds MSH with version 2.5, MSH-18 "~ISO IR87", MSH-20 "ISO 2022-1994" and MSH-21 as above.
void add_ssmix2_header(MessageWriter& writer, const MessageHeader& header);

}  // namespace ssmix::hl7
