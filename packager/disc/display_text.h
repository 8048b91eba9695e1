// packager/disc/display_text.h — how the disc's human-readable files write dates and sex.
#pragma once

#include <string>

namespace ssmix::packager {

// "20111219" -> "2011年12月19日"; anything else unchanged.
[[nodiscard]] inline std::string date_ja(const std::string& d) {
    return d.size() == 8 ? d.substr(0, 4) + "年" + d.substr(4, 2) + "月" + d.substr(6, 2) + "日" : d;
}

[[nodiscard]] inline std::string date_en(const std::string& d) {
    return d.size() == 8 ? d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2) : d;
}

[[nodiscard]] inline std::string sex_ja(const std::string& sex) {
    return sex == "M" ? "男" : sex == "F" ? "女" : sex == "O" ? "その他" : "不明";
}

[[nodiscard]] inline std::string sex_en(const std::string& sex) {
    return sex == "M" ? "male" : sex == "F" ? "female" : sex == "O" ? "other" : "unknown";
}

}  // namespace ssmix::packager
