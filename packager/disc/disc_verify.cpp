// packager/disc/disc_verify.cpp — four independent checks over one listing of the disc.
#include "packager/disc/disc_verify.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "core/base/sha1.h"
#include "core/base/sha256.h"
#include "core/base/disc_names.h"
#include "core/bundle/bundle_files.h"
#include "core/bundle/chunk_script.h"
#include "core/bundle/manifest.h"
#include "core/dicom/dataset.h"
#include "core/dicom/dicomdir.h"
#include "core/dicom/instance.h"
#include "core/cda/xdm_metadata.h"
#include "core/dicom/instance_index.h"
#include "packager/disc/checksums.h"

namespace ssmix::packager {
namespace {

class Verifier {
public:
    Verifier(FileSource& disc, const FileSource* plain, const std::string& name) : disc_(disc), plain_(plain), name_(name) {}

    DiscVerification run() {
        for (const auto& entry : disc_.list()) paths_.insert(entry.path);
        result_.paths.assign(paths_.begin(), paths_.end());
        check_names();
        check_checksums();
        check_dicomdir();
        check_xdm();
        check_bundle();
        return std::move(result_);
    }

private:
    void add(const std::string& where, std::string code, std::string message) {
        result_.findings.push_back(error({name_, 0, where}, std::move(code), std::move(message)));
    }

    Bytes read(const std::string& path) {
        auto file = disc_.read(path);
        if (file.status != ReadStatus::ready) {
            add(path, "verify.unreadable", "cannot read the file");
            return {};
        }
        return std::move(file.bytes);
    }

    void check_names() {
        for (const auto& path : paths_) {
            std::string upper = path;
            for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (upper.starts_with("AUTORUN")) add(path, "verify.autorun", "an AUTORUN file (IHE XDM forbids it; a known trouble source)");
            if (path.starts_with(disc::ssmix2_folder)) continue;   // SS-MIX2 names are kept; Joliet/Rock Ridge carry them
            if (!disc::is_level1_path(path)) add(path, "verify.name", "not an ISO 9660 level-1 name (8.3, upper case)");
        }
        if (!plain_) return;
        std::set<std::string> plain;
        for (const auto& entry : plain_->list()) plain.insert(entry.path);
        for (const auto& path : paths_)
            if (!path.starts_with(disc::ssmix2_folder) && !plain.count(path))
                add(path, "verify.iso9660_name", "an ISO 9660-only reader does not see this file under this name");
    }

    void check_checksums() {
        const std::string list_name(disc::checksums);
        if (!paths_.count(list_name)) {
            add(list_name, "verify.checksums.missing", "there is no SHA256.TXT");
            return;
        }
        const Bytes text = read(list_name);
        const auto digests = parse_checksums(as_text(text));
        if (!digests) {
            add(list_name, "verify.checksums.format", "a line is not \"<sha256>  <path>\"");
            return;
        }
        for (const auto& [path, digest] : *digests) {
            if (!paths_.count(path)) {
                add(path, "verify.checksums.missing_file", "listed in SHA256.TXT but not on the disc");
                continue;
            }
            if (sha256_hex(read(path)) != digest) add(path, "verify.checksums.mismatch", "SHA-256 differs from SHA256.TXT");
        }
        for (const auto& path : paths_)
            if (path != list_name && !digests->count(path)) add(path, "verify.checksums.unlisted", "not listed in SHA256.TXT");
    }

