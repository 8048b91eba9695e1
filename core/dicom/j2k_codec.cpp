// core/dicom/j2k_codec.cpp — a DcmCodec per JPEG 2000 transfer syntax, decoding only. A frame's
// fragments are joined into one buffer that OpenJPEG reads through memory stream callbacks; the
// decoded components (32-bit integers) are written back as DICOM stores them: 8 or 16 bits per
// sample as Bits Allocated says, colour interleaved (Planar Configuration 0), signed samples
// sign-extended (a codestream that calls itself unsigned in a file whose Pixel Representation
// says signed is read as the file says, as pydicom and GDCM do too).
#include "core/dicom/j2k_codec.h"

#include <openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dccodec.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcitem.h"
#include "dcmtk/dcmdata/dcpixseq.h"
#include "dcmtk/dcmdata/dcpxitem.h"
#include "dcmtk/dcmdata/dcstack.h"
#include "dcmtk/dcmdata/dcswap.h"
#include "dcmtk/dcmdata/dcvrpobw.h"

namespace ssmix::dicom {
namespace {

makeOFConditionConst(j2k_error, OFM_dcmdata, 0xF201, OF_error, "JPEG 2000 codestream cannot be decoded");
makeOFConditionConst(j2k_mismatch, OFM_dcmdata, 0xF202, OF_error, "JPEG 2000 image does not match the file's image attributes");

// What the dataset says the decoded frame must look like.
struct Geometry {
    Uint16 rows = 0, columns = 0, samples = 0, bits_allocated = 0, pixel_representation = 0;
    Sint32 frames = 1;
    OFString photometric;
    [[nodiscard]] std::size_t bytes_per_sample() const { return bits_allocated > 8 ? 2 : 1; }
    [[nodiscard]] std::size_t frame_bytes() const { return std::size_t{rows} * columns * samples * bytes_per_sample(); }
};

OFCondition read_geometry(DcmItem& dataset, DcmPixelSequence& sequence, Geometry& g) {
    if (dataset.findAndGetUint16(DCM_Rows, g.rows).bad() || dataset.findAndGetUint16(DCM_Columns, g.columns).bad() ||
        dataset.findAndGetUint16(DCM_SamplesPerPixel, g.samples).bad() || dataset.findAndGetUint16(DCM_BitsAllocated, g.bits_allocated).bad())
        return EC_TagNotFound;
    if (g.rows == 0 || g.columns == 0 || (g.samples != 1 && g.samples != 3) || g.bits_allocated == 0 || g.bits_allocated > 16)
        return j2k_mismatch;
    if (dataset.findAndGetSint32(DCM_NumberOfFrames, g.frames).bad() || g.frames < 1) g.frames = 1;
    // never more frames than fragments (item 0 is the offset table)
    if (sequence.card() > 1) g.frames = std::min<Sint32>(g.frames, static_cast<Sint32>(sequence.card() - 1));
    dataset.findAndGetOFString(DCM_PhotometricInterpretation, g.photometric);
    dataset.findAndGetUint16(DCM_PixelRepresentation, g.pixel_representation);
    return EC_Normal;
}

ByteView fragment_bytes(DcmPixelSequence& sequence, unsigned long index) {
    DcmPixelItem* item = nullptr;
    Uint8* data = nullptr;
    if (sequence.getItem(item, index).bad() || !item || item->getUint8Array(data).bad() || !data) return {};
    return {data, item->getLength()};
}

bool starts_codestream(ByteView bytes) {
    static const std::uint8_t soc[] = {0xFF, 0x4F, 0xFF, 0x51};   // SOC, then SIZ
    static const std::uint8_t jp2[] = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20};
    return (bytes.size() >= 4 && std::equal(soc, soc + 4, bytes.data())) || (bytes.size() >= 8 && std::equal(jp2, jp2 + 8, bytes.data()));
}

// The fragments (item numbers) of a frame: by the offset table, else one per frame, else from
// the fragment that starts the frame's codestream to the one before the next start.
std::vector<unsigned long> frame_fragments(DcmPixelSequence& sequence, Sint32 frames, Uint32 frame) {
    const unsigned long items = sequence.card();
    std::vector<unsigned long> starts;
    if (ByteView table = fragment_bytes(sequence, 0); table.size() == 4u * static_cast<unsigned>(frames) && frames > 1) {
        std::vector<Uint32> offsets(static_cast<std::size_t>(frames));
        for (std::size_t i = 0; i < offsets.size(); ++i)
            offsets[i] = static_cast<Uint32>(table[4 * i]) | static_cast<Uint32>(table[4 * i + 1]) << 8 |
                         static_cast<Uint32>(table[4 * i + 2]) << 16 | static_cast<Uint32>(table[4 * i + 3]) << 24;
        Uint32 position = 0;
        for (unsigned long item = 1; item < items; ++item) {
            if (std::find(offsets.begin(), offsets.end(), position) != offsets.end()) starts.push_back(item);
            position += static_cast<Uint32>(fragment_bytes(sequence, item).size()) + 8;   // item tag and length
        }
        if (starts.size() != offsets.size()) starts.clear();   // a table that does not fit: ignore it
    }
    if (starts.empty() && items - 1 == static_cast<unsigned long>(frames))
        for (unsigned long item = 1; item < items; ++item) starts.push_back(item);
    if (starts.empty())
        for (unsigned long item = 1; item < items; ++item)
            if (starts_codestream(fragment_bytes(sequence, item))) starts.push_back(item);
    if (frame >= starts.size()) return {};
    std::vector<unsigned long> fragments;
    const unsigned long end = frame + 1 < starts.size() ? starts[frame + 1] : items;
    for (unsigned long item = starts[frame]; item < end; ++item) fragments.push_back(item);
    return fragments;
}

// OpenJPEG reads the joined codestream from memory.
struct MemoryStream {
    const Bytes* bytes;
    std::size_t at = 0;
};

OPJ_SIZE_T stream_read(void* buffer, OPJ_SIZE_T count, void* user) {
    auto* s = static_cast<MemoryStream*>(user);
    const std::size_t left = s->bytes->size() - s->at;
    if (left == 0) return static_cast<OPJ_SIZE_T>(-1);
    const std::size_t n = std::min<std::size_t>(count, left);
    std::memcpy(buffer, s->bytes->data() + s->at, n);
    s->at += n;
    return n;
}

OPJ_OFF_T stream_skip(OPJ_OFF_T count, void* user) {
    auto* s = static_cast<MemoryStream*>(user);
    const auto target = std::clamp<OPJ_OFF_T>(static_cast<OPJ_OFF_T>(s->at) + count, 0, static_cast<OPJ_OFF_T>(s->bytes->size()));
    const OPJ_OFF_T moved = target - static_cast<OPJ_OFF_T>(s->at);
    s->at = static_cast<std::size_t>(target);
    return moved;
}

OPJ_BOOL stream_seek(OPJ_OFF_T position, void* user) {
    auto* s = static_cast<MemoryStream*>(user);
    if (position < 0 || static_cast<std::size_t>(position) > s->bytes->size()) return OPJ_FALSE;
    s->at = static_cast<std::size_t>(position);
    return OPJ_TRUE;
}

void quiet(const char*, void*) {}

struct CodecDeleter {
    void operator()(opj_codec_t* c) const { opj_destroy_codec(c); }
};
struct StreamDeleter {
    void operator()(opj_stream_t* s) const { opj_stream_destroy(s); }
};
struct ImageDeleter {
    void operator()(opj_image_t* i) const { opj_image_destroy(i); }
};

// Whether the codestream's components are the file's image. Asked after the header too: a
// header that claims a larger image than Rows x Columns would otherwise be decoded in full
// (seconds and gigabytes for a few bytes of input) only to be refused afterwards.
bool matches(const opj_image_t& image, const Geometry& g) {
    if (image.numcomps < g.samples) return false;
    for (unsigned c = 0; c < g.samples; ++c)
        if (image.comps[c].w != g.columns || image.comps[c].h != g.rows || image.comps[c].prec > 16) return false;
    return true;
}

// Decodes one frame's codestream into `out` (frame_bytes() long).
OFCondition decode_codestream(const Bytes& codestream, const Geometry& g, std::uint8_t* out) {
    const bool jp2 = codestream.size() >= 8 && codestream[4] == 0x6A && codestream[5] == 0x50;
    std::unique_ptr<opj_codec_t, CodecDeleter> codec(opj_create_decompress(jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K));
    if (!codec) return j2k_error;
    opj_set_error_handler(codec.get(), quiet, nullptr);
    opj_set_warning_handler(codec.get(), quiet, nullptr);
    opj_set_info_handler(codec.get(), quiet, nullptr);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!opj_setup_decoder(codec.get(), &parameters)) return j2k_error;

