// W1 throughput receiver in Proton C++, the anchor that jproton's tput_recv is measured against.
// Same arguments and output line: tput_recv HOST:PORT COUNT [--credit N]
#include <proton/connection.hpp>
#include <proton/container.hpp>
#include <proton/delivery.hpp>
#include <proton/listen_handler.hpp>
#include <proton/listener.hpp>
#include <proton/message.hpp>
#include <proton/messaging_handler.hpp>
#include <proton/receiver.hpp>
#include <proton/receiver_options.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

class printer : public proton::listen_handler {
    void on_open(proton::listener& l) override {
        std::printf("listening on %d\n", l.port());
        std::fflush(stdout);
    }
};

class tput_recv : public proton::messaging_handler {
    std::string url_;
    long count_;
    int credit_;
    long received_ = 0;
    printer printer_;
    proton::listener listener_;
    std::chrono::steady_clock::time_point start_;

  public:
    tput_recv(const std::string& url, long count, int credit) : url_(url), count_(count), credit_(credit) {}

    void on_container_start(proton::container& c) override {
        c.receiver_options(proton::receiver_options().credit_window(credit_));
        listener_ = c.listen(url_, printer_);
    }

    void on_message(proton::delivery& d, proton::message&) override {
        if (received_++ == 0) start_ = std::chrono::steady_clock::now();
        if (received_ == count_) {
            double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
            std::printf("tput_recv: %ld messages in %.3f s, %.0f msg/s\n", count_, s, count_ / s);
            std::fflush(stdout);
            d.connection().close();
            listener_.stop();
        }
    }
};

int main(int argc, char** argv) {
    std::string url;
    long count = -1;
    int credit = 1000;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if ((a == "--credit" || a == "-c") && i + 1 < argc) credit = std::atoi(argv[++i]);
        else if (url.empty()) url = a;
        else if (count < 0) count = std::atol(a.c_str());
        else { std::cerr << "usage: tput_recv HOST:PORT COUNT [--credit N]\n"; return 2; }
    }
    if (url.empty() || count <= 0) { std::cerr << "usage: tput_recv HOST:PORT COUNT [--credit N]\n"; return 2; }
    try {
        tput_recv h(url, count, credit);
        proton::container(h).run();
    } catch (const std::exception& e) {
        std::cerr << e.what() << std::endl;
        return 1;
    }
    return 0;
}
