// viewer-wasm/app.cpp — layout: a header with the patient, a list of studies and series on the
// left, the image on the right. Japanese first; the language button switches to English.
#include "viewer-wasm/app.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <ctime>

#include "core/base/disc_names.h"
#include "core/base/local_time.h"
#include "core/cda/reader.h"
#include "core/cda/render.h"
#include "core/clinical/dates.h"
#include "core/dicom/dataset.h"
#include "core/dicom/dicom_document.h"
#include "core/dicom/instance.h"
#include "core/dicom/text.h"
#include "core/fhir/bundle_reader.h"
#include "core/ssmix2/naming.h"
#include "imgui.h"

namespace ssmix::viewer {
namespace {


// Another vendor's disc names its DICOM files as it likes (IMAGES/IM0001, no extension): any
// file that is not obviously something else is tried, and quietly skipped when not DICOM.
bool may_be_dicom(const std::string& path) {
    if (path.starts_with(disc::dicom_folder)) return true;
    std::string name = path.substr(path.rfind('/') + 1);
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (name == disc::dicomdir || path.starts_with(disc::viewer_folder) || path.starts_with(disc::ssmix2_folder)) return false;
    if (ssmix2::parse_file_name(path.substr(path.rfind('/') + 1))) return false;   // an SS-MIX2 message of a bare storage
    for (const char* other : {".HTM", ".HTML", ".JS", ".JSON", ".JSN", ".TXT", ".XML", ".CSS", ".PDF", ".PNG", ".JPG", ".JPEG", ".GIF", ".INF", ".INI",
                              ".EXE", ".DLL", ".ICO", ".BAT", ".CAB", ".MSI", ".ZIP", ".JAR", ".XSL"})
        if (name.ends_with(other)) return false;
    return true;
}

// A document to read: the disc's XDM documents (CDA .XML, FHIR .JSN, or whatever another
// vendor names them), and JSON files anywhere (a picked folder's FHIR bundles). Their bytes
// decide what they are (read_documents).
bool may_be_document(const std::string& path) {
    std::string name = path.substr(path.rfind('/') + 1);
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (disc::is_xdm_document(path)) return name.ends_with(".XML") || name.ends_with(".JSN") || name.ends_with(".JSON");
    if (path.starts_with(disc::viewer_folder)) return false;
    return name.ends_with(".JSON") || name.ends_with(".JSN");
}

}  // namespace

App::App(FileSource& files, const std::vector<dicom::IndexedInstance>& index, const std::vector<DeferredSeries>& deferred,
         Catalogue::ReadGroup read_group)
    : files_(files), viewports_(files, catalogue_) {
    document_view_.save_body = [this] { save_document_body(); };
    document_view_.open_link = [this](const std::string& target) { return open_image_link(target); };
    const dicom::Instance* previous = nullptr;
    for (const auto& entry : index) {
        // Reports and key image selections are read whole (files_added queues them).
        if (dicom::document_kind(entry.instance.sop_class_uid) != dicom::DicomDocumentKind::none) continue;
        catalogue_.add(entry.path, entry.instance);
        queued_.insert(entry.path);
        // Into the first font atlas: what the first screen lists (saves rebuilding it at once);
        // a series' images mostly repeat the one before.
        const dicom::Instance& x = entry.instance;
        if (!previous || x.patient_name != previous->patient_name || x.study_description != previous->study_description ||
            x.series_description != previous->series_description)
            fonts_.need(x.patient_name + x.study_description + x.series_description);
        previous = &x;
    }
    catalogue_.set_group_reader(std::move(read_group));
    for (const auto& series : deferred) {
        if (dicom::document_kind(series.first.instance.sop_class_uid) != dicom::DicomDocumentKind::none) continue;
        catalogue_.add_deferred(series);
        const dicom::Instance& x = series.first.instance;
        fonts_.need(x.patient_name + x.study_description + x.series_description);
    }
    files_added();
    prefetch_first_image();   // at once when there is nothing else to read: its chunk loads while the first screen is made
}

void App::files_added() {
    for (const auto& entry : files_.list()) {
        if (queued_.count(entry.path)) continue;
        if (may_be_document(entry.path)) {
            documents_to_read_.push_back(entry.path), queued_.insert(entry.path);
            files_.prefetch(entry.path);   // every document's chunks load together
        } else if (may_be_dicom(entry.path)) {
            to_scan_.push_back(entry.path), queued_.insert(entry.path);
        }
    }
    scan_done_.resize(to_scan_.size());
    catalogue_complete_ = scanned_ == to_scan_.size();
    record_loader_.files_added(problems_);
}

void App::update(double budget_ms, const std::function<double()>& now_ms) {
    const double start = now_ms();
    read_documents();
    record_loader_.update(problems_);
    if (!catalogue_complete_) scan_some(budget_ms, now_ms);
    prefetch_first_image();
    viewports_.tick(now_ms());
    viewports_.follow();
    if (const double used = now_ms() - start; used < budget_ms) viewports_.update(budget_ms - used, now_ms);
    // Thumbnails last: once the first screen is drawn, and not while an image is on its way.
    if (first_screen_drawn_ && !viewports_.loading() && now_ms() - start < budget_ms) thumbnails_.update();
}

// The first image of the first series in the list starts loading as soon as the letters and
// the record are in (before them it would slow them down): it is the one most likely to be
// opened, and then it is there.
void App::prefetch_first_image() {
    if (first_image_prefetched_ || !catalogue_complete_ || catalogue_.studies().empty()) return;
    if (documents_read_ < documents_to_read_.size() || !record_loader_.done()) return;
    first_image_prefetched_ = true;
    const auto& series = catalogue_.studies().front().series;
    if (series.empty()) return;
    if (!series.front().instances.empty()) files_.prefetch(series.front().instances.front().path);
    else if (!series.front().deferred_first_path.empty()) files_.prefetch(series.front().deferred_first_path);   // not read yet
}

// Files whose chunks are still on their way are passed over (up to `in_flight` of them), so
// the chunk scripts of several files load together instead of one per UI frame.
void App::scan_some(double budget_ms, const std::function<double()>& now_ms) {
    constexpr std::size_t in_flight = 8;
    const double start = now_ms();
    std::size_t waiting = 0;
    for (std::size_t i = scanned_; i < to_scan_.size() && waiting < in_flight && now_ms() - start < budget_ms; ++i) {
        if (scan_done_[i]) continue;
        const std::string& path = to_scan_[i];
        FileRead read = files_.read(path);
        if (read.status == ReadStatus::pending) {
            ++waiting;
            continue;
        }
        scan_done_[i] = true;
        if (read.status != ReadStatus::ready) {
            problems_.push_back(read.diagnostics.empty() ? path + ": missing" : to_string(read.diagnostics.front()));
            continue;
        }
        auto dataset = dicom::read_dataset(read.bytes, path);
        if (!dataset.value) {
            if (path.starts_with(disc::dicom_folder)) problems_.push_back(to_string(dataset.diagnostics.front()));
            continue;   // elsewhere: a picked file that is simply not DICOM
        }
        auto instance = dicom::describe(*dataset.value);
        if (!instance.value) {
            problems_.push_back(to_string(instance.diagnostics.front()));
            continue;
        }
        if (!take_dicom_document(path, *dataset.value, *instance.value)) catalogue_.add(path, *instance.value);
    }
    while (scanned_ < to_scan_.size() && scan_done_[scanned_]) ++scanned_;
    if (scanned_ == to_scan_.size()) {
        catalogue_complete_ = true;
        if (!key_selections_.empty()) catalogue_.set_key_images(key_selections_);   // now that their images are listed
    }
}

bool App::take_dicom_document(const std::string& path, const dicom::Dataset& dataset, const dicom::Instance& instance) {
    const auto kind = dicom::document_kind(instance.sop_class_uid);
    if (kind == dicom::DicomDocumentKind::none) return false;
    // The same report may come twice: from the viewer data and from the picked disc folder.
    if (!dicom_documents_seen_.insert(instance.sop_instance_uid + '\x1f' + instance.patient_id + '\x1f' + instance.patient_name).second) return true;
    if (kind == dicom::DicomDocumentKind::key_objects) {
        auto keys = dicom::read_key_objects(dataset);
        if (!keys.value) problems_.push_back(to_string(keys.diagnostics.front()));
        else
            key_selections_.push_back({instance.sop_instance_uid, instance.patient_id, instance.patient_name, instance.study_uid,
                                       keys.value->explanation.empty() ? keys.value->title : keys.value->explanation,
                                       std::move(keys.value->sop_instance_uids)});
        return true;
    }
    auto document = dicom::read_dicom_document(dataset);
    if (!document.value) {
        problems_.push_back(document.diagnostics.empty() ? path + ": not a readable report" : to_string(document.diagnostics.front()));
        return true;
    }
    documents_.push_back({path, std::move(*document.value), true, instance.patient_id, instance.patient_name});
    return true;
}

// Documents are small and few: all of them at once, as soon as their chunk has arrived.
void App::read_documents() {
    while (documents_read_ < documents_to_read_.size()) {
        const std::string& path = documents_to_read_[documents_read_];
        FileRead read = files_.read(path);
        if (read.status == ReadStatus::pending) return;
        ++documents_read_;
        if (read.status != ReadStatus::ready) {
            problems_.push_back(read.diagnostics.empty() ? path + ": missing" : to_string(read.diagnostics.front()));
            continue;
        }
        if (fhir::looks_like_fhir_json(read.bytes)) {
            take_bundle(path, read.bytes);
            continue;
        }
        if (!disc::is_xdm_document(path)) continue;   // a picked .json that is not FHIR: not ours to read
        auto parsed = cda::read_document(read.bytes, path);
        if (!parsed.value) {
            problems_.push_back(parsed.diagnostics.empty() ? path + ": not a CDA document" : to_string(parsed.diagnostics.front()));
            continue;
        }
        documents_.push_back({path, std::move(*parsed.value), false, "", ""});
    }
    if (!document_opened_once_ && !documents_.empty()) {
        document_opened_once_ = true;
        if (view().status() == ViewStatus::empty) {
            open_document_ = 0, panel_ = Panel::document;
            // Its characters into the atlas before it is first drawn (a frame sooner on screen).
            fonts_.need(document_text());
        }
    }
}

// The letter (a Composition) joins the documents under the bundle's patient; the entries join
// the record shown when the disc has no SS-MIX2 messages, if they are that patient's.
void App::take_bundle(const std::string& path, const Bytes& bytes) {
    auto parsed = fhir::read_bundle(bytes, path);
    if (!parsed.value) {
        problems_.push_back(parsed.diagnostics.empty() ? path + ": not a FHIR bundle" : to_string(parsed.diagnostics.front()));
        return;
    }
    fhir::ReadBundle& bundle = *parsed.value;
    const clinical::Patient who = bundle.record.patient;
    if (bundle.document) {
        LoadedDocument loaded{path, std::move(*bundle.document), false, who.id, "=" + who.name + (who.name_kana.empty() ? "" : "=" + who.name_kana)};
        loaded.from_bundle = true;
        documents_.push_back(std::move(loaded));
    }
    if (record_loader_.record()) return;   // the SS-MIX2 messages are the record
    const std::string disc_patient = patient().id;
    const bool letter = bundle.document.has_value();
    if (!bundle_records_.add(std::move(bundle.record), path, disc_patient) && !letter)
        // A collection of somebody else's entries: said, since nothing else shows it was there.
        problems_.push_back(path + ": FHIR entries of patient " + (who.id.empty() ? std::string("(no id)") : who.id) + ", not " + disc_patient +
                            ": not shown in this patient's record");
}

bool App::open_document(const std::string& path) {
    for (std::size_t i = 0; i < documents_.size(); ++i)
        if (documents_[i].path == path) {
            open_document_ = static_cast<int>(i);
            panel_ = Panel::document;
            return true;
        }
    return false;
}

bool App::is_other_patients(const LoadedDocument& document) const {
    if (document.from_bundle) return document.patient_id.empty() || document.patient_id != patient().id;
    if (!document.from_dicom) return false;
    const auto patient = catalogue_.find_patient(document.patient_id, document.patient_name);
    if (patient) return patient != disc_patient();
    return document.patient_id != this->patient().id;
}

bool App::open_image_link(const std::string& target) {
    if (panel_ != Panel::document || !target.starts_with(dicom::image_link_prefix)) return false;
    const LoadedDocument& report = documents_[open_document_];
    const std::size_t hash = target.find('#');
    const std::string uid = target.substr(dicom::image_link_prefix.size(), hash == std::string::npos ? std::string::npos : hash - dicom::image_link_prefix.size());
    const unsigned frame_in_file = hash == std::string::npos ? 0 : static_cast<unsigned>(std::max(1, std::atoi(target.c_str() + hash + 1)) - 1);
    // Only among the report's own patient's images: a UID another patient's file reuses is not this image.
    const auto patient = report.from_dicom ? catalogue_.find_patient(report.patient_id, report.patient_name) : disc_patient();
    if (!patient) return false;
    const auto at = catalogue_.find_image(uid, *patient);
    if (!at) return false;
    view().open(at->series_uid);
    view().set_frame(at->frame + frame_in_file);
    show_images();
    return true;
}

bool App::save_document_body() {
    if (panel_ != Panel::document || !save_file) return false;
    const LoadedDocument& open = documents_[open_document_];
    const auto& body = open.document.non_xml_body;
    if (!body || body->bytes.empty() || body->media_type.starts_with("text/")) return false;
    // DOC00002.XML -> DOC00002.PDF, DICOM/.../IM000003 -> IM000003.PDF: the name says which
    // file of the disc it came from.
    const std::string name = open.path.substr(open.path.rfind('/') + 1);
    const std::string stem = name.substr(0, name.rfind('.'));
    const std::string extension = body->media_type == "application/pdf" ? ".PDF" : ".BIN";
    save_file(stem + extension, body->media_type, body->bytes);
    return true;
}

std::string App::document_text() const {
    return panel_ == Panel::document ? cda::render_text(documents_[open_document_].document) : std::string();
}

std::string App::print_page() const {
    if (panel_ == Panel::document) {
        return disc::document_page_of(documents_[open_document_].path).value_or("");
    }
    if (panel_ == Panel::problems || panel_ == Panel::prescriptions || panel_ == Panel::labs) return std::string(disc::static_page);
    return {};
}

void App::set_language(Language language) {
    language_ = language;
    if (language_chosen) language_chosen(language);
}

std::optional<int> App::patient_age() const {
    return clinical::age_in_years(patient().birth_date, local_time_now("%Y%m%d"));
}

std::optional<std::size_t> App::disc_patient() const {
    const auto& patients = catalogue_.patients();
    if (!record() || record()->patient.id.empty()) return patients.empty() ? std::nullopt : std::optional<std::size_t>(0);
    for (std::size_t i = 0; i < patients.size(); ++i)
        if (patients[i].id == record()->patient.id) return i;
    return std::nullopt;
}

std::optional<PatientEntry> App::other_patient_shown() const {
    if (panel_ == Panel::document) {
        const LoadedDocument& open = documents_[open_document_];
        if (!is_other_patients(open)) return std::nullopt;
        return PatientEntry{open.patient_id, open.patient_name, "", ""};
    }
    if (panel_ != Panel::images) return std::nullopt;
    for (std::size_t i = 0; i < viewports_.shown(); ++i) {   // any of the views shown
        const std::string& series = viewports_.view(i).series_uid();
        const auto shown = series.empty() ? std::nullopt : catalogue_.patient_index_of_series(series);
        if (shown && shown != disc_patient()) return catalogue_.patients()[*shown];
    }
    return std::nullopt;
}

PatientEntry App::patient() const {
    if (const auto index = disc_patient()) return catalogue_.patients()[*index];
    if (!record() || record()->patient.id.empty()) return {};
    const auto& p = record()->patient;
    // In the DICOM form the header shows: "=kanji=kana" (no alphabetic group).
    return {p.id, "=" + p.name + (p.name_kana.empty() ? "" : "=" + p.name_kana), p.birth_date, p.sex};
}

void App::label(std::string_view utf8) {
    fonts_.need(utf8);
    ImGui::TextUnformatted(utf8.data(), utf8.data() + utf8.size());
}

void App::draw() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    // No background of its own: the platform clears the screen to the window colour, which
    // saves one blended full-screen layer a frame (software WebGL is bound by pixels filled).
    ImGui::Begin("##main", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground);
    draw_header();
    ImGui::Separator();
    const float list_width = std::max(240.0f, ImGui::GetContentRegionAvail().x * 0.25f);
    ImGui::BeginChild("##series", ImVec2(list_width, 0), true);
    draw_document_list();
    draw_record_list();
    draw_series_list();
    ImGui::EndChild();
    ImGui::SameLine();
    if (panel_ == Panel::document && text_mode_) {
        // ImGui's read-only text box selects with the mouse and copies with Ctrl+C (the
        // platform routes ImGui's clipboard to the browser's).
        if (text_mode_document_ != open_document_) {   // made once per document, not every frame
            text_mode_text_ = document_text();
            text_mode_document_ = open_document_;
            fonts_.need(text_mode_text_);
        }
        ImGui::InputTextMultiline("##document-text", text_mode_text_.data(), text_mode_text_.size() + 1, ImVec2(-1, -1),
                                  ImGuiInputTextFlags_ReadOnly);
    } else if (panel_ == Panel::document) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1, 1, 1, 1));
        // One child window per document, so ImGui keeps each one's scroll position: another
        // document opens at its top, and the letter is where it was left when it is back.
        const LoadedDocument& open = documents_[open_document_];
        ImGui::BeginChild(("##document:" + open.path).c_str(), ImVec2(0, 0), true);
        document_view_.draw(open.document, open.path, language_);
        ImGui::EndChild();
        ImGui::PopStyleColor();
    } else if (panel_ != Panel::images && record()) {
        ImGui::BeginChild("##record", ImVec2(0, 0), true);
        if (panel_ == Panel::problems) record_view_.draw_problems(*record(), language_);
        else if (panel_ == Panel::prescriptions) record_view_.draw_prescriptions(*record(), language_);
        else record_view_.draw_labs(*record(), language_);
        ImGui::EndChild();
    } else {
        ImGui::BeginChild("##image", ImVec2(0, 0), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        image_panel_.draw(language_, disc_patient());
        ImGui::EndChild();
    }
    ImGui::End();
}

