// A test peer for jproton's type round trips (not one of the Proton C++ examples): listens on
// 127.0.0.1, an ephemeral port, prints "listening on PORT", and sends every message it receives
// on a link to address "echo" back, as C++ decoded it, on its link from "echo". Exits once its
// connection closes.
//
// Usage: echo
#include <proton/connection.hpp>
#include <proton/container.hpp>
#include <proton/delivery.hpp>
#include <proton/listen_handler.hpp>
#include <proton/listener.hpp>
#include <proton/message.hpp>
#include <proton/messaging_handler.hpp>
#include <proton/sender.hpp>
#include <proton/transport.hpp>

#include <deque>
#include <iostream>

class echo : public proton::messaging_handler {
    struct on_listen : public proton::listen_handler {
        void on_open(proton::listener& l) override { std::cout << "listening on " << l.port() << std::endl; }
    } listen_handler_;
    proton::listener listener_;
    proton::sender sender_;
    std::deque<proton::message> waiting_;

  public:
    void on_container_start(proton::container& c) override { listener_ = c.listen("127.0.0.1:0", listen_handler_); }

    void on_sender_open(proton::sender& s) override {
        if (s.uninitialized()) s.open(); // as the default handler does
        sender_ = s;
    }

    void on_message(proton::delivery&, proton::message& m) override {
        waiting_.push_back(m);
        flush();
    }

    void on_sendable(proton::sender&) override { flush(); }

    void flush() {
        while (sender_ && sender_.credit() > 0 && !waiting_.empty()) {
            sender_.send(waiting_.front());
            waiting_.pop_front();
        }
    }

    void on_connection_close(proton::connection&) override { listener_.stop(); }
};

int main() {
    echo handler;
    proton::container(handler).run();
    return 0;
}
