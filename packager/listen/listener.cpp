// packager/listen/listener.cpp — acceptor, connections, the storage worker and shutdown.
// Ordering: every frame of a connection, good or bad, goes through the one worker queue, so
// ACKs leave in the order the messages arrived.
#include "packager/listen/listener.h"

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include <asio.hpp>

#include "packager/listen/ack.h"
#include "packager/support/event_log.h"
#include "packager/listen/mllp_framer.h"

namespace ssmix::packager {
namespace {

using asio::ip::tcp;

class Connection;

// A message waiting for storage, or an answer already decided (an oversized frame).
struct Job {
    Bytes message;
    std::string peer;
    std::shared_ptr<Connection> connection;
    std::optional<IngestResult> decided;
};

std::string ack_control_id() {
    static std::atomic<unsigned> counter{0};
    char text[32];
    std::snprintf(text, sizeof text, "A%s%05u", local_time_iso().substr(0, 19).c_str(), counter++ % 100000);
    std::string id;
    for (char c : std::string(text))
        if (std::isalnum(static_cast<unsigned char>(c))) id += c;
    return id.substr(0, 20);
}

std::string hl7_now() {
    std::string iso = local_time_iso();   // 2026-11-26T10:23:16.612+0900
    std::string out;
    for (char c : iso.substr(0, 19))
        if (c >= '0' && c <= '9') out += c;
    return out;
}

class StorageWorker {
public:
    StorageWorker(IngestPipeline& pipeline, EventLog& log, asio::io_context& io, std::size_t batch_limit)
        : pipeline_(pipeline), log_(log), io_(io), batch_limit_(batch_limit), thread_([this] { run(); }) {}

    ~StorageWorker() { stop_and_join(); }

    void enqueue(Job job) {
        {
            const std::lock_guard lock(mutex_);
            queue_.push_back(std::move(job));
        }
        wake_.notify_one();
    }

    // Stores and acknowledges everything queued, then ends the thread.
    void stop_and_join() {
        {
            const std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_one();
        if (thread_.joinable()) thread_.join();
    }

private:
    void run();
    void process(std::vector<Job>& batch);

    IngestPipeline& pipeline_;
    EventLog& log_;
    asio::io_context& io_;
    std::size_t batch_limit_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;
    bool stopping_ = false;
    std::thread thread_;
};

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(tcp::socket socket, StorageWorker& worker, EventLog& log, const ListenOptions& options,
               std::set<std::shared_ptr<Connection>>& live)
        : socket_(std::move(socket)), timer_(socket_.get_executor()), worker_(worker), log_(log), options_(options), live_(live),
          framer_(options.max_frame_bytes, framer_events()) {
        std::error_code ec;
        const auto endpoint = socket_.remote_endpoint(ec);
        peer_ = ec ? std::string("unknown") : endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
    }

    void start() {
        log_.write("connected", {{"peer", peer_}});
        read();
    }

    // Shutdown: read no more; the ACKs still owed are sent, then the connection closes.
    void stop_reading() {
        reading_ = false;
        std::error_code ignored;
        socket_.shutdown(tcp::socket::shutdown_receive, ignored);
        timer_.cancel();
        close_if_done();
    }

    // Called on the network thread when the worker has stored (or refused) a message.
    void send(Bytes ack) {
        --owed_acks_;
        if (closed_) return;
        Bytes frame;
        frame.reserve(ack.size() + 3);
        frame.push_back(0x0B);
        frame.insert(frame.end(), ack.begin(), ack.end());
        frame.push_back(0x1C);
        frame.push_back(0x0D);
        outbox_.push_back(std::move(frame));
        if (outbox_.size() == 1) write_next();
    }

    [[nodiscard]] const std::string& peer() const { return peer_; }

private:
    MllpFramer::Events framer_events() {
        return {
            [this](Bytes frame) {
                ++owed_acks_;
                worker_.enqueue({std::move(frame), peer_, shared_from_this(), std::nullopt});
            },
            [this](std::size_t bytes) { log_.write("garbage", {{"peer", peer_}, {"bytes", bytes}, {"result", "discarded"}}); },
            [this](Bytes head, std::size_t total) {
                IngestResult refused;
                refused.status = IngestStatus::unreadable;
                refused.diagnostics.push_back(error({peer_, 0, ""}, "hl7.too_large",
                                                    "frame of " + std::to_string(total) + " bytes is over the limit of " +
                                                        std::to_string(options_.max_frame_bytes) + " bytes"));
                ++owed_acks_;
                worker_.enqueue({std::move(head), peer_, shared_from_this(), std::move(refused)});
            },
        };
    }

    void read() {
        if (!reading_) return;
        arm_idle_timer();
        socket_.async_read_some(asio::buffer(buffer_), [self = shared_from_this()](std::error_code ec, std::size_t n) {
            self->on_read(ec, n);
        });
    }

    void on_read(std::error_code ec, std::size_t n) {
        if (ec) {
            if (framer_.in_frame())
                log_.write("disconnected", {{"peer", peer_}, {"result", "mid-frame"}, {"discarded", framer_.pending_bytes()}});
            else if (ec != asio::error::operation_aborted)
                log_.write("disconnected", {{"peer", peer_}, {"result", ec == asio::error::eof ? "closed" : ec.message()}});
            reading_ = false;
            timer_.cancel();
            close_if_done();
            return;
        }
        framer_.feed({buffer_.data(), n});
        read();
    }

