// core/dicom/dicom_document.cpp — the SR content tree walked with dcmsr's cursor (gotoChild,
// gotoNext, goUp): each container at the top becomes a section, every other item a list item
// "concept: value" with its own children nested under it. Strings are decoded here by the
// file's Specific Character Set (the WebAssembly DCMTK has no converter).
#include "core/dicom/dicom_document.h"

#include "core/cda/reader.h"
#include "core/dicom/text.h"

#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmsr/dsrdoc.h"

namespace ssmix::dicom {
namespace {

using cda::NarrativeNode;
using cda::NodeKind;

std::string text_of(DcmItem& item, const DcmTagKey& tag) {
    OFString value;
    return item.findAndGetOFStringArray(tag, value).good() ? value.c_str() : "";
}

NarrativeNode text_node(std::string text) {
    NarrativeNode node;
    node.text = std::move(text);
    return node;
}

NarrativeNode element(NodeKind kind, std::vector<NarrativeNode> children = {}) {
    NarrativeNode node;
    node.kind = kind;
    node.children = std::move(children);
    return node;
}

NarrativeNode bold(std::string text) {
    NarrativeNode node = element(NodeKind::content, {text_node(std::move(text))});
    node.styles = {"Bold"};
    return node;
}

// "Yamada^Taro=山田^太郎=やまだ^たろう" as the three CDA name parts.
cda::PersonName person_name(const std::string& utf8) {
    cda::PersonName name;
    std::vector<std::string> groups(1);
    for (const char c : utf8) {
        if (c == '=') groups.emplace_back();
        else groups.back() += c == '^' ? ' ' : c;
    }
    for (auto& g : groups)
        while (!g.empty() && g.back() == ' ') g.pop_back();
    name.other = groups[0];
    if (groups.size() > 1) name.ideographic = groups[1];
    if (groups.size() > 2) name.syllabic = groups[2];
    return name;
}

// The header every kind shares: the patient and the date, from the file's own attributes.
cda::Document header_of(DcmDataset& data, const std::string& charset) {
    cda::Document document;
    document.patient.ids.push_back({"", text_of(data, DCM_PatientID), ""});
    document.patient.name = person_name(to_utf8(text_of(data, DCM_PatientName), charset));
    document.patient.birth_time = text_of(data, DCM_PatientBirthDate);
    document.patient.gender = text_of(data, DCM_PatientSex);
    std::string date = text_of(data, DCM_ContentDate), time = text_of(data, DCM_ContentTime);
    if (date.empty()) date = text_of(data, DCM_StudyDate), time = text_of(data, DCM_StudyTime);
    document.effective_time = date + time.substr(0, time.find('.'));
    document.id = {text_of(data, DCM_SOPInstanceUID), "", ""};
    document.custodian.organization = to_utf8(text_of(data, DCM_InstitutionName), charset);
    return document;
}

class ReportReader {
public:
    ReportReader(DSRDocument& report, std::string charset) : tree_(report.getTree()), charset_(std::move(charset)) {}

    void read_into(cda::Document& document) {
        if (!tree_.gotoRoot()) return;
        const DSRCodedEntryValue& title = tree_.getCurrentContentItem().getConceptName();
        document.title = decoded(title.getCodeMeaning());
        document.code = {title.getCodeValue().c_str(), title.getCodingSchemeDesignator().c_str(), "", document.title};
        cda::Section loose{"", {}, document.title, {}, {}};   // items directly under the root
        std::vector<NarrativeNode> loose_items;
        if (tree_.gotoChild()) {
            do {
                DSRContentItem& item = tree_.getCurrentContentItem();
                if (item.getValueType() == DSRTypes::VT_Container) {
                    cda::Section section{"", {}, decoded(item.getConceptName().getCodeMeaning()), {}, {}};
                    const auto items = children();
                    if (!items.empty()) section.text.push_back(element(NodeKind::list, items));
                    document.sections.push_back(std::move(section));
                } else if (auto node = item_node(); !node.children.empty()) {
                    loose_items.push_back(std::move(node));
                }
            } while (tree_.gotoNext());
            tree_.goUp();
        }
        if (!loose_items.empty()) {
            loose.text.push_back(element(NodeKind::list, std::move(loose_items)));
            document.sections.insert(document.sections.begin(), std::move(loose));
        }
    }

private:
    std::string decoded(const OFString& value) const { return to_utf8(value.c_str(), charset_); }

    // The children of the current node, as list items (the cursor comes back where it was).
    std::vector<NarrativeNode> children() {
        std::vector<NarrativeNode> items;
        if (!tree_.gotoChild()) return items;
        do {
            // An item with nothing to show (a by-reference link to another item) is left out.
            if (auto node = item_node(); !node.children.empty()) items.push_back(std::move(node));
        } while (tree_.gotoNext());
        tree_.goUp();
        return items;
    }