void App::draw_header() {
    label(tr(Text::app_title));
    const ImVec2 title_end = ImGui::GetItemRectMax();

    // The buttons, right-aligned in this order from the left; on the title's line when they fit
    // beside it, else on a line of their own (a narrow window).
    struct Action {
        std::string id;
        std::string label;
        std::function<void()> run;
    };
    std::vector<Action> actions;
    if (panel_ == Panel::document)
        actions.push_back({"select", std::string(tr(text_mode_ ? Text::reading_view : Text::select_text)), [this] { set_text_mode(!text_mode_); }});
    if (copy_text && panel_ == Panel::document)
        actions.push_back({"copy", std::string(tr(Text::copy_text)), [this] { copy_text(document_text()); }});
    if (open_page && !print_page().empty())
        actions.push_back({"print", std::string(tr(Text::print)), [this] { open_page(print_page()); }});
    if (pick_folder)   // another disc, or this disc's folder for images left out of the viewer data
        actions.push_back({"openFolder", std::string(tr(Text::open_folder)), [this] { pick_folder(); }});
    actions.push_back({"language", std::string(tr(Text::language_toggle)),
                       [this] { set_language(language_ == Language::ja ? Language::en : Language::ja); }});

    constexpr float gap = 12;
    const ImGuiStyle& style = ImGui::GetStyle();
    float total = 0;
    for (auto& action : actions) {
        fonts_.need(action.label);
        total += ImGui::CalcTextSize(action.label.c_str()).x + style.FramePadding.x * 2 + gap;
    }
    const float right = ImGui::GetWindowWidth() - style.WindowPadding.x;
    const bool beside_title = right - total > title_end.x - ImGui::GetWindowPos().x + gap;
    float x = right - total + gap;
    header_buttons_.clear();
    for (std::size_t i = 0; i < actions.size(); ++i) {
        if (i > 0 || beside_title) ImGui::SameLine(x);
        else ImGui::SetCursorPosX(x);
        if (ImGui::Button((actions[i].label + "##" + actions[i].id).c_str())) actions[i].run();
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        header_buttons_.push_back({actions[i].id, min.x, min.y, max.x - min.x, max.y - min.y});
        x += max.x - min.x + gap;
    }
    header_buttons_.push_back({"title", 0, 0, title_end.x, title_end.y});

    const PatientEntry patient = this->patient();
    if (patient.id.empty()) {
        label(catalogue_complete_ ? "" : tr(Text::loading_catalogue));
        return;
    }
    const std::string sex = patient.sex == "M" ? std::string(tr(Text::sex_male))
                            : patient.sex == "F" ? std::string(tr(Text::sex_female))
                                                 : std::string(tr(Text::sex_other));
    ImGui::SetWindowFontScale(1.3f);
    label(dicom::display_person_name(patient.name));
    ImGui::SetWindowFontScale(1.0f);
    ImGui::SameLine();
    const auto age = patient_age();
    const std::string age_text = age ? "（" + std::to_string(*age) + std::string(tr(Text::years_old)) + "）" : "";
    label(std::string(tr(Text::patient_id)) + " " + patient.id + "   " + std::string(tr(Text::birth_date)) + " " +
          clinical::display_date(patient.birth_date) + age_text + "   " + std::string(tr(Text::sex)) + " " + sex);
    if (const auto shown = other_patient_shown()) {   // whose images or report are on screen, when not this patient's
        const Text what = panel_ == Panel::document ? Text::showing_other_patient_document : Text::showing_other_patient;
        const std::string warning = "▲ " + std::string(tr(what)) + ": " + dicom::display_person_name(shown->name) + "  " +
                                    std::string(tr(Text::patient_id)) + " " + (shown->id.empty() ? std::string(tr(Text::no_patient_id)) : shown->id);
        fonts_.need(warning);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(200, 30, 30, 255));
        ImGui::SetWindowFontScale(1.15f);
        ImGui::TextUnformatted(warning.c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopStyleColor();
    }
}

