// core/base/language.h — the languages every user-visible text comes in: Japanese first.
#pragma once

namespace ssmix {

enum class Language { ja, en };

}  // namespace ssmix
