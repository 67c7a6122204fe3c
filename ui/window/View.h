#pragma once
// The contract every view of the window keeps (the Training tab's panels and
// the other tabs alike), so the window holds a list of views and needs no
// code per view: it lays them out, feeds them, redraws them, builds the
// Export menu, --tab and the saved settings from the list (ViewList.cpp).
//   setDataset   a dataset was loaded (before any run on it)
//   setVariant   the variant of the model the worker now holds (null: none);
//                a view asks its traits, never its name
//   consume      each snapshot of the current run: keep what this view needs
//   clear        forget the run (Reset, a new run, a new dataset)
//   refresh      the window's redraw tick (~10 Hz): draw what changed since
// Views that need the model itself ask the worker through an ExploreClient
// (ViewContext::controller); views that need each other talk through the
// context's shared state (the chosen sample), never through the window.
#include "worker/UiTypes.h"

#include <QWidget>

#include <vector>

class QSettings;

namespace aelab {
struct VariantInfo;
}

namespace aelab::ui {

class RunList;
class SampleSelection;
class TrainingController;

// What every view may use: the handle on training, the shared selection
// and the session's kept runs.
struct ViewContext {
    TrainingController* controller = nullptr;
    SampleSelection* selection = nullptr;
    RunList* runs = nullptr;
};

class View : public QWidget {
    Q_OBJECT
public:
    // `key` names the view in --tab, exports and settings ("loss", "explorer");
    // `title` is what the user reads (translated).
    View(const QString& key, const QString& title, QWidget* parent = nullptr);

    QString key() const { return m_key; }
    QString title() const { return m_title; }

    virtual void setDataset(const DatasetPtr&) {}
    virtual void setVariant(const VariantInfo*) {}
    virtual void consume(const Snapshot&) {}
    virtual void clear() {}
    virtual void refresh() {}

    // What File > Export offers for this view: the whole view by default.
    struct ExportTarget {
        QString key;
        QString title;
        QWidget* widget = nullptr;
    };
    virtual std::vector<ExportTarget> exportTargets();

    // The view's own choices (log scale, smoothing...), under its key.
    virtual void saveSettings(QSettings&) const {}
    virtual void restoreSettings(const QSettings&) {}

private:
    QString m_key;
    QString m_title;
};

} // namespace aelab::ui