void App::draw_document_list() {
    if (documents_.empty()) return;
    label(tr(Text::documents));
    ImGui::Separator();
    for (std::size_t i = 0; i < documents_.size(); ++i) {
        const auto& d = documents_[i].document;
        // Another patient's report (a picked folder) says so in red, with that patient's name.
        const bool other = is_other_patients(documents_[i]);
        const std::string owner = other ? "【" + std::string(tr(Text::other_patient)) + "】" + dicom::display_person_name(documents_[i].patient_name) + " " : "";
        const std::string title = owner + (d.title.empty() ? d.code.display : d.title) + "  " + clinical::display_date(d.effective_time.substr(0, 8)) +
                                  "##" + documents_[i].path;
        fonts_.need(title);
        if (other) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(200, 30, 30, 255));
        if (ImGui::Selectable(title.c_str(), panel_ == Panel::document && open_document_ == static_cast<int>(i))) {
            open_document_ = static_cast<int>(i);
            panel_ = Panel::document;
        }
        if (other) ImGui::PopStyleColor();
    }
    ImGui::Spacing();
}

bool App::panel_entry(std::string_view name, Panel panel) {
    const std::string item = std::string(name) + "##panel";
    fonts_.need(item);
    if (!ImGui::Selectable(item.c_str(), panel_ == panel)) return false;
    panel_ = panel;
    return true;
}

