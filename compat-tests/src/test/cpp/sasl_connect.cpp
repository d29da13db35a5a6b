// A test client for jproton's SASL and TLS (not one of the Proton C++ examples): connects with the
// given options, prints "connected mech=MECH user=USER" once open (then closes) or
// "error: NAME: DESCRIPTION" on a transport error, and exits 0 either way.
//
// Usage: sasl_connect URL [--user U] [--password P] [--insecure] [--mechs "M ..."] [--ca FILE]
#include <proton/connection.hpp>
#include <proton/connection_options.hpp>
#include <proton/container.hpp>
#include <proton/error_condition.hpp>
#include <proton/messaging_handler.hpp>
#include <proton/sasl.hpp>
#include <proton/ssl.hpp>
#include <proton/transport.hpp>

#include <iostream>
#include <string>

class sasl_connect : public proton::messaging_handler {
    std::string url_;
    proton::connection_options options_;

  public:
    sasl_connect(const std::string& url, const proton::connection_options& options) : url_(url), options_(options) {}

    void on_container_start(proton::container& c) override { c.connect(url_, options_); }

    void on_connection_open(proton::connection& c) override {
        std::cout << "connected mech=" << c.transport().sasl().mech() << " user=" << c.user() << std::endl;
        c.close();
    }

    void on_transport_error(proton::transport& t) override {
        std::cout << "error: " << t.error().name() << ": " << t.error().description() << std::endl;
    }
};

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: sasl_connect URL [--user U] [--password P] [--insecure] [--mechs M] [--ca FILE]" << std::endl;
        return 2;
    }
    proton::connection_options options;
    for (int i = 2; i < argc; i++) {
        std::string a = argv[i];
        if (a == "--insecure") {
            options.sasl_allow_insecure_mechs(true);
        } else if (i + 1 < argc && a == "--user") {
            options.user(argv[++i]);
        } else if (i + 1 < argc && a == "--password") {
            options.password(argv[++i]);
        } else if (i + 1 < argc && a == "--mechs") {
            options.sasl_allowed_mechs(argv[++i]);
        } else if (i + 1 < argc && a == "--ca") {
            options.ssl_client_options(proton::ssl_client_options(argv[++i], proton::ssl::VERIFY_PEER));
        } else {
            std::cerr << "bad argument: " << a << std::endl;
            return 2;
        }
    }
    sasl_connect handler(argv[1], options);
    proton::container(handler).run();
    return 0;
}
