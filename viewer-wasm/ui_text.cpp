// viewer-wasm/ui_text.cpp — the string table. The physician is Japanese and busy: plain words,
// no jargon.
#include "viewer-wasm/ui_text.h"

#include <array>
#include <string>

namespace ssmix::viewer {
namespace {

struct Entry {
    std::string_view ja;
    std::string_view en;
};

constexpr std::array<Entry, static_cast<std::size_t>(Text::count_)> table = {{
    {"診療情報提供書・画像ビューア", "Referral records and image viewer"},
    {"患者ID", "Patient ID"},
    {"生年月日", "Date of birth"},
    {"性別", "Sex"},
    {"男", "Male"},
    {"女", "Female"},
    {"その他", "Other"},
    {"画像", "Images"},
    {"画像はまだありません。CDの画像を見るには、右上の「フォルダを開く」でCDのフォルダを選んでください。",
     "No images yet. To see the disc's images, choose the disc's folder with \"Open a folder\" (top right)."},
    {"枚", " images"},
    {"読み込み中…", "Loading…"},
    {"ディスクの内容を読み込んでいます…", "Reading the disc…"},
    {"左の一覧から画像を選んでください", "Choose images from the list on the left"},
    {"この画像は表示できません", "This image cannot be shown"},
    {"コマ", "Frame"},
    {"濃度 / 幅", "Level / width"},
    {"English", "日本語"},
    {"このブラウザでは画像を表示できません（WebGL2 が使えません）", "This browser cannot show images (WebGL2 is not available)"},
    {"紹介状・文書", "Letters and documents"},
    {"診療情報", "Clinical record"},
    {"病名・アレルギー", "Problems and allergies"},
    {"処方・注射", "Prescriptions and injections"},
    {"検査結果", "Laboratory results"},
    {"フォルダを開く", "Open a folder"},
    {"歳", " years"},
    {"元の濃度", "File's window"},
    {"白黒反転", "Invert"},
    {"注釈を表示", "Show overlays"},
    {"全体表示", "Fit"},
    {"印刷用ページ", "Page to print"},
    {"計測", "Measure"},
    {"位置", "Position"},
    {"再生", "Play"},
    {"停止", "Stop"},
    {"タグ", "Tags"},
    {"本文をコピー", "Copy the text"},
    {"文字を選択", "Select text"},
    {"読みやすい表示", "Reading view"},
    {"この文書の本文はファイルです。保存してから開いてください。", "This document's body is a file. Save it, then open it."},
    {"ファイルを保存", "Save the file"},
    {"目次", "Contents"},
    {"病名", "Problems"},
    {"アレルギー", "Allergies"},
    {"処方・注射の記録はありません", "No prescriptions or injections are recorded"},
    {"検査結果の記録はありません", "No laboratory results are recorded"},
    {"赤: 基準より高値　青: 基準より低値　検査名を選ぶと経過のグラフを表示します",
     "Red: above the reference range  Blue: below it  Choose a test to see its values over time"},
    {"回", " results"},
    {"（無題）", "(untitled)"},
    {" の本文は、ディスクの IHE_XDM フォルダの文書をご覧ください", ": see the document in the disc's IHE_XDM folder for its body"},
    {"画像", "Image"},
    {"別の患者", "Another patient"},
    {"表示中の画像は別の患者のものです", "The images shown are another patient's"},
    {"肺野", "Lung"},
    {"縦隔", "Mediastinum"},
    {"骨", "Bone"},
    {"脳", "Brain"},
    {"キー画像", "Key images"},
    {"表示中の文書は別の患者のものです", "The document shown is another patient's"},
    {"この画像は読み込まれていません（ディスクにないか、別の患者の画像です）", "This image is not among those read (not on the disc, or another patient's)"},
    {"なし", "none"},
    {"厚さ", "Thickness"},
    {"角度", "Angle"},
    {"領域", "Region"},
    {"平均", "Mean"},
    {"最小", "Min"},
    {"最大", "Max"},
    {"面積", "Area"},
    {"1画面", "1 view"},
    {"2画面", "2 views"},
    {"4画面", "4 views"},
    {"連動", "Link"},
    {"撮影時の位置基準が異なるため、位置は目安です", "Taken in another frame of reference: the position is approximate"},
    {"断面の向きが異なるため連動しません", "The planes face other ways: not linked"},
    {"位置の情報がないため連動しません", "No position in the files: not linked"},
    {"別の患者の画像のため連動しません", "Another patient's images: not linked"},
    {"左の一覧からシリーズをここへドラッグしてください", "Drag a series here from the list on the left"},
    {"MPR（3断面）", "MPR (3 planes)"},
    {"MPRを終了", "Leave MPR"},
    {"MIP厚", "MIP slab"},
    {"断面を作成中…", "Making the planes…"},
    {"メモリに収めるため解像度を下げて表示しています", "Shown at a reduced resolution to fit in memory"},
    {"横断", "Axial"},
    {"冠状断", "Coronal"},
    {"矢状断", "Sagittal"},
}};

}  // namespace

std::string_view text(Text id, Language language) {
    const Entry& entry = table[static_cast<std::size_t>(id)];
    return language == Language::ja ? entry.ja : entry.en;
}

std::string_view all_texts() {
    static const std::string joined = [] {
        std::string all;
        for (const auto& entry : table) {
            all += entry.ja;
            all += entry.en;
        }
        return all;
    }();
    return joined;
}

}  // namespace ssmix::viewer
