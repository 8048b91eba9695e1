// core/base/disc_names.h — where things are on an SS-MIX Carry disc (DESIGN.md "Standards on
// the disc"), in one place for the packager that writes them, `ssmix verify` that checks
// them and the viewer that reads them. Every name outside SSMIX2/ is an ISO 9660 level-1
// name (8.3, upper case), as DICOM PS3.12 and IHE PDI require on CD-R media.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ssmix::disc {

inline constexpr std::string_view index_page = "INDEX.HTM";            // opens the viewer
inline constexpr std::string_view readme = "README.TXT";
inline constexpr std::string_view checksums = "SHA256.TXT";
inline constexpr std::string_view dicomdir = "DICOMDIR";
inline constexpr std::string_view dicom_folder = "DICOM/";             // DICOM/Pnnnnnnn/STnnnnnn/SEnnnnnn/IMnnnnnn
inline constexpr std::string_view ssmix2_folder = "SSMIX2/";           // the storage's own layout and names
inline constexpr std::string_view xdm_folder = "IHE_XDM/SUBSET01/";    // DOCnnnnn.XML and METADATA.XML
inline constexpr std::string_view xdm_metadata = "IHE_XDM/SUBSET01/METADATA.XML";
inline constexpr std::string_view pdi_folder = "IHE_PDI/";             // static pages, no script
inline constexpr std::string_view static_page = "IHE_PDI/INDEX.HTM";
inline constexpr std::string_view key_image_folder = "IHE_PDI/IMAGES/";
inline constexpr std::string_view report_folder = "IHE_PDI/REPORTS/";  // DICOM reports as pages (PDFs as they are)
inline constexpr std::string_view viewer_folder = "VIEWER/";
inline constexpr std::string_view viewer_script = "VIEWER/VIEWER.JS";
inline constexpr std::string_view viewer_data_folder = "VIEWER/DATA/";
inline constexpr std::string_view manifest = "VIEWER/DATA/MANIFEST.JS";

// "DOC00001" for the first document (numbers wrap at 100,000).
[[nodiscard]] std::string document_stem(std::size_t number);
// IHE_XDM/SUBSET01/DOC00001.XML — a document's file in the XDM subset.
[[nodiscard]] std::string xdm_document(std::size_t number, std::string_view extension = "XML");
// IHE_PDI/DOC00001.HTM — its print-ready page.
[[nodiscard]] std::string document_page(std::size_t number);
// The page for a document path of the XDM subset, or nothing when the path is not one.
[[nodiscard]] std::optional<std::string> document_page_of(std::string_view xdm_path);
// True for a document of the XDM subset (DOCnnnnn.*, not METADATA.XML).
[[nodiscard]] bool is_xdm_document(std::string_view path);
// IHE_PDI/IMAGES/I0000001.JPG — the Nth key image.
[[nodiscard]] std::string key_image(std::size_t number);

// IHE_PDI/REPORTS/R0000001.HTM — the Nth DICOM report (SR, encapsulated CDA) as a page, or
// R0000001.PDF for an encapsulated PDF.
[[nodiscard]] std::string report_page(std::size_t number, std::string_view extension = "HTM");

// True when every '/'-separated component is an ISO 9660 level-1 name: at most 8 characters
// of A-Z 0-9 _ , optionally "." and an extension of at most 3 of them.
[[nodiscard]] bool is_level1_path(std::string_view path);

}  // namespace ssmix::disc
