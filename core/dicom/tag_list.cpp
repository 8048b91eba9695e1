// core/dicom/tag_list.cpp — walks DCMTK's element tree once.
#include "core/dicom/tag_list.h"

#include <cstdio>

#include "core/dicom/text.h"
#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcmetinf.h"
#include "dcmtk/dcmdata/dcsequen.h"

namespace ssmix::dicom {
namespace {

bool is_text_vr(DcmEVR vr) {
    return vr == EVR_PN || vr == EVR_LO || vr == EVR_SH || vr == EVR_ST || vr == EVR_LT || vr == EVR_UT || vr == EVR_UC;
}

bool is_binary_vr(DcmEVR vr) {
    return vr == EVR_OB || vr == EVR_OW || vr == EVR_OF || vr == EVR_OD || vr == EVR_OL || vr == EVR_UN || vr == EVR_ox ||
           vr == EVR_px || vr == EVR_pixelSQ;
}

// Cut at a character boundary (UTF-8 continuation bytes are 10xxxxxx).
std::string cut(std::string text) {
    if (text.size() <= max_value_chars) return text;
    std::size_t end = max_value_chars;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text.resize(end);
    return text + "…";
}

class Walker {
public:
    explicit Walker(std::string charset) : charset_(std::move(charset)) {}

    void item(DcmItem& item, int depth) {
        for (unsigned long i = 0; i < item.card(); ++i) element(*item.getElement(i), depth);
    }

    std::vector<TagRow> rows;

private:
    void element(DcmElement& element, int depth) {
        DcmTag tag = element.getTag();   // a copy: getTagName() is not const in DCMTK 3.6.7
        char key[16];
        std::snprintf(key, sizeof key, "(%04X,%04X)", tag.getGTag(), tag.getETag());
        TagRow row{depth, key, tag.getTagName(), DcmVR(element.getVR()).getVRName(), {}};
        const DcmEVR vr = element.getVR();
        if (vr == EVR_SQ) {
            auto& sequence = static_cast<DcmSequenceOfItems&>(element);
            row.value = std::to_string(sequence.card()) + " item(s)";
            rows.push_back(std::move(row));
            for (unsigned long i = 0; i < sequence.card(); ++i) item(*sequence.getItem(i), depth + 1);
            return;
        }
        if (is_binary_vr(vr) || tag == DCM_PixelData) {
            row.value = "(" + std::to_string(element.getLength()) + " bytes)";
        } else {
            OFString value;
            if (element.getOFStringArray(value).good()) row.value = is_text_vr(vr) ? to_utf8(value.c_str(), charset_) : value.c_str();
        }
        row.value = cut(std::move(row.value));
        rows.push_back(std::move(row));
    }

    std::string charset_;
};

}  // namespace

std::vector<TagRow> tag_rows(const Dataset& dataset) {
    DcmFileFormat& file = dataset.dcmtk();
    OFString charset;
    file.getDataset()->findAndGetOFStringArray(DCM_SpecificCharacterSet, charset);
    Walker walker(charset.c_str());
    walker.item(*file.getMetaInfo(), 0);
    walker.item(*file.getDataset(), 0);
    return std::move(walker.rows);
}

}  // namespace ssmix::dicom
