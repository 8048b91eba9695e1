// packager/listen/ack.h — HL7 v2.5 original-mode acknowledgements (ch. 2.9): MSA-1 AA when the
// message is durably stored, AE with an ERR segment when it is HL7 but cannot be stored, AR
// when it cannot be read as HL7. MSA-2 echoes MSH-10; MSH-18 and MSH-20 repeat the request's;
// ERR carries the place (ERR-2), the HL7 error code (ERR-3, table 0357), the technical detail
// (ERR-7) and a Japanese message for the sender's staff (ERR-8), encoded as ISO-2022-JP.
#pragma once

#include <string>

#include "core/base/bytes.h"
#include "packager/ingest/ingest_pipeline.h"

namespace ssmix::packager {

// `control_id` names the ACK itself (MSH-10); `now` is its MSH-7 (YYYYMMDDHHMMSS).
[[nodiscard]] Bytes make_ack(ByteView request, const IngestResult& result, const std::string& control_id,
                             const std::string& now);

// The Japanese line for ERR-8, chosen by the diagnostic code.
[[nodiscard]] std::string japanese_reason(const std::string& diagnostic_code);

}  // namespace ssmix::packager
