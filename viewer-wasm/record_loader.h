// viewer-wasm/record_loader.h — gathers the disc's SS-MIX2 messages (SSMIX2/ in the viewer data)
// as their chunks arrive and then builds the patient's clinical record from them with the same
// core code as `ssmix show`. The messages are kept in memory once read: a patient's messages
// are small, and the bundle's chunk cache may drop their chunk while images load. A disc
// without messages may be given them later in a picked folder: another vendor's SSMIX2/ or a
// bare storage tree, recognised by the storage's own layout (<hash>/<ID>/<date>/<type>/<file>);
// only one patient's, never merged with a record already shown.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/file_source.h"
#include "core/clinical/record.h"

namespace ssmix::viewer {

class RecordLoader {
public:
    explicit RecordLoader(FileSource& disc);

    // Reads what has arrived; builds the record when every message is in. Files that cannot be
    // read are added to `problems`.
    void update(std::vector<std::string>& problems);
    // After files were picked or dropped: their SS-MIX2 messages become the record when there
    // is none yet and they are one patient's (several patients' are named in `problems`).
    void files_added(std::vector<std::string>& problems);

    [[nodiscard]] bool done() const { return done_; }
    [[nodiscard]] const clinical::ClinicalRecord* record() const { return record_ ? &*record_ : nullptr; }

private:
    class Messages final : public FileSource {
    public:
        std::map<std::string, Bytes> files;
        [[nodiscard]] std::vector<FileEntry> list() const override;
        [[nodiscard]] FileRead read(const std::string& path) override;
    };

    FileSource& disc_;
    std::string prefix_;                   // the storage's folder in the file source ("SSMIX2/" on our discs)
    std::vector<std::string> to_read_;
    std::size_t read_ = 0;
    Messages messages_;
    std::optional<clinical::ClinicalRecord> record_;
    bool done_ = false;
};

}  // namespace ssmix::viewer
