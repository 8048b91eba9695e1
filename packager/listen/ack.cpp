// packager/listen/ack.cpp — the ACK written with core/hl7's writer, so its Japanese text is
// strict ISO-2022-JP like everything else we write.
#include "packager/listen/ack.h"

#include "core/hl7/field.h"
#include "core/hl7/parse.h"
#include "core/hl7/write.h"

namespace ssmix::packager {
namespace {

struct ErrorCode {
    const char* code;
    const char* text;
};

// HL7 table 0357 (message error condition codes), chosen by our diagnostic code's prefix.
ErrorCode hl7_error(const std::string& diagnostic) {
    if (diagnostic.starts_with("ssmix2.type.")) return {"200", "Unsupported message type"};
    if (diagnostic.starts_with("ssmix2.structure.") || diagnostic == "hl7.msh.missing" || diagnostic.starts_with("hl7.segment."))
        return {"100", "Segment sequence error"};
    if (diagnostic.ends_with(".missing")) return {"101", "Required field missing"};
    if (diagnostic.starts_with("storage.")) return {"207", "Application internal error"};
    return {"102", "Data type error"};
}

const Diagnostic* first_error(const IngestResult& result) {
    for (const auto& d : result.diagnostics)
        if (d.severity == Severity::error) return &d;
    return nullptr;
}

}  // namespace

std::string japanese_reason(const std::string& code) {
    if (code == "hl7.msh.missing") return "HL7メッセージではありません（MSHセグメントで始まっていません）";
    if (code.starts_with("hl7.delimiters.")) return "MSHの区切り文字が正しくありません";
    if (code == "hl7.too_large") return "メッセージが大きすぎます";
    if (code.starts_with("hl7.jis.") || code.starts_with("text.jis.")) return "文字コードがISO-2022-JP（JIS X 0208）として正しくありません";
    if (code == "ssmix2.type.unknown") return "SS-MIX2のデータ種別にないメッセージ型です";
    if (code == "ssmix2.patient.missing") return "患者ID（PID-3）が空です";
    if (code == "ssmix2.patient.unsafe") return "患者IDに使えない文字が含まれています（英数字とハイフンのみ、30文字まで）";
    if (code == "ssmix2.care_date.missing") return "診療日を決める項目が空です";
    if (code == "ssmix2.care_date.invalid") return "診療日が正しい日付ではありません";
    if (code == "ssmix2.timestamp.invalid") return "メッセージ日時（MSH-7）が正しい日時ではありません";
    if (code.starts_with("ssmix2.structure.")) return "セグメントの並びがSS-MIX2の規定と異なります";
    if (code.starts_with("storage.")) return "ストレージに保存できませんでした（受信側の障害）";
    return "メッセージを保存できませんでした";
}

Bytes make_ack(ByteView request, const IngestResult& result, const std::string& control_id, const std::string& now) {
    auto parsed = hl7::parse_message(request, "request");
    const hl7::Message* m = parsed.value ? &*parsed.value : nullptr;
    auto request_field = [&](std::size_t n, std::size_t component = 1) {
        return m ? m->field("MSH", n).component(component).text() : std::string();
    };
    const hl7::Delimiters delimiters = m ? m->delimiters() : hl7::Delimiters{};

    hl7::MessageWriter w(delimiters);
    w.add_segment("MSH");
    w.set(3, request_field(5));
    w.set(4, request_field(6));
    w.set(5, request_field(3));
    w.set(6, request_field(4));
    w.set(7, now);
    w.set(9, "ACK");
    w.set(9, request_field(9, 2), 2);
    w.set(9, "ACK", 3);
    w.set(10, control_id);
    w.set(11, request_field(11).empty() ? "P" : request_field(11));
    w.set(12, "2.5");
    if (m && !m->field("MSH", 18).empty()) {
        std::size_t r = 0;
        for (const auto& repetition : m->field("MSH", 18).repetitions()) w.set(18, repetition.text(), 1, ++r);
    } else {
        w.set(18, "", 1, 1);
        w.set(18, "ISO IR87", 1, 2);
    }
    w.set(20, request_field(20).empty() ? "ISO 2022-1994" : request_field(20));

    const bool accepted = result.status == IngestStatus::stored || result.status == IngestStatus::cancelled ||
                          result.status == IngestStatus::duplicate;
    const char* code = accepted ? "AA" : result.status == IngestStatus::unreadable ? "AR" : "AE";
    w.add_segment("MSA");
    w.set(1, code);
    w.set(2, result.control_id.empty() ? request_field(10) : result.control_id);

    if (!accepted) {
        const Diagnostic* problem = first_error(result);
        const std::string diagnostic = problem ? problem->code : "storage.unknown";
        const ErrorCode hl7_code = hl7_error(diagnostic);
        w.add_segment("ERR");
        // ERR-2 (ERL): segment id ^ sequence ^ field, from a place such as "PID-3".
        const std::string where = problem ? problem->place.where : "";
        const auto dash = where.find('-');
        if (!where.empty() && where.size() >= 3) {
            w.set(2, where.substr(0, 3), 1);
            w.set(2, "1", 2);
            if (dash != std::string::npos) {
                std::string field;
                for (char c : where.substr(dash + 1)) {
                    if (c < '0' || c > '9') break;
                    field += c;
                }
                w.set(2, field, 3);
            }
        }
        w.set(3, hl7_code.code, 1);
        w.set(3, hl7_code.text, 2);
        w.set(3, "HL70357", 3);
        w.set(4, "E");
        w.set(7, problem ? to_string(*problem) : "the message could not be stored");
        w.set(8, japanese_reason(diagnostic));
    }
    return w.finish({"ack", 0, ""}).bytes;
}

}  // namespace ssmix::packager