    NarrativeNode item_node() {
        DSRContentItem& item = tree_.getCurrentContentItem();
        NarrativeNode node = element(NodeKind::item);
        const std::string concept_name = decoded(item.getConceptName().getCodeMeaning());
        if (!concept_name.empty()) node.children.push_back(bold(concept_name + (item.getValueType() == DSRTypes::VT_Container ? "" : ": ")));
        value_into(item, node.children);
        if (auto nested = children(); !nested.empty()) node.children.push_back(element(NodeKind::list, std::move(nested)));
        return node;
    }

    void value_into(DSRContentItem& item, std::vector<NarrativeNode>& out) {
        switch (item.getValueType()) {
            case DSRTypes::VT_Text:
            case DSRTypes::VT_DateTime:
            case DSRTypes::VT_Date:
            case DSRTypes::VT_Time:
            case DSRTypes::VT_UIDRef:
                out.push_back(text_node(decoded(item.getStringValue())));
                return;
            case DSRTypes::VT_PName:
                out.push_back(text_node(display_person_name(decoded(item.getStringValue()))));
                return;
            case DSRTypes::VT_Code:
                if (const DSRCodedEntryValue* code = item.getCodeValuePtr()) out.push_back(text_node(decoded(code->getCodeMeaning())));
                return;
            case DSRTypes::VT_Num:
                if (const DSRNumericMeasurementValue* number = item.getNumericValuePtr()) {
                    const DSRCodedEntryValue& unit = number->getMeasurementUnit();
                    // UCUM codes are the printed unit ("mm", "cm2"); "1" means no unit.
                    std::string unit_text = unit.getCodingSchemeDesignator() == "UCUM" ? unit.getCodeValue().c_str() : decoded(unit.getCodeMeaning());
                    if (unit_text == "1") unit_text.clear();
                    out.push_back(text_node(std::string(number->getNumericValue().c_str()) + (unit_text.empty() ? "" : " " + unit_text)));
                }
                return;
            case DSRTypes::VT_Image:
                if (const DSRImageReferenceValue* image = item.getImageReferencePtr()) image_link(*image, out);
                return;
            case DSRTypes::VT_Composite:
                if (const DSRCompositeReferenceValue* object = item.getCompositeReferencePtr())
                    out.push_back(link(std::string(image_link_prefix) + object->getSOPInstanceUID().c_str(), "参照先を開く"));
                return;
            case DSRTypes::VT_SCoord:
            case DSRTypes::VT_SCoord3D:
                out.push_back(text_node("（画像上の図形）"));
                return;
            case DSRTypes::VT_TCoord:
                out.push_back(text_node("（時間の範囲）"));
                return;
            case DSRTypes::VT_Waveform:
                out.push_back(text_node("（波形の参照）"));
                return;
            default:
                return;
        }
    }

    static NarrativeNode link(std::string target, std::string caption) {
        NarrativeNode node = element(NodeKind::link, {text_node(std::move(caption))});
        node.target = std::move(target);
        return node;
    }

    static void image_link(const DSRImageReferenceValue& image, std::vector<NarrativeNode>& out) {
        std::string target = std::string(image_link_prefix) + image.getSOPInstanceUID().c_str();
        const DSRImageFrameList& frames = image.getFrameList();
        if (!frames.isEmpty()) target += "#" + std::to_string(frames.getItem(1));
        out.push_back(link(std::move(target), "画像を開く"));
    }