// The record from the SS-MIX2 messages: only when the disc has them.
void App::draw_record_list() {
    const clinical::ClinicalRecord* r = record();
    if (!r || r->sources.empty()) return;
    label(tr(Text::record));
    ImGui::Separator();
    panel_entry(tr(Text::record_problems), Panel::problems);
    panel_entry(tr(Text::record_prescriptions), Panel::prescriptions);
    panel_entry(tr(Text::record_labs), Panel::labs);
    ImGui::Spacing();
}

void App::draw_series_list() {
    label(tr(Text::images));
    ImGui::Separator();
    if (!catalogue_complete_) label(tr(Text::loading));
    if (catalogue_complete_ && catalogue_.studies().empty()) {
        fonts_.need(tr(Text::studies_none));
        ImGui::TextWrapped("%s", std::string(tr(Text::studies_none)).c_str());
    }
    const auto disc_patient = this->disc_patient();
    std::optional<std::size_t> heading;
    for (const auto& study : catalogue_.studies()) {
        // Another patient's studies (a picked folder) under that patient's own heading.
        if (study.patient != disc_patient && heading != study.patient) draw_patient_heading(catalogue_.patients()[study.patient]);
        heading = study.patient;
        label(clinical::display_date(study.date) + " " + study.description);
        ImGui::Indent();
        for (const auto& series : study.series) {
            // Key images: their own row, and a star with the count on each series holding some.
            const std::string caption = (series.key_series ? "★ " + std::string(tr(Text::key_images)) + "（" + series.description + "）"
                                                           : series.modality + " " + series.description) + "  " +
                                        std::to_string(series.frame_count()) + std::string(tr(Text::series_frames)) +
                                        (series.key_images && !series.key_series ? "  ★" + std::string(tr(Text::key_images)) + " " + std::to_string(series.key_images) : "");
            fonts_.need(caption);
            if (series_row(series, caption)) {
                viewports_.show(viewports_.active_index(), series.uid);
                show_images();
            }
        }
        ImGui::Unindent();
    }
}

