// bench/hl7_parse/hl7_parse_bench.cpp — our side of the HL7 benchmark (run.sh compares it with
// python3-hl7 and Medplum). Modes, each printing "<messages> <seconds>":
//   read        read the corpus file and find the message boundaries: merely reading the bytes
//   parse       read, then parse_message() every message (segments and fields located)
//   parse-text  read, parse, and decode every component to UTF-8, as the other parsers do
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/hl7/field.h"
#include "core/hl7/parse.h"

namespace {

std::vector<ssmix::ByteView> split(const ssmix::Bytes& corpus) {
    std::vector<ssmix::ByteView> messages;
    const std::uint8_t* at = corpus.data();
    const std::uint8_t* end = at + corpus.size();
    while (at < end) {
        const auto* stop = static_cast<const std::uint8_t*>(std::memchr(at, 0x1C, static_cast<std::size_t>(end - at)));
        if (!stop) stop = end;
        if (stop - at > 2) messages.emplace_back(at, static_cast<std::size_t>(stop - at));
        at = stop + 2;
    }
    return messages;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: hl7_parse_bench read|parse|parse-text CORPUS\n");
        return 2;
    }
    const std::string mode = argv[1];
    const auto start = std::chrono::steady_clock::now();
    std::FILE* file = std::fopen(argv[2], "rb");
    if (!file) return 2;
    std::fseek(file, 0, SEEK_END);
    ssmix::Bytes corpus(static_cast<std::size_t>(std::ftell(file)));
    std::fseek(file, 0, SEEK_SET);
    if (std::fread(corpus.data(), 1, corpus.size(), file) != corpus.size()) return 2;
    std::fclose(file);
    const auto messages = split(corpus);
    std::size_t work = 0;
    if (mode == "parse" || mode == "parse-text") {
        for (const auto& bytes : messages) {
            auto parsed = ssmix::hl7::parse_message(bytes, "corpus");
            if (!parsed.value) continue;
            const auto& m = *parsed.value;
            work += m.segments().size();
            if (mode != "parse-text") continue;
            for (const auto& segment : m.segments())
                for (std::size_t n = 1; n < segment.fields.size(); ++n)
                    m.field(segment, n).for_each_repetition([&](const ssmix::hl7::FieldView& repetition) {
                        repetition.for_each_component([&](const ssmix::hl7::FieldView& c) { work += c.text().size(); });
                    });
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%zu %.6f\n", messages.size(), seconds);
    return work == 0 && mode != "read" ? 1 : 0;
}
