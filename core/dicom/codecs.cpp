// core/dicom/codecs.cpp — DCMTK's codec registries and log level; idempotent because both
// the packager and the viewer call it from several entry points.
#include "core/dicom/codecs.h"

#include "core/dicom/j2k_codec.h"

#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcrledrg.h"
#include "dcmtk/dcmjpeg/djdecode.h"
#include "dcmtk/dcmjpls/djdecode.h"
#include "dcmtk/oflog/oflog.h"

namespace ssmix::dicom {

void register_decoders() {
    static const bool registered = [] {
        // The core never prints: problems reach the caller as Diagnostics. (DCMTK's log would
        // otherwise write to stderr, and in the browser to the console.)
        OFLog::configure(OFLogger::OFF_LOG_LEVEL);
        DJDecoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
        DcmRLEDecoderRegistration::registerCodecs();
        register_j2k_decoder();
        return true;
    }();
    (void)registered;
}

}  // namespace ssmix::dicom
