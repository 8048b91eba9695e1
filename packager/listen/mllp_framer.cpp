// packager/listen/mllp_framer.cpp — a five-state byte machine. 0x1C ends a frame when 0x0D or
// (from senders that omit the CR) 0x0B follows; otherwise it is data. A 0x0B inside a frame
// starts a new one (the previous frame had no end block and is dropped as garbage).
#include "packager/listen/mllp_framer.h"

namespace ssmix::packager {

namespace {
constexpr std::uint8_t start_block = 0x0B, end_block = 0x1C, carriage_return = 0x0D;
constexpr std::size_t head_kept = 4096;   // of an oversized frame, enough to read its MSH
}  // namespace

MllpFramer::MllpFramer(std::size_t max_frame_bytes, Events events) : max_(max_frame_bytes), events_(std::move(events)) {}

void MllpFramer::flush_garbage() {
    if (garbage_ && events_.garbage) events_.garbage(garbage_);
    garbage_ = 0;
}

void MllpFramer::feed(ByteView bytes) {
    for (const std::uint8_t b : bytes) {
        switch (state_) {
            case State::outside:
                if (b == start_block) {
                    flush_garbage();
                    state_ = State::inside;
                    frame_.clear();
                } else if (b != carriage_return && b != '\n') {
                    ++garbage_;
                }
                break;
            case State::inside:
            case State::inside_after_1c:
                if (state_ == State::inside_after_1c) {
                    if (b == carriage_return || b == start_block) {   // 0x1C 0x0B: a sender that omits the CR
                        state_ = b == start_block ? State::inside : State::outside;
                        Bytes frame;
                        frame.swap(frame_);
                        if (events_.frame) events_.frame(std::move(frame));
                        break;
                    }
                    frame_.push_back(end_block);   // a lone 0x1C is data
                    state_ = State::inside;
                }
                if (b == end_block) {
                    state_ = State::inside_after_1c;
                } else if (b == start_block) {
                    garbage_ += frame_.size() + 1;   // a frame that never ended
                    flush_garbage();
                    frame_.clear();
                } else if (frame_.size() >= max_) {
                    state_ = State::dropping;
                    dropped_ = frame_.size() + 1;
                    frame_.resize(head_kept < frame_.size() ? head_kept : frame_.size());
                } else {
                    frame_.push_back(b);
                }
                break;
            case State::dropping:
            case State::dropping_after_1c:
                if (state_ == State::dropping_after_1c && b == carriage_return) {
                    state_ = State::outside;
                    if (events_.too_large) events_.too_large(std::move(frame_), dropped_);
                    frame_.clear();
                    dropped_ = 0;
                    break;
                }
                state_ = b == end_block ? State::dropping_after_1c : State::dropping;
                ++dropped_;
                break;
        }
    }
}

}  // namespace ssmix::packager