    MemoryStream memory{&codestream};
    std::unique_ptr<opj_stream_t, StreamDeleter> stream(opj_stream_create(64 * 1024, OPJ_TRUE));
    if (!stream) return j2k_error;
    opj_stream_set_user_data(stream.get(), &memory, nullptr);
    opj_stream_set_user_data_length(stream.get(), codestream.size());
    opj_stream_set_read_function(stream.get(), stream_read);
    opj_stream_set_skip_function(stream.get(), stream_skip);
    opj_stream_set_seek_function(stream.get(), stream_seek);

    opj_image_t* raw = nullptr;
    if (!opj_read_header(stream.get(), codec.get(), &raw)) return j2k_error;
    std::unique_ptr<opj_image_t, ImageDeleter> image(raw);
    if (!matches(*image, g)) return j2k_mismatch;
    if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get())) return j2k_error;

    if (!matches(*image, g)) return j2k_mismatch;
    for (unsigned c = 0; c < g.samples; ++c)
        if (!image->comps[c].data) return j2k_mismatch;
    const std::size_t pixels = std::size_t{g.rows} * g.columns;
    const std::size_t bytes = g.bytes_per_sample();
    for (unsigned c = 0; c < g.samples; ++c) {
        // The file says signed, the codestream unsigned: its top bit is the sign (sign-extended,
        // so that a reader that does not mask to Bits Stored sees the same value).
        const opj_image_comp_t& comp = image->comps[c];
        if (g.pixel_representation != 1 || comp.sgnd || comp.prec == 0) continue;
        const OPJ_INT32 half = OPJ_INT32{1} << (comp.prec - 1);
        for (std::size_t p = 0; p < pixels; ++p)
            if (comp.data[p] >= half) comp.data[p] -= 2 * half;
    }
    for (std::size_t p = 0; p < pixels; ++p)
        for (unsigned c = 0; c < g.samples; ++c) {
            const auto value = static_cast<std::uint32_t>(image->comps[c].data[p]);
            std::uint8_t* at = out + (p * g.samples + c) * bytes;
            at[0] = static_cast<std::uint8_t>(value);
            if (bytes == 2) at[1] = static_cast<std::uint8_t>(value >> 8);   // little endian, as the uncompressed file
        }
    return EC_Normal;
}