    void arm_idle_timer() {
        timer_.expires_after(options_.idle_timeout);
        timer_.async_wait([weak = weak_from_this()](std::error_code ec) {
            auto self = weak.lock();
            if (ec || !self || !self->reading_) return;
            self->log_.write("idle-timeout", {{"peer", self->peer_}, {"seconds", self->options_.idle_timeout.count()},
                                              {"discarded", self->framer_.pending_bytes()}});
            self->stop_reading();
        });
    }

    void write_next() {
        asio::async_write(socket_, asio::buffer(outbox_.front()), [self = shared_from_this()](std::error_code ec, std::size_t) {
            self->outbox_.pop_front();
            if (ec) {
                self->outbox_.clear();
                self->close();
                return;
            }
            if (!self->outbox_.empty()) self->write_next();
            else self->close_if_done();
        });
    }

    void close_if_done() {
        if (!reading_ && owed_acks_ == 0 && outbox_.empty()) close();
    }

    void close() {
        if (closed_) return;
        closed_ = true;
        std::error_code ignored;
        timer_.cancel();
        socket_.shutdown(tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
        live_.erase(shared_from_this());
    }

    tcp::socket socket_;
    asio::steady_timer timer_;
    StorageWorker& worker_;
    EventLog& log_;
    const ListenOptions& options_;
    std::set<std::shared_ptr<Connection>>& live_;
    MllpFramer framer_;
    std::string peer_;
    std::array<std::uint8_t, 65536> buffer_{};
    std::deque<Bytes> outbox_;
    std::size_t owed_acks_ = 0;
    bool reading_ = true;
    bool closed_ = false;
};

void StorageWorker::run() {
    for (;;) {
        std::vector<Job> batch;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;   // stopping, and nothing left
            while (!queue_.empty() && batch.size() < batch_limit_) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        process(batch);
    }
}

void StorageWorker::process(std::vector<Job>& batch) {
    std::vector<IngestPipeline::Incoming> incoming;
    incoming.reserve(batch.size());
    for (auto& job : batch) incoming.push_back({job.message, job.peer, std::move(job.decided)});
    // Returns when every stored message of the batch is durable: only then are AAs sent.
    const std::vector<IngestResult> results = pipeline_.ingest_batch(incoming);
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const IngestResult& result = results[i];
        Job& job = batch[i];
        Bytes ack = make_ack(job.message, result, ack_control_id(), hl7_now());
        nlohmann::ordered_json fields = {{"peer", job.peer},
                                         {"controlId", result.control_id},
                                         {"dataType", result.data_type},
                                         {"result", to_string(result.status)}};
        if (!result.stored_path.empty()) fields["path"] = result.stored_path;
        for (const auto& d : result.diagnostics)
            if (d.severity == Severity::error) {
                fields["problem"] = to_string(d);
                break;
            }
        log_.write("message", std::move(fields));
        asio::post(io_, [connection = job.connection, ack = std::move(ack)]() mutable { connection->send(std::move(ack)); });
    }
}

}  // namespace

int run_listener(const ListenOptions& options) {
    EventLog log(options.log_file, options.json_log);
    IngestPipeline pipeline(options.storage, options.rejected, options.transactions);
    asio::io_context io;
    tcp::acceptor acceptor(io);
    const tcp::endpoint endpoint(asio::ip::make_address(options.bind), options.port);
    acceptor.open(endpoint.protocol());
    acceptor.set_option(tcp::acceptor::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen();
    const auto bound = acceptor.local_endpoint();
    std::cout << "listening " << bound.address().to_string() << " " << bound.port() << std::endl;
    log.write("listening", {{"address", bound.address().to_string()}, {"port", bound.port()},
                            {"storage", std::filesystem::absolute(options.storage).string()}});

    StorageWorker worker(pipeline, log, io, options.batch_limit);
    std::set<std::shared_ptr<Connection>> live;
    std::function<void()> accept = [&] {
        acceptor.async_accept([&](std::error_code ec, tcp::socket socket) {
            if (ec) return;   // closed for shutdown
            auto connection = std::make_shared<Connection>(std::move(socket), worker, log, options, live);
            live.insert(connection);
            connection->start();
            accept();
        });
    };
    accept();

    asio::signal_set signals(io, SIGINT, SIGTERM);
    std::thread drainer;
    // Keeps io.run() going while the worker drains, even when no socket operation is pending.
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> draining;
    signals.async_wait([&](std::error_code ec, int signal) {
        if (ec) return;
        log.write("stopping", {{"signal", signal == SIGTERM ? "SIGTERM" : "SIGINT"}, {"connections", live.size()}});
        std::error_code ignored;
        acceptor.close(ignored);
        for (const auto& connection : std::vector<std::shared_ptr<Connection>>(live.begin(), live.end())) connection->stop_reading();
        // Store and acknowledge what has arrived (on another thread: the worker posts the ACKs
        // here, and this thread must keep running to send them).
        draining.emplace(io.get_executor());
        drainer = std::thread([&] {
            worker.stop_and_join();
            asio::post(io, [&] { draining.reset(); });
        });
    });
    io.run();   // returns when the acceptor is closed, every connection has closed and the signal is handled
    if (drainer.joinable()) drainer.join();
    worker.stop_and_join();
    log.write("stopped", {});
    return 0;
}

}  // namespace ssmix::packager
