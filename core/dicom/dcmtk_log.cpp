// core/dicom/dcmtk_log.cpp — an oflog appender that keeps the messages in memory.
#include "core/dicom/dcmtk_log.h"

#include <mutex>

#include "dcmtk/config/osconfig.h"
#include "dcmtk/oflog/oflog.h"
#include "dcmtk/oflog/spi/logevent.h"

namespace ssmix::dicom {
namespace log4cplus = dcmtk::log4cplus;

namespace {

struct Collector final : log4cplus::Appender {
    std::mutex mutex;
    std::vector<std::string> lines;
    void close() override {}
    void append(const log4cplus::spi::InternalLoggingEvent& event) override {
        const std::lock_guard lock(mutex);
        lines.emplace_back(event.getMessage().c_str());
    }
};

}  // namespace

struct DcmtkLogCapture::State {
    log4cplus::Logger logger;
    Collector* collector;
    log4cplus::SharedAppenderPtr appender;
};

DcmtkLogCapture::DcmtkLogCapture(const char* logger, bool debug) {
    auto* collector = new Collector;
    state_.reset(new State{log4cplus::Logger::getInstance(logger), collector, log4cplus::SharedAppenderPtr(collector)});
    state_->logger.setAdditivity(false);   // not to the console
    state_->logger.addAppender(state_->appender);
    state_->logger.setLogLevel(debug ? log4cplus::DEBUG_LOG_LEVEL : log4cplus::WARN_LOG_LEVEL);
}

DcmtkLogCapture::~DcmtkLogCapture() {
    state_->logger.setLogLevel(log4cplus::OFF_LOG_LEVEL);
    state_->logger.removeAppender(state_->appender);
}

std::vector<std::string> DcmtkLogCapture::lines() const {
    const std::lock_guard lock(state_->collector->mutex);
    return state_->collector->lines;
}

}  // namespace ssmix::dicom
