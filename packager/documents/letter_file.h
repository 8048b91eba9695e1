// packager/documents/letter_file.h — the sending doctor's part of a referral letter, in a small TOML file
// (format in README.md, "ssmix referral"): free-text sections at the top, [from] and [to]
// tables for the sender and the recipient. Unknown keys and wrong types are errors with their
// line, so a misspelt key never silently drops a paragraph.
#pragma once

#include <filesystem>

#include "core/base/diagnostic.h"
#include "core/cda/referral.h"

namespace ssmix::packager {

[[nodiscard]] Parsed<cda::ReferralLetter> read_letter_file(const std::filesystem::path& path);

}  // namespace ssmix::packager
