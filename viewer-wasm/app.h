// viewer-wasm/app.h — the viewer application, independent of the browser: reads the disc
// through a FileSource, keeps the documents (CDA in IHE_XDM/), the image catalogue and the
// image view, draws with ImGui. A letter on the disc is what the physician reads first, so the
// first document opens by itself once it is read. The
// platform layer (platform_web.cpp) owns the window and the main loop and calls in here.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/base/file_source.h"
#include "core/cda/document.h"
#include "core/dicom/instance_index.h"
#include "viewer-wasm/bundle_records.h"
#include "viewer-wasm/catalogue.h"
#include "viewer-wasm/document_view.h"
#include "viewer-wasm/fonts.h"
#include "viewer-wasm/image_panel.h"
#include "viewer-wasm/image_view.h"
#include "viewer-wasm/record_loader.h"
#include "viewer-wasm/record_view.h"
#include "viewer-wasm/series_thumbnails.h"
#include "viewer-wasm/ui_text.h"
#include "viewer-wasm/viewports.h"

namespace ssmix::viewer {

// What the right-hand panel shows.
enum class Panel { images, document, problems, prescriptions, labs };

struct LoadedDocument {
    std::string path;            // disc path, e.g. "IHE_XDM/SUBSET01/DOC00001.XML"; the test API's id
    cda::Document document;
    // A report inside DICOM (SR, encapsulated PDF or CDA) belongs to the patient its file
    // names; the disc's own documents (IHE_XDM) leave these empty.
    bool from_dicom = false;
    std::string patient_id, patient_name;
    // A FHIR bundle's letter names its patient in the bundle (patient_id, patient_name above):
    // it is the disc's patient's only when that id is the disc patient's.
    bool from_bundle = false;
};

class App {
public:
    // `index`: headers of DICOM files known in advance (the bundle manifest's image index);
    // those files are listed at once and read only when shown. Others are scanned. `deferred`:
    // series of that index listed by their first image, whose images `read_group` gives later.
    explicit App(FileSource& files, const std::vector<dicom::IndexedInstance>& index = {},
                 const std::vector<DeferredSeries>& deferred = {}, Catalogue::ReadGroup read_group = {});

    void update(double budget_ms, const std::function<double()>& now_ms);   // background work
    void draw();                                                           // one ImGui frame

    // Told by the platform once the first complete screen is drawn (ready): background work
    // that would delay it (thumbnails) starts then.
    void first_screen_drawn() { first_screen_drawn_ = true; }
    [[nodiscard]] bool ready() const {
        return catalogue_complete_ && documents_read_ == documents_to_read_.size() && record_loader_.done();
    }
    [[nodiscard]] Language language() const { return language_; }
    void set_language(Language language);
    // Set by the platform: keeps the physician's choice of language for the next disc.
    std::function<void(Language)> language_chosen;
    [[nodiscard]] std::optional<int> patient_age() const;   // today, from the birth date
    // The disc's patient: as the SS-MIX2 messages name them, the images' patient with that ID
    // preferred (their name has the kanji as written); else the first patient of the images.
    [[nodiscard]] PatientEntry patient() const;
    // Which of the catalogue's patients is the disc's (none: every image is another patient's).
    [[nodiscard]] std::optional<std::size_t> disc_patient() const;
    // Whose images or report are on screen, when that is not the disc's patient.
    [[nodiscard]] std::optional<PatientEntry> other_patient_shown() const;
    [[nodiscard]] bool showing_other_patient() const { return other_patient_shown().has_value(); }
    [[nodiscard]] ImageOverlay image_overlay() const { return image_panel_.overlay(viewports_.active(), language_); }

    [[nodiscard]] const Catalogue& catalogue() const { return catalogue_; }
    [[nodiscard]] const SeriesThumbnails& thumbnails() const { return thumbnails_; }
    [[nodiscard]] const DocumentView& document_view() const { return document_view_; }
    [[nodiscard]] ImageView& view() { return viewports_.active(); }   // the active view
    [[nodiscard]] Viewports& viewports() { return viewports_; }
    [[nodiscard]] const ImagePanel& image_panel() const { return image_panel_; }
    [[nodiscard]] Fonts& fonts() { return fonts_; }
    [[nodiscard]] const std::vector<std::string>& problems() const { return problems_; }   // files that could not be read

    [[nodiscard]] const std::vector<LoadedDocument>& documents() const { return documents_; }
    bool open_document(const std::string& path);   // false when no document has that path
    // True when the document (from a DICOM file) is not the disc's patient's.
    [[nodiscard]] bool is_other_patients(const LoadedDocument& document) const;
    // A report's link to an image ("dicom:<SOP Instance UID>[#frame]"): shows that image of the
    // report's own patient; false when it is not among the images read.
    bool open_image_link(const std::string& target);
    void show_images() { panel_ = Panel::images; }
    void show(Panel panel) { panel_ = panel; }
    void show_tags(bool shown) { image_panel_.show_tags(shown); }
    [[nodiscard]] bool tags_shown() const { return image_panel_.tags_shown(); }
    [[nodiscard]] Panel panel() const { return panel_; }
    [[nodiscard]] std::string open_document_path() const { return panel_ == Panel::document ? documents_[open_document_].path : ""; }
    // The SS-MIX2 messages' record; without one, the record the disc's FHIR bundles carry.
    [[nodiscard]] const clinical::ClinicalRecord* record() const {
        return record_loader_.record() ? record_loader_.record() : bundle_records_.record();
    }
    [[nodiscard]] RecordView& record_view() { return record_view_; }