OFCondition decode_frame(DcmPixelSequence& sequence, const Geometry& g, Uint32 frame, std::uint8_t* out) {
    const auto fragments = frame_fragments(sequence, g.frames, frame);
    if (fragments.empty()) return j2k_error;
    Bytes codestream;
    for (const auto item : fragments) {
        const ByteView part = fragment_bytes(sequence, item);
        codestream.insert(codestream.end(), part.begin(), part.end());
    }
    return decode_codestream(codestream, g, out);
}

// YBR_RCT and YBR_ICT name the colour transform inside the codestream; decoded, it is RGB.
OFString decoded_colour_model(const OFString& photometric) {
    return photometric == "YBR_RCT" || photometric == "YBR_ICT" ? OFString("RGB") : photometric;
}

class J2kParameter final : public DcmCodecParameter {
public:
    DcmCodecParameter* clone() const override { return new J2kParameter(*this); }
    const char* className() const override { return "ssmix::dicom::J2kParameter"; }
};

class J2kDecoder final : public DcmCodec {
public:
    explicit J2kDecoder(E_TransferSyntax syntax) : syntax_(syntax) {}

    OFCondition decode(const DcmRepresentationParameter*, DcmPixelSequence* sequence, DcmPolymorphOBOW& pixels, const DcmCodecParameter*,
                       const DcmStack& stack, OFBool& remove_old) const override {
        remove_old = OFTrue;   // the photometric interpretation and planar configuration may change
        DcmStack local(stack);
        local.pop();   // the pixel data element
        DcmObject* parent = local.pop();
        if (!parent || !sequence || (parent->ident() != EVR_dataset && parent->ident() != EVR_item)) return EC_InvalidTag;
        auto& dataset = *static_cast<DcmItem*>(parent);
        Geometry g;
        OFCondition status = read_geometry(dataset, *sequence, g);
        if (status.bad()) return status;
        const std::size_t total = g.frame_bytes() * static_cast<std::size_t>(g.frames);
        if (total > 0xFFFFFFF0u) return j2k_mismatch;
        Uint16* words = nullptr;
        status = pixels.createUint16Array(static_cast<Uint32>((total + 1) / 2), words);
        if (status.bad()) return status;
        auto* out = reinterpret_cast<std::uint8_t*>(words);
        for (Sint32 frame = 0; frame < g.frames && status.good(); ++frame)
            status = decode_frame(*sequence, g, static_cast<Uint32>(frame), out + static_cast<std::size_t>(frame) * g.frame_bytes());
        if (status.bad()) return status;
        // The bytes were written little endian; DCMTK keeps OW in the machine's order.
        if (g.bytes_per_sample() == 2) swapIfNecessary(gLocalByteOrder, EBO_LittleEndian, words, static_cast<Uint32>(total), sizeof(Uint16));
        if (g.samples == 3) {
            status = dataset.putAndInsertUint16(DCM_PlanarConfiguration, 0);
            if (status.good()) status = dataset.putAndInsertString(DCM_PhotometricInterpretation, decoded_colour_model(g.photometric).c_str());
        }
        return status;
    }

