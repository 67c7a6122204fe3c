#pragma once
// What the command line asks of the window at start (app/gui_main.cpp).
#include <QString>

#include <map>

namespace aelab::ui {

struct MainWindowOptions {
    QString dataset;          // empty: the last one used, else Fashion-MNIST
    QString variant;          // empty: the last one used
    int epochs = 0;           // 0: the last value
    int limit = -1;           // < 0: the last value
    bool trainOnStart = false;
    int threads = 0;          // training threads; 0: all cores
    QString tab;              // open on this tab: "training", or a tab view's key ("explorer", ...)
    std::map<QString, QString> params;   // hyperparameters as typed ("latent" -> "8")
};

} // namespace aelab::ui
