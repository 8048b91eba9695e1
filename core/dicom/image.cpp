// core/dicom/image.cpp — DicomImage with partial access: one frame decoded at a time, so a
// multi-frame clip or a big series never sits decoded in memory all at once.
#include "core/dicom/image.h"

#include <algorithm>

#include "core/dicom/codecs.h"

#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmimage/diregist.h"   // colour images (RGB, YBR, palette)
#include "dcmtk/dcmimgle/dcmimage.h"
#include "dcmtk/dcmimgle/dipixel.h"
#include "dcmtk/dcmjpeg/dipijpeg.h"

#include <cstdio>
#include <memory>

namespace ssmix::dicom {

FrameRenderer::FrameRenderer(const Dataset& dataset) : dataset_(&dataset) {
    register_decoders();
    Sint32 frames = 1;
    DcmDataset* data = dataset.dcmtk().getDataset();
    if (data->findAndGetSint32(DCM_NumberOfFrames, frames).bad() || frames < 1) frames = 1;
    frame_count_ = data->tagExists(DCM_PixelData) ? static_cast<unsigned>(frames) : 0;
}
FrameRenderer::FrameRenderer(FrameRenderer&&) noexcept = default;
FrameRenderer& FrameRenderer::operator=(FrameRenderer&&) noexcept = default;
FrameRenderer::~FrameRenderer() = default;

Parsed<RenderedFrame> FrameRenderer::render(unsigned frame, std::optional<Window> window) {
    Parsed<RenderedFrame> result;
    auto fail = [&](std::string code, std::string message) {
        result.diagnostics.push_back(error({dataset_->name(), 0, "(7FE0,0010)"}, std::move(code), std::move(message)));
        return result;
    };
    if (frame >= frame_count_)
        return fail("dicom.image.no_such_frame", "frame " + std::to_string(frame) + " asked for, the file has " +
                                                     std::to_string(frame_count_));
    if (!image_ || frame_ != frame) {
        image_.reset();
        groups_ = frame_groups(*dataset_, frame);
        auto image = decode(frame);
        if (image->getStatus() != EIS_Normal && frame > 0) {
            // Compressed frames without an offset table whose fragments DCMTK cannot tell apart
            // (several fragments a frame): the whole pixel data decoded, then the frame taken.
            image.reset();
            image = decode(frame, false);
        }
        if (image->getStatus() != EIS_Normal)
            return fail("dicom.image.undecodable",
                        "frame " + std::to_string(frame) + " cannot be decoded: " +
                            DicomImage::getString(image->getStatus()));
        image_ = std::move(image);
        frame_ = frame;
    }

    RenderedFrame out;
    out.width = static_cast<unsigned>(image_->getWidth());
    out.height = static_cast<unsigned>(image_->getHeight());
    out.channels = image_->isMonochrome() ? 1 : 3;
    out.spacing_row = groups_.spacing_row, out.spacing_column = groups_.spacing_column;
    out.position_z = groups_.position_z;
    out.orientation = groups_.orientation;
    out.slice_thickness = groups_.slice_thickness;
    if (image_->isMonochrome()) {
        double center = 0, width = 0;
        // The file's own window only when usable: some MR files carry a width of 0, which would
        // draw a blank image; then the VOI LUT, else the frame's own range. An enhanced image
        // gives its window per frame.
        if (!window && groups_.window_center && *groups_.window_width >= 1) window = Window{*groups_.window_center, *groups_.window_width};
        bool windowed = window ? image_->setWindow(window->center, window->width) != 0
                               : image_->getWindowCount() > 0 && image_->setWindow(0) && image_->getWindow(center, width) && width >= 1;
        if (!windowed && !window && image_->getVoiLutCount() > 0) windowed = image_->setVoiLut(0) != 0;
        if (!windowed) image_->setMinMaxWindow(0);
        if (image_->getWindow(center, width)) out.window = Window{center, width};
        out.has_overlays = image_->getOverlayCount() > 0;
        if (out.has_overlays) overlays_ ? image_->showAllOverlays() : image_->hideAllOverlays();
    }
    const unsigned long size = image_->getOutputDataSize(8);
    if (size != static_cast<unsigned long>(out.width) * out.height * out.channels)
        return fail("dicom.image.unexpected_size", "rendered frame has an unexpected size");
    out.pixels.resize(size);
    if (!image_->getOutputData(out.pixels.data(), size, 8, 0))
        return fail("dicom.image.render_failed", "frame " + std::to_string(frame) + " could not be rendered");
    result.value = std::move(out);
    return result;
}

std::optional<ModalityFrame> FrameRenderer::modality_values() const {
    const DiPixel* inter = image_ && image_->isMonochrome() ? image_->getInterData() : nullptr;
    if (!inter || inter->getPlanes() != 1) return std::nullopt;
    ModalityFrame out;
    out.width = static_cast<unsigned>(image_->getWidth());
    out.height = static_cast<unsigned>(image_->getHeight());
    const std::size_t count = std::size_t{out.width} * out.height;
    if (inter->getCount() < count) return std::nullopt;
    out.values.resize(count);
    const auto copy = [&](const auto* data) { std::copy(data, data + count, out.values.begin()); };
    switch (inter->getRepresentation()) {
        case EPR_Uint8: copy(static_cast<const Uint8*>(inter->getData())); break;
        case EPR_Sint8: copy(static_cast<const Sint8*>(inter->getData())); break;
        case EPR_Uint16: copy(static_cast<const Uint16*>(inter->getData())); break;
        case EPR_Sint16: copy(static_cast<const Sint16*>(inter->getData())); break;
        case EPR_Uint32: copy(static_cast<const Uint32*>(inter->getData())); break;
        case EPR_Sint32: copy(static_cast<const Sint32*>(inter->getData())); break;
    }
    return out;
}

// The current representation: a dataset decoded for the disc (transcode) is read as decoded.
// An enhanced image's rescale comes from its functional groups (DCMTK reads only the top level).
std::unique_ptr<DicomImage> FrameRenderer::decode(unsigned frame, bool partial) const {
    DcmDataset* data = dataset_->dcmtk().getDataset();
    const unsigned long flags = partial ? CIF_UsePartialAccessToPixelData : 0;
    if (groups_.rescale_slope || groups_.rescale_intercept)
        return std::make_unique<DicomImage>(data, data->getCurrentXfer(), groups_.rescale_slope.value_or(1.0), groups_.rescale_intercept.value_or(0.0),
                                            flags, frame, 1);
    return std::make_unique<DicomImage>(data, data->getCurrentXfer(), flags, frame, 1);
}

Parsed<Bytes> FrameRenderer::jpeg(unsigned frame, int quality) {
    Parsed<Bytes> result;
    auto rendered = render(frame, std::nullopt);
    result.diagnostics = std::move(rendered.diagnostics);
    if (!rendered.value) return result;
    DiJPEGPlugin plugin;
    plugin.setQuality(static_cast<unsigned>(quality));
    plugin.setSampling(ESS_444);
    // DCMTK writes plugin formats to a FILE*; an anonymous temporary file keeps this portable.
    std::unique_ptr<FILE, decltype(&std::fclose)> file(std::tmpfile(), std::fclose);
    if (!file || !image_->writePluginFormat(&plugin, file.get(), 0)) {
        result.diagnostics.push_back(error({dataset_->name(), 0, "(7FE0,0010)"}, "dicom.image.jpeg_failed",
                                           "frame " + std::to_string(frame) + " could not be written as JPEG"));
        return result;
    }
    Bytes bytes(static_cast<std::size_t>(std::ftell(file.get())));
    std::rewind(file.get());
    if (std::fread(bytes.data(), 1, bytes.size(), file.get()) != bytes.size()) {
        result.diagnostics.push_back(error({dataset_->name(), 0, ""}, "dicom.image.jpeg_failed", "the JPEG could not be read back"));
        return result;
    }
    result.value = std::move(bytes);
    return result;
}

}  // namespace ssmix::dicom
