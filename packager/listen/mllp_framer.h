// packager/listen/mllp_framer.h — MLLP framing (HL7 v2 over TCP): a message is sent as
// 0x0B <message> 0x1C 0x0D. The framer takes bytes as they arrive and hands out whole frames,
// counts garbage outside frames, and cuts off a frame that grows past the size limit (its
// bytes are dropped up to the end block; the frame is reported as too large). Pure logic, no I/O.
#pragma once

#include <cstdint>
#include <functional>

#include "core/base/bytes.h"

namespace ssmix::packager {

class MllpFramer {
public:
    struct Events {
        std::function<void(Bytes frame)> frame;                     // a whole message (without 0x0B 0x1C 0x0D)
        std::function<void(std::size_t bytes)> garbage;             // bytes before a start block, discarded
        std::function<void(Bytes head, std::size_t total)> too_large;   // first bytes of an oversized frame
    };

    MllpFramer(std::size_t max_frame_bytes, Events events);

    void feed(ByteView bytes);
    [[nodiscard]] bool in_frame() const { return state_ != State::outside; }
    [[nodiscard]] std::size_t pending_bytes() const { return frame_.size() + dropped_; }

private:
    enum class State { outside, inside, inside_after_1c, dropping, dropping_after_1c };
    void flush_garbage();

    std::size_t max_;
    Events events_;
    State state_ = State::outside;
    Bytes frame_;
    std::size_t garbage_ = 0;
    std::size_t dropped_ = 0;
};

}  // namespace ssmix::packager