    DSRDocumentTree& tree_;
    std::string charset_;
};

Parsed<cda::Document> structured_report(DcmDataset& data, const std::string& name, const std::string& charset) {
    Parsed<cda::Document> result;
    DSRDocument report;
    const OFCondition status = report.read(data);
    if (status.bad()) {
        result.diagnostics.push_back(error({name, 0, "(0040,A730)"}, "dicom.sr.unreadable",
                                           std::string("the structured report cannot be read: ") + status.text()));
        return result;
    }
    cda::Document document = header_of(data, charset);
    ReportReader(report, charset).read_into(document);
    // A draft or an unsigned report says so first: the physician must not take it as final.
    NarrativeNode notes = element(NodeKind::paragraph);
    if (report.getCompletionFlag() == DSRTypes::CF_Partial) notes.children.push_back(bold("この報告は未完了です（Completion Flag: PARTIAL）。"));
    if (report.getVerificationFlag() == DSRTypes::VF_Unverified) notes.children.push_back(bold("この報告は未承認です（Verification Flag: UNVERIFIED）。"));
    if (document.sections.empty()) notes.children.push_back(text_node("この報告には内容がありません。"));
    if (!notes.children.empty()) {
        if (document.sections.empty()) document.sections.push_back({"", {}, document.title, {}, {}});
        document.sections.front().text.insert(document.sections.front().text.begin(), std::move(notes));
    }
    result.value = std::move(document);
    return result;
}

// The encapsulated bytes, without the pad byte DICOM adds to an odd length (PS3.3 C.24.2.1:
// Encapsulated Document Length gives the real length when present).
Bytes encapsulated_bytes(DcmDataset& data) {
    const Uint8* bytes = nullptr;
    unsigned long count = 0;
    if (data.findAndGetUint8Array(DCM_EncapsulatedDocument, bytes, &count).bad() || !bytes) return {};
    Uint32 length = 0;
    if (data.findAndGetUint32(DCM_EncapsulatedDocumentLength, length).good() && length <= count) count = length;
    else if (count > 0 && bytes[count - 1] == 0) --count;
    return Bytes(bytes, bytes + count);
}

Parsed<cda::Document> encapsulated(DcmDataset& data, const std::string& name, const std::string& charset, bool is_cda) {
    Parsed<cda::Document> result;
    Bytes bytes = encapsulated_bytes(data);
    if (bytes.empty()) {
        result.diagnostics.push_back(error({name, 0, "(0042,0011)"}, "dicom.encapsulated.empty", "the encapsulated document is missing or empty"));
        return result;
    }
    if (is_cda) return cda::read_document(bytes, name + " (0042,0011)");
    cda::Document document = header_of(data, charset);
    document.title = to_utf8(text_of(data, DCM_DocumentTitle), charset);
    std::string type = text_of(data, DCM_MIMETypeOfEncapsulatedDocument);
    document.non_xml_body = cda::NonXmlBody{type.empty() ? "application/pdf" : type, std::move(bytes), ""};
    result.value = std::move(document);
    return result;
}

}  // namespace

DicomDocumentKind document_kind(const std::string& sop_class_uid) {
    if (sop_class_uid == UID_EncapsulatedPDFStorage) return DicomDocumentKind::pdf;
    if (sop_class_uid == UID_EncapsulatedCDAStorage) return DicomDocumentKind::cda;
    const DSRTypes::E_DocumentType type = DSRTypes::sopClassUIDToDocumentType(sop_class_uid.c_str());
    if (type == DSRTypes::DT_KeyObjectSelectionDocument) return DicomDocumentKind::key_objects;
    return type == DSRTypes::DT_invalid ? DicomDocumentKind::none : DicomDocumentKind::structured_report;
}

Parsed<cda::Document> read_dicom_document(const Dataset& dataset) {
    DcmDataset& data = *dataset.dcmtk().getDataset();
    const std::string charset = text_of(data, DCM_SpecificCharacterSet);
    switch (document_kind(text_of(data, DCM_SOPClassUID))) {
        case DicomDocumentKind::structured_report: return structured_report(data, dataset.name(), charset);
        case DicomDocumentKind::pdf: return encapsulated(data, dataset.name(), charset, false);
        case DicomDocumentKind::cda: return encapsulated(data, dataset.name(), charset, true);
        case DicomDocumentKind::key_objects: {
            Parsed<cda::Document> result;
            result.diagnostics.push_back(error({dataset.name(), 0, "(0008,0016)"}, "dicom.document.kind",
                                               "a Key Object Selection: it marks key images and is shown with them, not as a document"));
            return result;
        }
        case DicomDocumentKind::none: break;
    }
    Parsed<cda::Document> result;
    result.diagnostics.push_back(error({dataset.name(), 0, "(0008,0016)"}, "dicom.document.kind",
                                       "SOP class " + text_of(data, DCM_SOPClassUID) + " is not a report or an encapsulated document"));
    return result;
}

Parsed<KeyObjects> read_key_objects(const Dataset& dataset) {
    Parsed<KeyObjects> result;
    DcmDataset& data = *dataset.dcmtk().getDataset();
    const std::string charset = text_of(data, DCM_SpecificCharacterSet);
    DSRDocument selection;
    const OFCondition status = selection.read(data);
    if (status.bad() || selection.getDocumentType() != DSRTypes::DT_KeyObjectSelectionDocument) {
        result.diagnostics.push_back(error({dataset.name(), 0, "(0040,A730)"}, "dicom.kos.unreadable",
                                           std::string("the key image selection cannot be read: ") + (status.bad() ? status.text() : "not a Key Object Selection")));
        return result;
    }
    KeyObjects keys;
    DSRDocumentTree& tree = selection.getTree();
    if (tree.gotoRoot()) {
        keys.title = to_utf8(tree.getCurrentContentItem().getConceptName().getCodeMeaning().c_str(), charset);
        do {
            DSRContentItem& item = tree.getCurrentContentItem();
            if (const DSRImageReferenceValue* image = item.getImageReferencePtr(); image && item.getValueType() == DSRTypes::VT_Image)
                keys.sop_instance_uids.emplace_back(image->getSOPInstanceUID().c_str());
            else if (item.getValueType() == DSRTypes::VT_Text && item.getConceptName().getCodeValue() == "113012")   // Key Object Description
                keys.explanation = to_utf8(item.getStringValue().c_str(), charset);
        } while (tree.iterate());
    }
    result.value = std::move(keys);
    return result;
}

}  // namespace ssmix::dicom