    OFCondition decodeFrame(const DcmRepresentationParameter*, DcmPixelSequence* sequence, const DcmCodecParameter*, DcmItem* dataset,
                            Uint32 frame, Uint32& start_fragment, void* buffer, Uint32 size, OFString& colour_model) const override {
        if (!sequence || !dataset) return EC_IllegalCall;
        Geometry g;
        OFCondition status = read_geometry(*dataset, *sequence, g);
        if (status.bad()) return status;
        if (size < g.frame_bytes() || frame >= static_cast<Uint32>(g.frames)) return EC_IllegalCall;
        status = decode_frame(*sequence, g, frame, static_cast<std::uint8_t*>(buffer));
        if (status.bad()) return status;
        if (g.bytes_per_sample() == 2)
            swapIfNecessary(gLocalByteOrder, EBO_LittleEndian, buffer, static_cast<Uint32>(g.frame_bytes()), sizeof(Uint16));
        start_fragment = 0;   // the next frame is found again from the table or the markers
        colour_model = decoded_colour_model(g.photometric);
        return EC_Normal;
    }

    OFCondition encode(const Uint16*, const Uint32, const DcmRepresentationParameter*, DcmPixelSequence*&, const DcmCodecParameter*, DcmStack&,
                       OFBool&) const override {
        return EC_IllegalCall;   // decoding only
    }
    OFCondition encode(const E_TransferSyntax, const DcmRepresentationParameter*, DcmPixelSequence*, const DcmRepresentationParameter*,
                       DcmPixelSequence*&, const DcmCodecParameter*, DcmStack&, OFBool&) const override {
        return EC_IllegalCall;
    }

    OFBool canChangeCoding(const E_TransferSyntax from, const E_TransferSyntax to) const override {
        return from == syntax_ && !DcmXfer(to).isEncapsulated();
    }

    OFCondition determineDecompressedColorModel(const DcmRepresentationParameter*, DcmPixelSequence*, const DcmCodecParameter*, DcmItem* dataset,
                                                OFString& colour_model) const override {
        if (!dataset) return EC_IllegalCall;
        OFString photometric;
        const OFCondition status = dataset->findAndGetOFString(DCM_PhotometricInterpretation, photometric);
        colour_model = decoded_colour_model(photometric);
        return status;
    }

private:
    E_TransferSyntax syntax_;
};

}  // namespace

void register_j2k_decoder() {
    static const bool registered = [] {
        static const J2kParameter parameter;
        static const J2kDecoder lossless(EXS_JPEG2000LosslessOnly), lossy(EXS_JPEG2000);
        DcmCodecList::registerCodec(&lossless, nullptr, &parameter);
        DcmCodecList::registerCodec(&lossy, nullptr, &parameter);
        return true;
    }();
    (void)registered;
}

const char* htj2k_name(std::string_view uid) {
    while (!uid.empty() && (uid.back() == '\0' || uid.back() == ' ')) uid.remove_suffix(1);   // UI padding
    if (uid == "1.2.840.10008.1.2.4.201") return "High-Throughput JPEG 2000 Image Compression (Lossless Only)";
    if (uid == "1.2.840.10008.1.2.4.202") return "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)";
    if (uid == "1.2.840.10008.1.2.4.203") return "High-Throughput JPEG 2000 Image Compression";
    return nullptr;
}

}  // namespace ssmix::dicom
