// core/ssmix2/segment_grammar.cpp — Thompson's construction: every segment id is a state that
// consumes it; [ ] adds a bypass, { } a loop back. Matching tracks the set of live states.
#include "core/ssmix2/segment_grammar.h"

#include <cctype>
#include <map>
#include <set>

#include "core/ssmix2/detail/rules_data.h"

namespace ssmix::ssmix2 {

// Builds states while parsing the notation by recursive descent.
class GrammarBuilder {
public:
    explicit GrammarBuilder(std::string_view text) : text_(text) {}

    std::optional<SegmentGrammar> build() {
        const std::size_t start = add_state("");
        std::size_t end = 0;
        if (!sequence(start, end, '\0')) return std::nullopt;
        skip_spaces();
        if (at_ != text_.size()) return std::nullopt;
        grammar_.start_ = start;
        grammar_.accept_ = end;
        return std::move(grammar_);
    }

private:
    std::size_t add_state(std::string segment) {
        grammar_.states_.push_back({std::move(segment), {}});
        return grammar_.states_.size() - 1;
    }
    void link(std::size_t from, std::size_t to) { grammar_.states_[from].next.push_back(to); }
    void skip_spaces() {
        while (at_ < text_.size() && text_[at_] == ' ') ++at_;
    }

    // Parses items until `close`; connects them from `entry`, returns the exit state.
    bool sequence(std::size_t entry, std::size_t& exit, char close) {
        std::size_t current = entry;
        for (;;) {
            skip_spaces();
            if (at_ == text_.size()) return close == '\0' ? (exit = current, true) : false;
            const char c = text_[at_];
            if (c == close) {
                ++at_;
                exit = current;
                return true;
            }
            if (c == ']' || c == '}') return false;
            std::size_t next = 0;
            if (!item(current, next)) return false;
            current = next;
        }
    }

    bool item(std::size_t entry, std::size_t& exit) {
        const char c = text_[at_];
        if (c == '[' || c == '{') {
            ++at_;
            const std::size_t inner_entry = add_state("");
            std::size_t inner_exit = 0;
            if (!sequence(inner_entry, inner_exit, c == '[' ? ']' : '}')) return false;
            exit = add_state("");
            link(entry, inner_entry);
            link(inner_exit, exit);
            if (c == '[') link(entry, exit);               // optional: may be skipped
            else link(inner_exit, inner_entry);             // one or more: may repeat
            return true;
        }
        std::size_t end = at_;
        while (end < text_.size() && std::isalnum(static_cast<unsigned char>(text_[end]))) ++end;
        if (end == at_) return false;
        const std::string id(text_.substr(at_, end - at_));
        at_ = end;
        const std::size_t consume = add_state(id == "ANY" ? "*" : id);
        exit = add_state("");
        link(entry, consume);
        link(consume, exit);
        // [{ANY}] is written as [{ ANY }]: the loop is in the braces, nothing special here.
        return true;
    }

    std::string_view text_;
    std::size_t at_ = 0;
    SegmentGrammar grammar_;
};

std::optional<SegmentGrammar> SegmentGrammar::compile(std::string_view notation) { return GrammarBuilder(notation).build(); }

namespace {

// Epsilon closure: every state reachable without consuming a segment.
std::set<std::size_t> closure(const std::vector<SegmentGrammar::State>& states, std::set<std::size_t> from) {
    std::vector<std::size_t> stack(from.begin(), from.end());
    while (!stack.empty()) {
        const std::size_t s = stack.back();
        stack.pop_back();
        if (!states[s].segment.empty()) continue;   // a consuming state: its transitions need a segment
        for (std::size_t next : states[s].next)
            if (from.insert(next).second) stack.push_back(next);
    }
    return from;
}

}  // namespace

std::optional<GrammarMismatch> SegmentGrammar::match(const std::vector<std::string_view>& ids) const {
    std::set<std::size_t> live = closure(states_, {start_});
    auto expected_in = [&](const std::set<std::size_t>& set) {
        std::set<std::string> names;
        for (std::size_t s : set)
            if (!states_[s].segment.empty()) names.insert(states_[s].segment == "*" ? "(any)" : states_[s].segment);
        return std::vector<std::string>(names.begin(), names.end());
    };
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::set<std::size_t> after;
        for (std::size_t s : live)
            if (states_[s].segment == ids[i] || (states_[s].segment == "*" && !ids[i].empty()))
                for (std::size_t next : states_[s].next) after.insert(next);
        if (after.empty()) return GrammarMismatch{i, expected_in(live)};
        live = closure(states_, std::move(after));
    }
    if (!live.count(accept_)) return GrammarMismatch{ids.size(), expected_in(live)};
    return std::nullopt;
}

const SegmentGrammar* grammar_for(std::string_view message_type) {
    static const std::map<std::string, SegmentGrammar, std::less<>> grammars = [] {
        std::map<std::string, SegmentGrammar, std::less<>> all;
        std::string_view text = detail::segment_grammar_text();
        while (!text.empty()) {
            const auto end = text.find('\n');
            const std::string_view line = text.substr(0, end);
            text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
            const auto space = line.find(' ');
            if (line.empty() || space == std::string_view::npos) continue;
            if (auto compiled = SegmentGrammar::compile(line.substr(space + 1)))
                all.emplace(std::string(line.substr(0, space)), std::move(*compiled));
        }
        return all;
    }();
    const auto it = grammars.find(message_type);
    return it == grammars.end() ? nullptr : &it->second;
}

}  // namespace ssmix::ssmix2