void App::draw_patient_heading(const PatientEntry& patient) {
    ImGui::Spacing();
    const std::string heading = "【" + std::string(tr(Text::other_patient)) + "】 " + dicom::display_person_name(patient.name) + "  " +
                                std::string(tr(Text::patient_id)) + " " + (patient.id.empty() ? std::string(tr(Text::no_patient_id)) : patient.id);
    fonts_.need(heading);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(200, 30, 30, 255));
    ImGui::TextWrapped("%s", heading.c_str());
    ImGui::PopStyleColor();
}

// A series in the list: its thumbnail (an empty square until it is made), then its caption.
bool App::series_row(const SeriesEntry& series, const std::string& caption) {
    constexpr float side = 48;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Selectable(("##series-" + series.uid).c_str(),
                                           panel_ == Panel::images && view().series_uid() == series.uid, 0, ImVec2(0, side));
    // Dragged onto one of the views, the series is shown there.
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload(ImagePanel::series_payload, series.uid.c_str(), series.uid.size() + 1);
        label(caption);
        ImGui::EndDragDropSource();
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Thumbnail* thumbnail = thumbnails_.find(series.uid);
    if (thumbnail && thumbnail->status == ThumbnailStatus::shown) {
        const auto& picture = thumbnail->picture;
        const float scale = side / static_cast<float>(std::max(picture.width, picture.height));
        const ImVec2 size(static_cast<float>(picture.width) * scale, static_cast<float>(picture.height) * scale);
        const ImVec2 top_left(at.x + (side - size.x) / 2, at.y + (side - size.y) / 2);
        draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(thumbnail->texture)), top_left,
                       ImVec2(top_left.x + size.x, top_left.y + size.y));
    } else {
        draw->AddRectFilled(at, ImVec2(at.x + side, at.y + side), ImGui::GetColorU32(ImGuiCol_FrameBg));
    }
    if (series.key_images) {   // marked on the thumbnail too, as key images are on viewing stations
        constexpr float badge = 16;
        draw->AddRectFilled(ImVec2(at.x + side - badge, at.y), ImVec2(at.x + side, at.y + badge), IM_COL32(255, 200, 0, 255), 3.0f);
        draw->AddText(ImVec2(at.x + side - badge + 1, at.y), IM_COL32(0, 0, 0, 255), "★");
    }
    const ImVec2 text_at(at.x + side + ImGui::GetStyle().ItemSpacing.x, at.y + (side - ImGui::GetTextLineHeight()) / 2);
    draw->AddText(text_at, ImGui::GetColorU32(ImGuiCol_Text), caption.c_str());
    return clicked;
}

}  // namespace ssmix::viewer