    // After files were picked or dropped: read the new ones (images, documents) too.
    void files_added();
    // Set by the platform: opens the browser's folder picker.
    std::function<void()> pick_folder;
    // Set by the platform: puts text on the system clipboard (the open letter's text, to paste
    // into the receiving hospital's own record).
    std::function<void(const std::string& text)> copy_text;
    [[nodiscard]] std::string document_text() const;   // the open document as plain text, "" if none
    // The open document as selectable plain text (mouse drag, Ctrl+C) instead of the reading view.
    void set_text_mode(bool on) { text_mode_ = on; }
    [[nodiscard]] bool text_mode() const { return text_mode_; }
    // Set by the platform: asks the browser to decode an image in a letter (answered through
    // media_images().arrived / failed with the same id).
    std::function<void(int id, const std::string& media_type, const Bytes& bytes)> decode_image;
    [[nodiscard]] MediaImages& media_images() { return media_images_; }
    // Set by the platform: hands a file to the browser's download (a document body that is a PDF).
    std::function<void(const std::string& name, const std::string& media_type, const Bytes& bytes)> save_file;
    // Saves the open document's file body (non-XML, not text); false when it has none.
    bool save_document_body();
    // Set by the platform: opens a page of the disc (the print-ready pages in IHE_PDI/).
    std::function<void(const std::string& path)> open_page;
    // The disc's print-ready page for what the right side shows ("" when there is none): a
    // letter's own page (IHE_PDI/DOCnnnnn.HTM, the same renderer as `ssmix cda render`) or, for
    // the record, the disc's static page.
    [[nodiscard]] std::string print_page() const;

    // Where the header's buttons were drawn (CSS pixels), and the title's extent ("title"), for
    // the test API and people automating the viewer.
    struct HeaderButton {
        std::string id;
        float x = 0, y = 0, width = 0, height = 0;
    };
    [[nodiscard]] const std::vector<HeaderButton>& header_buttons() const { return header_buttons_; }

private:
    void scan_some(double budget_ms, const std::function<double()>& now_ms);
    // A DICOM file that is a report, a document or a key image selection; false for an image.
    bool take_dicom_document(const std::string& path, const dicom::Dataset& dataset, const dicom::Instance& instance);
    void prefetch_first_image();
    void read_documents();
    void take_bundle(const std::string& path, const Bytes& bytes);   // a FHIR bundle: its letter and its record
    void draw_header();
    void draw_series_list();
    void draw_patient_heading(const PatientEntry& patient);
    bool series_row(const SeriesEntry& series, const std::string& caption);   // true when clicked
    void draw_document_list();
    void draw_record_list();
    bool panel_entry(std::string_view name, Panel panel);
    void label(std::string_view utf8);   // ImGui text that also registers its glyphs
    [[nodiscard]] std::string_view tr(Text id) const { return text(id, language_); }

    FileSource& files_;
    Fonts fonts_;
    Catalogue catalogue_;
    Viewports viewports_;
    ImagePanel image_panel_{viewports_, catalogue_, fonts_};
    SeriesThumbnails thumbnails_{files_, catalogue_};
    Language language_ = Language::ja;

    std::vector<std::string> to_scan_;   // DICOM files whose headers are not read yet
    std::set<std::string> queued_;       // every path ever put in to_scan_ or documents_to_read_
    std::vector<bool> scan_done_;        // per to_scan_ entry: header read (or given up)
    std::size_t scanned_ = 0;            // every entry before this one is done
    bool catalogue_complete_ = false;
    std::vector<std::string> problems_;
    std::vector<KeySelection> key_selections_;
    std::set<std::string> dicom_documents_seen_;   // SOP Instance UID with the patient, as the catalogue keys images

    std::vector<std::string> documents_to_read_;
    std::size_t documents_read_ = 0;
    std::vector<LoadedDocument> documents_;
    MediaImages media_images_{[this](int id, const std::string& type, const Bytes& bytes) {
        if (decode_image) decode_image(id, type, bytes);
        else media_images_.failed(id);
    }};
    DocumentView document_view_{fonts_, media_images_};
    int open_document_ = -1;
    Panel panel_ = Panel::images;
    RecordLoader record_loader_{files_};
    BundleRecords bundle_records_;
    RecordView record_view_{fonts_};
    bool document_opened_once_ = false;
    bool text_mode_ = false;
    bool first_image_prefetched_ = false;
    bool first_screen_drawn_ = false;
    std::vector<HeaderButton> header_buttons_;
    std::string text_mode_text_;      // document_text() of text_mode_document_
    int text_mode_document_ = -1;
};

}  // namespace ssmix::viewer
