// packager/documents/rendered_output.cpp
#include "packager/documents/rendered_output.h"

#include <iostream>

#include "core/base/durable_file.h"
#include "core/cda/render.h"
#include "packager/support/console.h"

namespace ssmix::packager {

int write_rendered(const cda::Document& document, const std::string& format, const std::filesystem::path& output, const char* command) {
    const std::string out = format == "text" ? cda::render_text(document) : cda::render_html_page(document);
    if (output.empty()) {
        std::cout << out;
        return exit_ok;
    }
    try {
        write_file_atomic(output, as_bytes(out));
    } catch (const std::exception& e) {
        std::cerr << command << ": cannot write " << output.string() << ": " << e.what() << "\n";
        return exit_data_problem;
    }
    return exit_ok;
}

}  // namespace ssmix::packager
