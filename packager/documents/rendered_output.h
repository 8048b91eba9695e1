// packager/documents/rendered_output.h — what `ssmix cda render` and `ssmix fhir render` print:
// a document as an HTML page or plain text (core/cda/render.h), to a file (atomically) or to
// standard output.
#pragma once

#include <filesystem>
#include <string>

#include "core/cda/document.h"

namespace ssmix::packager {

// `format` is "html" or "text"; an empty `output` means standard output. exit_ok, or
// exit_data_problem when the file cannot be written (said on stderr, named by `command`).
[[nodiscard]] int write_rendered(const cda::Document& document, const std::string& format, const std::filesystem::path& output,
                                 const char* command);

}  // namespace ssmix::packager
