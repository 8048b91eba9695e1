// packager/disc/readme_text.cpp — plain sentences, the same facts in both languages.
#include "packager/disc/readme_text.h"

#include "packager/disc/display_text.h"

namespace ssmix::packager {

std::string readme_text(const DiscSummary& s) {
    std::string t = "\xEF\xBB\xBF";   // UTF-8 byte order mark
    auto line = [&](const std::string& text = "") { t += text + "\r\n"; };

    line("診療情報・画像 CD（SS-MIX Carry）");
    line("==================================");
    line();
    line("患者: " + s.patient_name + (s.patient_name_kana.empty() ? "" : "（" + s.patient_name_kana + "）") + "  患者ID " +
         s.patient_id + "  生年月日 " + date_ja(s.birth_date) + "  性別 " + sex_ja(s.sex));
    line("作成: " + s.institution + "  " + s.created);
    line();
    line("この CD は、紹介先の先生に患者さんの診療情報と画像をお届けするためのものです。");
    line("開き方: CD の中の INDEX.HTM をダブルクリックしてください。ブラウザ（Edge、Chrome、");
    line("Firefox、Safari）で紹介状・検査結果・処方・画像を見ることができます。インストールは不要で、");
    line("インターネットにも接続しません。自動で起動するプログラムはありません。");
    line("画像は DICOM 形式（DICOMDIR、IHE PDI）でも収録しているので、お手元の画像ビューアや");
    line("PACS に取り込めます。");
    line();
    line("収録内容:");
    for (const auto& d : s.documents)
        line("  文書: " + d.title + (d.date.empty() ? "" : "（" + date_ja(d.date.substr(0, 8)) + (d.author.empty() ? "" : "、" + d.author) + "）") +
             "  IHE_XDM フォルダ（IHE_PDI フォルダに表示用）");
    line("  SS-MIX2 標準化ストレージ（SSMIX2 フォルダ）: " + std::to_string(s.ssmix2_files) + " ファイル");
    for (const auto& study : s.studies)
        line("  画像: " + date_ja(study.date) + " " + study.description + "（" + study.modalities + "、" +
             std::to_string(study.images) + " 枚" + (study.order.empty() ? "" : "、オーダ: " + study.order) + "）");
    if (!s.not_in_viewer_bundle.empty()) {
        line("  ※ 次のシリーズは容量のためブラウザ表示用データに含めていません。表示するときは、");
        line("    ビューアの「フォルダを開く」で CD のフォルダを選んでください:");
        for (const auto& series : s.not_in_viewer_bundle) line("    " + series);
    }
    line("  各ファイルの SHA-256 は SHA256.TXT にあります（sha256sum -c SHA256.TXT で確認できます）。");
    line();
    line("Medical records and images (SS-MIX Carry)");
    line("=========================================");
    line();
    line("Patient: " + s.patient_id + ", born " + date_en(s.birth_date) + ", " + sex_en(s.sex));
    line("Made by: " + s.institution + ", " + s.created + ", for " + s.media);
    line();
    line("This disc carries a patient's records and images to the receiving physician.");
    line("To read it, open INDEX.HTM in any current web browser. Nothing is installed, nothing is");
    line("started automatically, and no network connection is made.");
    line();
    line("Contents and standards:");
    line("  INDEX.HTM, VIEWER/        the viewer (HTML + WebAssembly) and its data");
    line("  DICOMDIR, DICOM/          images, DICOM Part 10, " + s.dicom_profile + " (IHE PDI)");
    line("  SSMIX2/                   the patient's SS-MIX2 standardized storage (HL7 v2.5)");
    if (!s.documents.empty())
        line("  IHE_XDM/SUBSET01/         " + std::to_string(s.documents.size()) + " clinical document(s), HL7 CDA R2 or FHIR JSON, with XDS metadata (IHE XDM)");
    line("  IHE_PDI/INDEX.HTM         the record as a plain web page (no JavaScript needed)");
    line("  SHA256.TXT                SHA-256 of every file (sha256sum -c SHA256.TXT)");
    line("  README.TXT                this file");
    line("  " + std::to_string(s.studies.size()) + " image studies, " + std::to_string(s.ssmix2_files) + " SS-MIX2 messages.");
    if (!s.not_in_viewer_bundle.empty())
        line("  " + std::to_string(s.not_in_viewer_bundle.size()) +
             " series are on the disc but not in the viewer's data (too large); open the disc folder from the viewer to see them.");
    return t;
}

}  // namespace ssmix::packager
