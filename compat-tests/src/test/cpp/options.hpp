// jproton's own minimal stand-in for the "options.hpp" helper that the Proton C++ examples include.
// The Debian package ships the examples' sources only inside its HTML documentation, without this
// helper, so the interop tests provide this one: same interface (options, add_value, add_flag,
// parse, bad_option, operator<<), written for jproton.
#ifndef JPROTON_EXAMPLE_OPTIONS_HPP
#define JPROTON_EXAMPLE_OPTIONS_HPP

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>
#include <iostream>
#include <iomanip>

namespace example {

struct bad_option : public std::runtime_error {
    explicit bad_option(const std::string& s) : std::runtime_error(s) {}
};

class options {
    struct opt {
        char short_name;
        std::string long_name, description, metavar;
        bool is_flag;
        bool* flag;
        std::string* str;
        int* integer;
        double* real;
    };
    int argc_;
    char** argv_;
    std::vector<opt> opts_;

    void add(opt o) { opts_.push_back(o); }

    void set(const opt& o, const std::string& v) {
        std::istringstream is(v);
        if (o.str) { *o.str = v; return; }
        if (o.integer) { if (!(is >> *o.integer)) throw bad_option("bad value for --" + o.long_name + ": " + v); return; }
        if (o.real) { if (!(is >> *o.real)) throw bad_option("bad value for --" + o.long_name + ": " + v); return; }
    }

  public:
    options(int argc, char** argv) : argc_(argc), argv_(argv) {}

    void add_value(std::string& v, char s, const std::string& l, const std::string& d, const std::string& m) {
        opt o = {s, l, d, m, false, 0, &v, 0, 0}; add(o);
    }
    void add_value(int& v, char s, const std::string& l, const std::string& d, const std::string& m) {
        opt o = {s, l, d, m, false, 0, 0, &v, 0}; add(o);
    }
    void add_value(double& v, char s, const std::string& l, const std::string& d, const std::string& m) {
        opt o = {s, l, d, m, false, 0, 0, 0, &v}; add(o);
    }
    void add_flag(bool& v, char s, const std::string& l, const std::string& d) {
        opt o = {s, l, d, "", true, &v, 0, 0, 0}; add(o);
    }

    void parse() {
        for (int i = 1; i < argc_; ++i) {
            std::string a = argv_[i];
            const opt* found = 0;
            std::string value;
            bool has_value = false;
            if (a.size() > 2 && a[0] == '-' && a[1] == '-') {
                std::string name = a.substr(2);
                std::string::size_type eq = name.find('=');
                if (eq != std::string::npos) { value = name.substr(eq + 1); name = name.substr(0, eq); has_value = true; }
                for (size_t k = 0; k < opts_.size(); ++k) if (opts_[k].long_name == name) found = &opts_[k];
                if (!found) throw bad_option("unknown option: " + a);
            } else if (a.size() > 1 && a[0] == '-') {
                for (size_t k = 0; k < opts_.size(); ++k) if (opts_[k].short_name == a[1]) found = &opts_[k];
                if (!found) throw bad_option("unknown option: " + a);
                if (a.size() > 2) { value = a.substr(2); has_value = true; }
            } else {
                throw bad_option("unexpected argument: " + a);
            }
            if (found->is_flag) { *found->flag = true; continue; }
            if (!has_value) {
                if (++i >= argc_) throw bad_option("missing value for " + a);
                value = argv_[i];
            }
            set(*found, value);
        }
    }

    friend std::ostream& operator<<(std::ostream& os, const options& o) {
        os << "Usage: " << (o.argc_ > 0 ? o.argv_[0] : "example") << " [options]\n\nOptions:\n";
        for (size_t k = 0; k < o.opts_.size(); ++k) {
            const opt& x = o.opts_[k];
            std::string left = std::string(" -") + x.short_name + ", --" + x.long_name + (x.is_flag ? "" : "=" + x.metavar);
            os << std::left << std::setw(30) << left << " " << x.description << "\n";
        }
        return os;
    }
};

} // namespace example

#endif
