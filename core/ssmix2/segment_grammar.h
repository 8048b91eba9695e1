// core/ssmix2/segment_grammar.h — checks the order of a message's segments against the
// structure SS-MIX2 expects for its message type (core/ssmix2/data/segment_grammar.txt).
// The grammar is compiled to a small automaton and run over the segment ids once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ssmix::ssmix2 {

struct GrammarMismatch {
    std::size_t segment_index = 0;          // first segment that does not fit (== count: the message ended early)
    std::vector<std::string> expected;      // segment ids that would have fitted there
};

class SegmentGrammar {
public:
    // Notation: segment ids, [ ] optional, { } one or more, [{ }] zero or more, ANY any segment.
    // Empty when the text is not a valid grammar.
    [[nodiscard]] static std::optional<SegmentGrammar> compile(std::string_view notation);

    // Empty when the whole sequence matches.
    [[nodiscard]] std::optional<GrammarMismatch> match(const std::vector<std::string_view>& segment_ids) const;

    struct State {
        std::string segment;                // "" for an epsilon-only state; "*" matches any segment
        std::vector<std::size_t> next;      // epsilon transitions (segment states: after consuming)
    };

private:
    std::vector<State> states_;
    std::size_t start_ = 0, accept_ = 0;
    friend class GrammarBuilder;
};

// The grammar for a message type ("RDE^O11"), or nullptr when SS-MIX2 defines none.
[[nodiscard]] const SegmentGrammar* grammar_for(std::string_view message_type);

}  // namespace ssmix::ssmix2