    void check_dicomdir() {
        std::set<std::string> dicom_files;
        for (const auto& path : paths_)
            if (path.starts_with(disc::dicom_folder)) dicom_files.insert(path);
        const std::string dicomdir(disc::dicomdir);
        if (!paths_.count(dicomdir)) {
            if (!dicom_files.empty()) add(dicomdir, "verify.dicomdir.missing", "DICOM files but no DICOMDIR");
            return;
        }
        auto entries = dicom::read_dicomdir(read(dicomdir), dicomdir);
        for (auto& d : entries.diagnostics) {
            d.place.file = name_;
            result_.findings.push_back(d);
        }
        if (!entries.value) return;
        std::set<std::string> referenced;
        for (const auto& entry : *entries.value) {
            ++result_.dicom_references;
            referenced.insert(entry.file);
            if (!paths_.count(entry.file)) {
                add(entry.file, "verify.dicomdir.unresolved", "referenced by the DICOMDIR but not on the disc");
                continue;
            }
            const dicom::Instance* instance = describe_file(entry.file);
            if (!instance) add(entry.file, "verify.dicom.unreadable", "not a readable DICOM file");
            else if (instance->sop_instance_uid != entry.sop_instance_uid)
                add(entry.file, "verify.dicomdir.uid_mismatch",
                    "SOP Instance UID " + instance->sop_instance_uid + " differs from the DICOMDIR's " + entry.sop_instance_uid);
        }
        for (const auto& path : dicom_files)
            if (!referenced.count(path)) add(path, "verify.dicomdir.unreferenced", "a DICOM file the DICOMDIR does not reference");
    }

    // Each IHE_XDM submission set: METADATA.XML is well-formed, and every DocumentEntry's URI
    // names a file beside it whose size and SHA-1 are those the entry states.
    void check_xdm() {
        std::set<std::string> folders;
        for (const auto& path : paths_)
            if (path.starts_with("IHE_XDM/") && std::count(path.begin(), path.end(), '/') == 2) folders.insert(path.substr(0, path.rfind('/') + 1));
        for (const auto& folder : folders) {
            const std::string metadata_path = folder + "METADATA.XML";
            if (!paths_.count(metadata_path)) {
                add(metadata_path, "verify.xdm.no_metadata", "a submission set folder without METADATA.XML");
                continue;
            }
            auto entries = cda::read_xdm_entries(read(metadata_path), metadata_path);
            if (!entries.value) {
                add(metadata_path, "verify.xdm.xml", entries.diagnostics.front().message);
                continue;
            }
            for (const auto& entry : *entries.value) {
                const std::string file = folder + entry.uri;
                if (entry.uri.empty() || !paths_.count(file)) {
                    add(metadata_path, "verify.xdm.unresolved", "a DocumentEntry's URI \"" + entry.uri + "\" names no file beside it");
                    continue;
                }
                const Bytes document = read(file);
                if (entry.size != std::to_string(document.size()))
                    add(file, "verify.xdm.size", "size " + std::to_string(document.size()) + ", METADATA.XML says " + entry.size);
                if (entry.hash != sha1_hex(document)) add(file, "verify.xdm.hash", "SHA-1 differs from METADATA.XML's hash");
                ++result_.xdm_documents;
            }
        }
    }

