// W1 throughput sender in Proton C++, the anchor that jproton's tput_send is measured against.
// Same arguments and output line: tput_send URL COUNT [--size BYTES] [--presettled]
#include <proton/connection.hpp>
#include <proton/container.hpp>
#include <proton/message.hpp>
#include <proton/messaging_handler.hpp>
#include <proton/sender.hpp>
#include <proton/sender_options.hpp>
#include <proton/delivery_mode.hpp>
#include <proton/tracker.hpp>
#include <proton/binary.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

class tput_send : public proton::messaging_handler {
    std::string url_;
    long count_;
    bool presettled_;
    proton::message msg_;
    long sent_ = 0, confirmed_ = 0;
    std::chrono::steady_clock::time_point start_;
    bool started_ = false;

    void report() {
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        std::printf("tput_send: %ld messages in %.3f s, %.0f msg/s\n", count_, s, count_ / s);
        std::fflush(stdout);
    }

  public:
    tput_send(const std::string& url, long count, int size, bool presettled)
        : url_(url), count_(count), presettled_(presettled) {
        msg_.body(proton::binary(std::string(size, '\0')));
    }

    void on_container_start(proton::container& c) override {
        proton::sender_options so;
        so.delivery_mode(presettled_ ? proton::delivery_mode::AT_MOST_ONCE : proton::delivery_mode::AT_LEAST_ONCE);
        c.open_sender(url_, so);
    }

    void on_sendable(proton::sender& s) override {
        if (!started_) { started_ = true; start_ = std::chrono::steady_clock::now(); }
        while (s.credit() > 0 && sent_ < count_) { s.send(msg_); ++sent_; }
    }

    void on_tracker_accept(proton::tracker& t) override {
        if (++confirmed_ == count_) { report(); t.connection().close(); }
    }

    void on_connection_close(proton::connection&) override {
        if (presettled_) report();
    }
};

int main(int argc, char** argv) {
    std::string url;
    long count = -1;
    int size = 100;
    bool presettled = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--presettled" || a == "-P") presettled = true;
        else if ((a == "--size" || a == "-s") && i + 1 < argc) size = std::atoi(argv[++i]);
        else if (url.empty()) url = a;
        else if (count < 0) count = std::atol(a.c_str());
        else { std::cerr << "usage: tput_send URL COUNT [--size BYTES] [--presettled]\n"; return 2; }
    }
    if (url.empty() || count <= 0) { std::cerr << "usage: tput_send URL COUNT [--size BYTES] [--presettled]\n"; return 2; }
    try {
        tput_send h(url, count, size, presettled);
        proton::container(h).run();
    } catch (const std::exception& e) {
        std::cerr << e.what() << std::endl;
        return 1;
    }
    return 0;
}
