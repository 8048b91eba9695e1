// packager/disc/readme_text.h — README.TXT in the disc's root (IHE PDI and XDM want one):
// Japanese first, then English; what the disc holds, for whom, how to open it, who made it and
// when. UTF-8 with a byte order mark and CR LF line ends, so Windows Notepad shows it right.
#pragma once

#include <string>
#include <vector>

namespace ssmix::packager {

struct DiscSummary {
    std::string patient_id, patient_name, patient_name_kana, birth_date, sex;
    std::string institution;          // who made the disc
    std::string created;              // "2026-11-26 10:23"
    std::size_t ssmix2_files = 0;
    struct Study {
        std::string date, description, modalities;
        std::size_t images = 0;
        std::string order;            // the SS-MIX2 imaging order naming it (IPC-3), if any
    };
    std::vector<Study> studies;
    struct Document {
        std::string title, date, author;
    };
    std::vector<Document> documents;  // CDA documents in IHE_XDM/
    std::vector<std::string> not_in_viewer_bundle;   // series left out of the bundle (too large)
    std::string media;                // "CD-R 650 MiB"
    std::string dicom_profile = "STD-GEN-CD";   // the DICOMDIR's media application profile
};

[[nodiscard]] std::string readme_text(const DiscSummary& summary);

}  // namespace ssmix::packager