    void check_bundle() {
        const std::string manifest_path = std::string(disc::manifest);
        if (!paths_.count(manifest_path)) {
            add(manifest_path, "verify.bundle.missing", "the viewer's data manifest is missing");
            return;
        }
        const Bytes script = read(manifest_path);
        const std::string_view text = as_text(script);
        const auto open = text.find('{'), close = text.rfind('}');
        auto manifest = open == std::string_view::npos || close == std::string_view::npos
                            ? Parsed<bundle::Manifest>{}
                            : bundle::parse_manifest_json(text.substr(open, close - open + 1), manifest_path);
        if (!manifest.value) {
            add(manifest_path, "verify.bundle.manifest", "MANIFEST.JS cannot be read");
            return;
        }
        // Chunks as the browser would load them, decoded from their script text.
        struct Chunks final : bundle::ChunkProvider {
            Verifier& verifier;
            std::map<std::uint32_t, Bytes> loaded;
            std::map<std::uint32_t, std::size_t> broken;   // chunk -> files in it left unchecked
            explicit Chunks(Verifier& v) : verifier(v) {}
            const Bytes* payload(std::uint32_t chunk) override {
                auto it = loaded.find(chunk);
                if (it != loaded.end()) return &it->second;
                const std::string path = std::string(disc::viewer_data_folder) + bundle::chunk_file_name(chunk);
                auto parsed = bundle::parse_chunk_script(as_text(verifier.read(path)));
                if (!parsed || parsed->chunk != chunk) {
                    verifier.add(path, "verify.bundle.chunk", "not a chunk script for chunk " + std::to_string(chunk));
                    broken[chunk] = 0;
                }
                return &(loaded[chunk] = parsed ? std::move(parsed->payload) : Bytes{});
            }
        } chunks(*this);
        bundle::BundleFiles files(*manifest.value, chunks, bundle::ContentCheck::sha256, manifest_path);
        for (const auto& entry : manifest.value->files) {
            ++result_.bundled_files;
            if (!paths_.count(entry.path)) {
                add(entry.path, "verify.bundle.no_such_file", "in the viewer's data but not on the disc");
                continue;
            }
            const FileRead bundled = files.read(entry.path);
            if (bundled.status != ReadStatus::ready && chunks.broken.count(entry.first_chunk)) {
                ++chunks.broken[entry.first_chunk];   // one finding for the chunk, not one per file
                continue;
            }
            if (bundled.status != ReadStatus::ready) {
                add(entry.path, "verify.bundle.corrupt", bundled.diagnostics.empty() ? "cannot be read from the chunks" : bundled.diagnostics[0].message);
                continue;
            }
            if (bundled.bytes != read(entry.path)) add(entry.path, "verify.bundle.differs", "the viewer's copy differs from the file on the disc");
        }
        for (const auto& [chunk, unchecked] : chunks.broken)
            if (unchecked > 0)
                add(std::string(disc::viewer_data_folder) + bundle::chunk_file_name(chunk), "verify.bundle.unchecked",
                    std::to_string(unchecked) + " file(s) of the viewer data start in this broken chunk and cannot be read from it");
        for (std::uint32_t chunk = 0; chunk < manifest.value->chunk_sizes.size(); ++chunk)
            if (!paths_.count(std::string(disc::viewer_data_folder) + bundle::chunk_file_name(chunk)))
                add(std::string(disc::viewer_data_folder) + bundle::chunk_file_name(chunk), "verify.bundle.chunk_missing", "a chunk script is missing");
        check_image_index(*manifest.value, manifest_path);
    }

    // The manifest's image index (what the viewer lists before reading any image) must say what
    // the files themselves say: same instance, series, study, transfer syntax and frame count.
    void check_image_index(const bundle::Manifest& manifest, const std::string& manifest_path) {
        if (manifest.images_json.empty()) return;
        auto index = dicom::parse_instance_index(manifest.images_json, manifest_path);
        if (!index.value) {
            add(manifest_path, "verify.bundle.images", index.diagnostics.front().message);
            return;
        }
        std::set<std::string> bundled;
        for (const auto& file : manifest.files) bundled.insert(file.path);
        for (const auto& entry : *index.value) {
            if (!bundled.count(entry.path)) {
                add(entry.path, "verify.bundle.images", "in the viewer's image index but not in its data");
                continue;
            }
            const dicom::Instance* actual = describe_file(entry.path);
            const dicom::Instance& said = entry.instance;
            if (!actual || actual->sop_instance_uid != said.sop_instance_uid || actual->series_uid != said.series_uid ||
                actual->study_uid != said.study_uid || actual->transfer_syntax_uid != said.transfer_syntax_uid ||
                actual->frames != said.frames)
                add(entry.path, "verify.bundle.images", "the viewer's image index does not describe this file as it is");
        }
    }

    // A disc file's DICOM header, read once (the DICOMDIR and the image index both need it);
    // null when it is not readable DICOM.
    const dicom::Instance* describe_file(const std::string& path) {
        auto [it, added] = described_.try_emplace(path);
        if (added) {
            auto dataset = dicom::read_dataset(read(path), path);
            if (dataset.value) it->second = dicom::describe(*dataset.value).value;
        }
        return it->second ? &*it->second : nullptr;
    }

    FileSource& disc_;
    const FileSource* plain_;
    std::map<std::string, std::optional<dicom::Instance>> described_;
    std::string name_;
    std::set<std::string> paths_;
    DiscVerification result_;
};

}  // namespace

DiscVerification verify_disc(FileSource& disc, const FileSource* plain_names, const std::string& display_name) {
    return Verifier(disc, plain_names, display_name).run();
}

}  // namespace ssmix::packager
